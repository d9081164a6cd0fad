import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

@InputType()
export class DecideRecognitionInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field(() => Float, { nullable: true, description: 'ECTS it counts for (when approved)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(60)
  ectsGranted?: number;

  @Field(() => String, { nullable: true, description: 'The elective group it counts in; none: free credits' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  groupName?: string;

  @Field()
  @IsString()
  @Length(3, 500)
  reason!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Programme office only: approve although the credential verified as INVALID (recorded and audited)',
  })
  @IsOptional()
  @IsBoolean()
  overrideVerdict?: boolean;

  @Field(() => String, { nullable: true, description: 'Why the verdict is set aside (required with overrideVerdict)' })
  @IsOptional()
  @IsString()
  @Length(3, 500)
  overrideReason?: string;
}

@InputType()
export class ResolveDegreeReviewInput {
  @Field(() => ID)
  @IsUUID()
  degreeAwardId!: string;

  @Field({ description: 'true: revoke the degree; false: keep it' })
  @IsBoolean()
  revoke!: boolean;

  @Field()
  @IsString()
  @Length(3, 500)
  reason!: string;
}
