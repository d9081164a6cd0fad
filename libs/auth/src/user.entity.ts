import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Principal, Role } from './role';

@ObjectType({ description: 'An account that can sign in' })
@Entity('app_user')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  email!: string;

  // Never exposed: no @Field.
  @Column({ name: 'password_hash' })
  passwordHash!: string;

  @Field(() => Role)
  @Column({ type: 'text' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The organisation an ISSUER acts for' })
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The learner record of a LEARNER' })
  @Column({ name: 'learner_id', type: 'uuid', nullable: true })
  learnerId!: string | null;

  /** Carried by every access token; bumped when the password changes or the account is disabled. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  @Field(() => Date, { nullable: true, description: 'Since when the account can no longer sign in; null while it can' })
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Who an account acts as: what its access token carries, and what background work acts with. */
export function principalOf(user: User): Principal {
  return { userId: user.id, role: user.role, organisationId: user.organisationId, learnerId: user.learnerId };
}
