import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  /** A place is offered, until `offerExpiresAt`. */
  ACCEPTED = 'ACCEPTED',
  RESERVE = 'RESERVE',
  REJECTED = 'REJECTED',
  /** The learner took the place: an enrolment exists, or, for the degree, the office confirmed the registration at UPM. */
  ENROLLED = 'ENROLLED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
  /** Not offered the place it was due: a prerequisite was missing when the offer would go out. */
  INELIGIBLE = 'INELIGIBLE',
}
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

/** The two student profiles of the call for applications. */
export enum ApplicantProfile {
  /** A student of any discipline aiming to become a functional specialist in AI for public services. */
  STUDENT = 'STUDENT',
  /** Staff of a public institution. */
  PUBLIC_STAFF = 'PUBLIC_STAFF',
}
registerEnumType(ApplicantProfile, {
  name: 'ApplicantProfile',
  description: 'STUDENT: of any discipline; PUBLIC_STAFF: of a public institution',
});

export enum DocumentKind {
  CV = 'CV',
  MOTIVATION = 'MOTIVATION',
}

export enum Decision {
  ACCEPTED = 'ACCEPTED',
  RESERVE = 'RESERVE',
  REJECTED = 'REJECTED',
}
registerEnumType(Decision, { name: 'Decision' });

@ObjectType({ description: 'An application to the programme (degree-seeking) or to one module offering' })
@Entity('application')
export class Application {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId!: string;

  @Field(() => ID, { nullable: true, description: 'Set for a degree-seeking application' })
  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The edition (intake) a degree-seeking application applies to' })
  @Column({ name: 'edition_id', type: 'uuid', nullable: true })
  editionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Set for a self-standing module application' })
  @Column({ name: 'offering_id', type: 'uuid', nullable: true })
  offeringId!: string | null;

  @Field(() => String, { nullable: true, description: 'The motivation as text; or else a one-page PDF (motivationLetter)' })
  @Column({ type: 'text', nullable: true })
  motivation!: string | null;

  @Field(() => ApplicantProfile, { nullable: true, description: 'Which of the two student profiles the applicant is' })
  @Column({ type: 'text', nullable: true })
  profile!: ApplicantProfile | null;

  @Field(() => String, { nullable: true, description: 'STUDENT: the discipline studied' })
  @Column({ type: 'text', nullable: true })
  discipline!: string | null;

  @Field(() => ID, { nullable: true, description: 'PUBLIC_STAFF: the public employer, an organisation on the platform' })
  @Column({ name: 'public_employer_id', type: 'uuid', nullable: true })
  publicEmployerId!: string | null;

  @Field(() => String, { nullable: true, description: 'PUBLIC_STAFF: the public employer by name, when not on the platform' })
  @Column({ name: 'public_employer_name', type: 'text', nullable: true })
  publicEmployerName!: string | null;

  @Field(() => ApplicationStatus)
  @Column({ type: 'text' })
  status!: ApplicationStatus;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Place on the reserve list, 1 first' })
  @Column({ name: 'reserve_rank', type: 'integer', nullable: true })
  reserveRank!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'An offered place must be taken before this' })
  @Column({ name: 'offer_expires_at', type: 'timestamptz', nullable: true })
  offerExpiresAt!: Date | null;

  @Field()
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('application_document')
export class ApplicationDocument {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: DocumentKind;

  @Column()
  filename!: string;

  @Column({ name: 'content_type' })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column()
  sha256!: string;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}

@ObjectType({ description: 'A document handed in with an application: the CV, or the motivation letter as a PDF' })
export class ApplicationDocumentInfo {
  @Field()
  filename!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field({ description: 'SHA-256 of the stored file, hex' })
  sha256!: string;

  @Field()
  uploadedAt!: Date;
}

@ObjectType({ description: 'A review round of the academic commission' })
@Entity('review_batch')
export class ReviewBatch {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'offering_id', type: 'uuid', nullable: true })
  offeringId!: string | null;

  /** Null when the schedule opened it. */
  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy!: string | null;

  @Field()
  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Opened by the schedule: the first day of its review period (ISO date)' })
  @Column({ name: 'period_starts_on', type: 'date', nullable: true })
  periodStartsOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Opened by the schedule: the last day of its review period (ISO date)' })
  @Column({ name: 'period_ends_on', type: 'date', nullable: true })
  periodEndsOn!: string | null;

  /** The period (its first day) for which the commission was last reminded of this batch. */
  @Column({ name: 'reminded_for_period', type: 'date', nullable: true })
  remindedForPeriod!: string | null;
}

@Entity('outbox_message')
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column()
  recipient!: string;

  @Column()
  subject!: string;

  @Column()
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
