import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { EnrolmentStatus } from '../enrolment.entity';

@InputType()
export class EnrolInput {
  @Field(() => ID)
  @IsUUID()
  learnerId!: string;

  @Field(() => ID)
  @IsUUID()
  offeringId!: string;
}

@ArgsType()
export class EnrolmentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  offeringId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  learnerId?: string;

  @Field(() => EnrolmentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EnrolmentStatus)
  status?: EnrolmentStatus;
}
