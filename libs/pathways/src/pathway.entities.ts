import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@magix/database';
import { PathwayRules } from './domain/pathway-rules';
import { RecognitionHolding } from './recognition-ownership';

@Entity('pathway_rules')
export class PathwayRulesVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  rules!: PathwayRules;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@ObjectType({ description: 'The joint degree awarded to a learner, and whether it needs the programme office’s review' })
@Entity('degree_award')
export class DegreeAward {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Column({ name: 'pathway_rules_id', type: 'uuid' })
  pathwayRulesId!: string;

  @Field(() => ID)
  @Column({ name: 'credential_id', type: 'uuid' })
  credentialId!: string;

  @Field()
  @Column({ name: 'awarded_at', type: 'timestamptz' })
  awardedAt!: Date;

  @Field({ description: 'A module it was stacked from has been revoked since' })
  @Column({ name: 'review_required' })
  reviewRequired!: boolean;

  @Field(() => String, { nullable: true })
  @Column({ name: 'review_reason', type: 'text', nullable: true })
  reviewReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'Set once a re-issue after revocation replaced this award' })
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The revoked degree credential this one re-issues' })
  @Column({ name: 'replaces_credential_id', type: 'uuid', nullable: true })
  replacesCredentialId!: string | null;
}

@Entity('degree_award_source')
export class DegreeAwardSource {
  @Column({ name: 'degree_award_id', type: 'uuid', primary: true })
  degreeAwardId!: string;

  @Column({ name: 'credential_id', type: 'uuid', primary: true })
  credentialId!: string;
}

export enum RecognitionStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(RecognitionStatus, { name: 'RecognitionStatus' });
registerEnumType(RecognitionHolding, { name: 'RecognitionHolding' });

@ObjectType({ description: 'A credential earned elsewhere, handed in for recognition toward the degree' })
@Entity('recognition')
export class Recognition {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId!: string;

  @Column({ name: 'submitted_credential', type: 'text' })
  submittedCredential!: string;

  @Column({ type: 'jsonb' })
  verification!: Record<string, unknown>;

  @Field({ description: 'The verdict when it was submitted: VALID, STATUS_UNKNOWN, REVOKED, …' })
  @Column()
  verdict!: string;

  @Field()
  @Column()
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'issuer_name', type: 'text', nullable: true })
  issuerName!: string | null;

  @Field(() => RecognitionStatus)
  @Column({ type: 'text' })
  status!: RecognitionStatus;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'ects_granted', type: 'numeric', nullable: true, transformer: numericColumn })
  ectsGranted!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'group_name', type: 'text', nullable: true })
  groupName!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Field({ description: 'Approved by the programme office although the credential verified as INVALID' })
  @Column({ name: 'verdict_overridden', default: false })
  verdictOverridden!: boolean;

  @Field(() => String, { nullable: true })
  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason!: string | null;

  @Field()
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  /** `id:<credential id>` or `sha256:<content digest>`: one request per external credential (unique). */
  @Column({ name: 'credential_key', type: 'text', nullable: true })
  credentialKey!: string | null;

  @Field(() => String, { nullable: true, description: 'The MAGIX module it counts as: named by the credential or by the request' })
  @Column({ name: 'module_code', type: 'text', nullable: true })
  moduleCode!: string | null;

  @Field(() => RecognitionHolding, { nullable: true, description: 'How the credential was shown to be the learner’s own' })
  @Column({ type: 'text', nullable: true })
  holding!: RecognitionHolding | null;
}

@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'recipient_role', type: 'text' })
  recipientRole!: string;

  @Column({ name: 'recipient_id', type: 'uuid', nullable: true })
  recipientId!: string | null;

  @Column()
  subject!: string;

  @Column()
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
