import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus' });

@ObjectType({ description: 'A learner in an offering' })
@Entity('enrolment')
export class Enrolment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId!: string;

  @Field(() => ID)
  @Column({ name: 'offering_id', type: 'uuid' })
  offeringId!: string;

  @Field(() => EnrolmentStatus)
  @Column({ type: 'text' })
  status!: EnrolmentStatus;

  @Field()
  @Column({ name: 'enrolled_at', type: 'timestamptz', default: () => 'now()' })
  enrolledAt!: Date;
}
