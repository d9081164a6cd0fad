import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An HEI's signing identity and its validity window. The secret key is sealed under the master
 * key and never selected by default. A rotated key is retired, not deleted: what it signed before
 * stays valid.
 */
@ObjectType('SigningKey', { description: 'A DID an HEI signs (or signed) credentials with' })
@Entity('issuer_key')
export class IssuerKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Field()
  @Column()
  did!: string;

  @Field()
  @Column({ name: 'verification_method' })
  verificationMethod!: string;

  @Column({ name: 'public_key_multibase' })
  publicKeyMultibase!: string;

  @Column({ name: 'sealed_secret_key', select: false })
  sealedSecretKey!: string;

  @Field({ description: 'Signs new credentials' })
  @Column()
  active!: boolean;

  @Field()
  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was rotated out; it still vouches for what it signed before' })
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Credentials it signed from then on are not trusted' })
  @Column({ name: 'compromised_from', type: 'timestamptz', nullable: true })
  compromisedFrom!: Date | null;

  @Column({ name: 'compromise_reason', type: 'text', nullable: true })
  compromiseReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
