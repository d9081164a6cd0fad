import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '@magix/common';
import { TargetMetric } from '../../programme.entities';

@InputType({ description: 'One target of an edition; PUBLIC_SECTOR_SHARE is a percentage' })
export class EditionTargetInput {
  @Field(() => TargetMetric)
  @IsEnum(TargetMetric)
  metric!: TargetMetric;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

@InputType()
export class CreateEditionInput {
  @Field({ nullable: true, defaultValue: 'MAGIX', description: 'The programme (its code)' })
  @IsString()
  @Length(1, 40)
  programmeCode!: string;

  @Field({ description: 'Two years, e.g. 2027-2028' })
  @IsString()
  @Length(9, 9)
  code!: string;

  @Field({ description: 'First day (ISO date)' })
  @IsCalendarDate()
  @Length(10, 10)
  startsOn!: string;

  @Field({ description: 'Last day (ISO date)' })
  @IsCalendarDate()
  @Length(10, 10)
  endsOn!: string;

  @Field(() => Int, { description: 'Places for degree students in this intake' })
  @IsInt()
  degreePlaces!: number;

  @Field(() => String, { nullable: true, description: 'First day degree applications are taken (ISO date); leave out: open now' })
  @IsOptional()
  @IsCalendarDate()
  @Length(10, 10)
  degreeApplicationsOpenOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day degree applications are taken (ISO date); leave out: the edition’s end' })
  @IsOptional()
  @IsCalendarDate()
  @Length(10, 10)
  degreeApplicationsCloseOn?: string | null;

  @Field(() => [EditionTargetInput], { nullable: true, description: 'The edition’s own targets, one per metric' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EditionTargetInput)
  targets?: EditionTargetInput[];
}

@InputType({ description: 'What to change; a field left out stays as it is, a window bound set to null is cleared' })
export class UpdateEditionInput {
  @Field(() => ID)
  @IsUUID()
  editionId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(9, 9)
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @Length(10, 10)
  startsOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @Length(10, 10)
  endsOn?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  degreePlaces?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @Length(10, 10)
  degreeApplicationsOpenOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @Length(10, 10)
  degreeApplicationsCloseOn?: string | null;

  @Field(() => [EditionTargetInput], { nullable: true, description: 'Targets to set (each metric named is replaced; others stay)' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EditionTargetInput)
  targets?: EditionTargetInput[];
}
