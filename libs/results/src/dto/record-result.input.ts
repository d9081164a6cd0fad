import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@magix/common';
import { IssuedCredential } from '@magix/issuance';
import { AssessmentResult } from '../assessment-result.entity';

@InputType()
export class RecordResultInput {
  @Field(() => ID)
  @IsUUID()
  enrolmentId!: string;

  @Field({ description: 'As the HEI grades, e.g. 8.5, 28/30, 1.7, A' })
  @IsString()
  @Length(1, 20)
  grade!: string;

  @Field({ nullable: true, description: 'Derived from the HEI’s grading scale; if given, it must agree' })
  @IsOptional()
  @IsBoolean()
  passed?: boolean;

  @Field({ description: 'ISO date of the assessment' })
  @IsCalendarDate()
  assessedOn!: string;

  @Field(() => Float, { nullable: true, description: 'Defaults to the module’s ECTS when passed, 0 when not' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  creditsAwarded?: number;

  @Field(() => Int, {
    nullable: true,
    description: '1 (the default) for the first attempt; a resit is the next attempt after a fail, up to the offering’s maxAttempts',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  attempt?: number;
}

@ObjectType()
export class RecordResultPayload {
  @Field(() => AssessmentResult)
  result!: AssessmentResult;

  @Field(() => IssuedCredential, { nullable: true, description: 'The module credential, for a passing result' })
  credential!: IssuedCredential | null;

  @Field({ description: 'True when this exact result had been recorded before: nothing new was written' })
  alreadyRecorded!: boolean;
}
