import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@magix/database';

@ObjectType({ description: 'The assessed outcome of one attempt of an enrolment; a correction replaces it by a new row' })
@Entity('assessment_result')
export class AssessmentResult {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @Field({ description: 'In the HEI’s own grading scale' })
  @Column()
  grade!: string;

  @Field()
  @Column()
  passed!: boolean;

  @Field(() => Float)
  @Column({ name: 'credits_awarded', type: 'numeric', transformer: numericColumn })
  creditsAwarded!: number;

  @Field({ description: 'ISO date' })
  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn!: string;

  @Field(() => String, { nullable: true, description: 'The grading scale the grade is in' })
  @Column({ name: 'grading_scale', type: 'text', nullable: true })
  gradingScale!: string | null;

  @Field(() => ID, { description: 'The staff account that recorded it' })
  @Column({ name: 'assessor_id', type: 'uuid' })
  assessorId!: string;

  @Field()
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Field(() => Int, { description: '1 for the first attempt; a resit after a fail is the next' })
  @Column({ type: 'integer', default: 1 })
  attempt!: number;

  @Field(() => Date, { nullable: true, description: 'Set when a correction replaced this result (see replacesResultId on its successor)' })
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The result this one corrects' })
  @Column({ name: 'replaces_result_id', type: 'uuid', nullable: true })
  replacesResultId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the result it replaces was corrected' })
  @Column({ name: 'correction_reason', type: 'text', nullable: true })
  correctionReason!: string | null;
}
