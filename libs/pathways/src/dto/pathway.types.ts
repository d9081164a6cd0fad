import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';

@InputType()
@ObjectType('ElectiveGroup')
export class ElectiveGroupInput {
  @Field()
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  moduleCodes!: string[];

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(300)
  minEcts!: number;
}

@InputType()
@ObjectType('PathwayRules', { description: 'The degree rules of an edition' })
export class PathwayRulesInput {
  @Field(() => Float)
  @IsNumber()
  @Min(1)
  @Max(300)
  totalEcts!: number;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  mandatoryModules!: string[];

  @Field(() => [ElectiveGroupInput])
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ElectiveGroupInput)
  electiveGroups!: ElectiveGroupInput[];

  @Field(() => Int, { description: 'Credits must come from at least this many partner HEIs' })
  @IsInt()
  @Min(1)
  @Max(40)
  minPartnerHeis!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  maxRecognitionEcts!: number;

  @Field(() => Int, { description: 'Months from the first counted credit' })
  @IsInt()
  @Min(1)
  @Max(240)
  timeLimitMonths!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(8)
  minEqfLevel!: number;

  @Field(() => [ID], {
    nullable: true,
    description: 'Partner HEIs that may decide recognitions for learners under these rules, beside the programme office',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsUUID('all', { each: true })
  recognitionDeciderIds?: string[];
}

@InputType()
export class SetPathwayRulesInput {
  @Field(() => ID)
  @IsUUID()
  editionId!: string;

  @Field(() => PathwayRulesInput)
  @ValidateNested()
  @Type(() => PathwayRulesInput)
  rules!: PathwayRulesInput;
}

@ObjectType()
export class PathwayRulesVersionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  editionId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => PathwayRulesInput)
  rules!: PathwayRulesInput;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class CountedCredit {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Module code, or the recognised credential’s title' })
  title!: string;

  @Field(() => Float)
  ects!: number;

  @Field({ description: 'MANDATORY, GROUP or FREE' })
  countsAs!: string;

  @Field(() => String, { nullable: true })
  group!: string | null;

  @Field({ description: 'MODULE or RECOGNITION' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'The partner HEI that awarded it' })
  provider!: string | null;
}

@ObjectType()
export class UncountedCredit {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why a module credential no longer valid does not count: REVOKED, SUPERSEDED (revoked after a correction, replaced), SUSPENDED (may be reinstated) or EXPIRED (past its validUntil); null for a valid credit that does not count',
  })
  code?: string | null;
}

@ObjectType()
export class MandatoryModuleProgress {
  @Field()
  moduleCode!: string;

  @Field()
  satisfied!: boolean;

  @Field(() => ID, { nullable: true })
  credentialId!: string | null;
}

@ObjectType()
export class GroupProgressType {
  @Field()
  name!: string;

  @Field(() => Float)
  minEcts!: number;

  @Field(() => Float)
  countedEcts!: number;

  @Field(() => Float)
  missingEcts!: number;
}

@ObjectType()
export class PartnerProgress {
  @Field(() => Int)
  required!: number;

  @Field(() => [String], { description: 'The partner HEIs whose credits count' })
  partners!: string[];
}

@ObjectType()
export class RecognitionProgress {
  @Field(() => Float)
  cap!: number;

  @Field(() => Float)
  approvedEcts!: number;

  @Field(() => Float)
  countedEcts!: number;
}

@ObjectType()
export class TimeLimitProgress {
  @Field(() => Int)
  months!: number;

  @Field(() => String, { nullable: true })
  firstCreditOn!: string | null;

  @Field(() => String, { nullable: true })
  deadline!: string | null;

  @Field()
  expired!: boolean;
}

@ObjectType({ description: 'Where a learner stands toward the joint degree, and why' })
export class PathwayProgressType {
  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID)
  editionId!: string;

  @Field(() => Int, { description: 'The version of the edition’s rules applied' })
  rulesVersion!: number;

  @Field()
  eligible!: boolean;

  @Field(() => [String], { description: 'What stands between the learner and the degree' })
  reasons!: string[];

  @Field(() => Float)
  requiredEcts!: number;

  @Field(() => Float)
  countedEcts!: number;

  @Field(() => [MandatoryModuleProgress])
  mandatory!: MandatoryModuleProgress[];

  @Field(() => [GroupProgressType])
  groups!: GroupProgressType[];

  @Field(() => PartnerProgress)
  partners!: PartnerProgress;

  @Field(() => RecognitionProgress)
  recognition!: RecognitionProgress;

  @Field(() => TimeLimitProgress)
  timeLimit!: TimeLimitProgress;

  @Field(() => [CountedCredit])
  counted!: CountedCredit[];

  @Field(() => [UncountedCredit])
  notCounted!: UncountedCredit[];

  @Field(() => ID, { nullable: true, description: 'The degree credential, once awarded' })
  degreeCredentialId!: string | null;
}
