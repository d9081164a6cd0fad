import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { IsCalendarDate } from '@magix/common';
import { IssuedCredential } from '@magix/issuance';
import { AssessmentResult } from '../assessment-result.entity';

@InputType({ description: 'A correction of a recorded result: name the result or the enrolment (its latest attempt), and what changes' })
export class CorrectResultInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The result to correct (or one it replaced: the result in force of its attempt is corrected)',
  })
  @IsOptional()
  @IsUUID()
  resultId?: string;

  @Field(() => ID, { nullable: true, description: 'Or the enrolment: its latest attempt is corrected' })
  @IsOptional()
  @IsUUID()
  enrolmentId?: string;

  @Field({ nullable: true, description: 'The corrected grade, in the HEI’s own scale; unchanged if absent' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  grade?: string;

  @Field({ nullable: true, description: 'Derived from the HEI’s grading scale; if given, it must agree' })
  @IsOptional()
  @IsBoolean()
  passed?: boolean;

  @Field({ nullable: true, description: 'The corrected ISO date of the assessment; unchanged if absent' })
  @IsOptional()
  @IsCalendarDate()
  assessedOn?: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Unchanged for a pass that stays a pass; otherwise the module’s ECTS for a pass, 0 for a fail',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  creditsAwarded?: number;

  @Field({ description: 'Why the result is corrected: kept in the audit log and on the new result' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

@ObjectType()
export class CorrectResultPayload {
  @Field(() => AssessmentResult, { description: 'The result in force after the correction' })
  result!: AssessmentResult;

  @Field(() => IssuedCredential, {
    nullable: true,
    description: 'The credential of the result in force (the replacement, after a correction)',
  })
  credential!: IssuedCredential | null;

  @Field(() => IssuedCredential, { nullable: true, description: 'The credential this correction revoked as superseded' })
  revokedCredential!: IssuedCredential | null;

  @Field({ description: 'False when the result already says this (e.g. the same correction retried): nothing was written' })
  changed!: boolean;
}
