import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { IsCalendarDate } from '@magix/common';
import { ParticipationForm } from '../catalogue.entities';
import { MAX_TRANSLATIONS, ModuleTranslationInput } from '../translations/module-translation';

const MODULE_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const MODULE_CODE_MESSAGE = 'must be 2 to 32 capital letters, digits or dashes';

@InputType()
export class CreateModuleInput {
  @Field()
  @Matches(MODULE_CODE, { message: `code ${MODULE_CODE_MESSAGE}` })
  code!: string;

  @Field(() => ID)
  @IsUUID()
  providerId!: string;

  @Field()
  @IsString()
  @Length(3, 200)
  title!: string;

  @Field()
  @IsString()
  @Length(10, 5000)
  description!: string;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(3, 500, { each: true })
  learningOutcomes!: string[];

  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(60)
  ectsCredits!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(8)
  eqfLevel!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1800)
  workloadHours!: number;

  @Field()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'language must be a BCP 47 tag such as en or es' })
  language!: string;

  @Field()
  @IsString()
  @Length(3, 500)
  assessmentType!: string;

  @Field(() => ParticipationForm)
  @IsEnum(ParticipationForm)
  participationForm!: ParticipationForm;

  @Field()
  @IsString()
  @Length(3, 1000)
  qualityAssurance!: string;

  // No initializer: PartialType would copy it into updates, where absent means "keep them".
  @Field(() => [ModuleTranslationInput], {
    nullable: true,
    description: 'Title, description and outcomes in other languages, one per language; none when absent',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_TRANSLATIONS)
  @ValidateNested({ each: true })
  @Type(() => ModuleTranslationInput)
  translations?: ModuleTranslationInput[];

  @Field(() => [String], { defaultValue: [], description: 'Codes of modules to complete first' })
  @ArrayMaxSize(10)
  @Matches(MODULE_CODE, { each: true, message: `each prerequisite code ${MODULE_CODE_MESSAGE}` })
  prerequisiteCodes: string[] = [];
}

@InputType()
export class CreateOfferingInput {
  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { message: 'code must be 2 to 40 capital letters, digits or dashes' })
  code!: string;

  @Field(() => ID)
  @IsUUID()
  moduleId!: string;

  @Field(() => ID)
  @IsUUID()
  editionId!: string;

  @Field({ description: 'ISO date' })
  @IsCalendarDate()
  startsOn!: string;

  @Field({ description: 'ISO date' })
  @IsCalendarDate()
  endsOn!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity!: number;

  @Field(() => Int, { nullable: true, description: 'Attempts at the assessment, resits included: 1 to 10; 3 when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  maxAttempts?: number;
}

@ArgsType()
export class ModuleFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8)
  eqfLevel?: number;

  @Field(() => ParticipationForm, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipationForm)
  participationForm?: ParticipationForm;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  language?: string;

  @Field({ nullable: true, description: 'Words in the code or title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field({ defaultValue: false, description: 'Also list retired modules (the catalogue shows active ones)' })
  @IsOptional()
  @IsBoolean()
  includeRetired: boolean = false;
}

@ArgsType()
export class OfferingFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  moduleId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  editionId?: string;
}
