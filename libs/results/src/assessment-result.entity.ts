import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@magix/database';

@ObjectType({ description: 'The assessed outcome of one enrolment' })
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
}
