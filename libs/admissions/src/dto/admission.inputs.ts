import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ApplicantProfile, ApplicationStatus, Decision } from '../admission.entities';

@InputType()
export class ApplyInput {
  @Field(() => ID, { nullable: true, description: 'A module offering (self-standing); leave out to apply to the degree programme' })
  @IsOptional()
  @IsUUID()
  offeringId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Degree applications: the edition (intake) applied to; leave out for the latest one taking applications',
  })
  @IsOptional()
  @IsUUID()
  editionId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A one-page motivation letter as text (50 to 4,000 characters); or leave out and upload a one-page PDF (POST /applications/{id}/motivation). One of the two is needed to be accepted',
  })
  @IsOptional()
  @IsString()
  @Length(50, 4000, { message: 'motivation must be 50 to 4,000 characters' })
  motivation?: string;

  @Field(() => ApplicantProfile, { nullable: true, description: 'STUDENT (give discipline) or PUBLIC_STAFF (give the public employer)' })
  @IsOptional()
  @IsEnum(ApplicantProfile)
  profile?: ApplicantProfile;

  @Field(() => String, { nullable: true, description: 'STUDENT: the discipline studied, e.g. Law' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  discipline?: string;

  @Field(() => ID, { nullable: true, description: 'PUBLIC_STAFF: the public employer, an organisation of kind PUBLIC_ADMINISTRATION' })
  @IsOptional()
  @IsUUID()
  publicEmployerId?: string;

  @Field(() => String, { nullable: true, description: 'PUBLIC_STAFF: the public employer by name, when it is not on the platform' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  publicEmployerName?: string;
}

@InputType()
export class OpenBatchInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Review an offering’s applications (its HEI’s staff); leave out for the programme (ADMIN)',
  })
  @IsOptional()
  @IsUUID()
  offeringId?: string;
}

@InputType()
export class DecideApplicationInput {
  @Field(() => ID)
  @IsUUID()
  batchId!: string;

  @Field(() => ID)
  @IsUUID()
  applicationId!: string;

  @Field(() => Decision)
  @IsEnum(Decision)
  decision!: Decision;

  @Field({ description: 'Why: kept in the audit log and sent to the applicant' })
  @IsString()
  @Length(3, 1000)
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'Place on the reserve list (RESERVE only); by default the next free one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  reserveRank?: number;
}

@ArgsType()
export class ApplicationFilter {
  @Field(() => ApplicationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  offeringId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  editionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @Field({ nullable: true, description: 'true: degree-seeking applications only; false: module applications only' })
  @IsOptional()
  @IsBoolean()
  degreeSeeking?: boolean;

  @Field({ nullable: true, description: 'The applicant’s sector' })
  @IsOptional()
  @IsString()
  sector?: string;
}

@InputType()
export class SetDegreeIntakeInput {
  @Field(() => ID)
  @IsUUID()
  editionId!: string;

  @Field(() => Int, { description: 'Degree places in this intake' })
  @IsInt()
  @Min(0)
  @Max(100000)
  places!: number;

  @Field(() => String, { nullable: true, description: 'First day degree applications are taken (ISO date); leave out: open now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  opensOn?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day degree applications are taken (ISO date); leave out: until the edition ends',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  closesOn?: string;
}
