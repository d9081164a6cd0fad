import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A learner's public link to one of their credentials. The token is the only secret: whoever holds
 * the URL sees the credential, until the learner revokes the link or it expires.
 */
@ObjectType({ description: 'A public link to one of your credentials, revocable, optionally expiring' })
@Entity('share_link')
export class ShareLink {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'The unguessable part of the link (/c/<token>)' })
  @Column({ unique: true })
  token!: string;

  @Field(() => ID)
  @Column({ name: 'credential_id', type: 'uuid' })
  credentialId!: string;

  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId!: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

export enum ShareLinkState {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

/** Revocation wins over expiry: a learner who revoked a link wants to be told so. */
export function shareLinkState(link: Pick<ShareLink, 'revokedAt' | 'expiresAt'>, now: Date): ShareLinkState {
  if (link.revokedAt) return ShareLinkState.REVOKED;
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return ShareLinkState.EXPIRED;
  return ShareLinkState.ACTIVE;
}
