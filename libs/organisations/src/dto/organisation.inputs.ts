import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEmail, IsEnum, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { OrganisationKind } from '../organisation.entity';
import { IsCountryCode } from '@magix/common';

export const COUNTRY_CODE = /^[A-Z]{2}$/;

@InputType()
export class CreateOrganisationInput {
  @Field()
  @IsString()
  @Length(2, 200)
  name!: string;

  @Field()
  @Matches(/^[A-Za-z0-9-]{2,20}$/, { message: 'shortName must be 2 to 20 letters, digits or dashes' })
  shortName!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. ES' })
  @IsCountryCode()
  countryCode!: string;

  @Field(() => OrganisationKind)
  @IsEnum(OrganisationKind)
  kind!: OrganisationKind;

  @Field({ defaultValue: false, description: 'Consortium HEIs get a signing identity and can issue' })
  @IsBoolean()
  consortiumMember: boolean = false;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(500)
  website?: string;
}

@ArgsType()
export class OrganisationFilter {
  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsCountryCode()
  countryCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  consortiumMember?: boolean;
}

@InputType()
export class CreateStaffAccountInput {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;

  @Field()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password!: string;
}

@InputType()
export class ReportKeyCompromiseInput {
  @Field({ description: 'The DID whose key was compromised' })
  @Matches(/^did:key:z[1-9A-HJ-NP-Za-km-z]+$/, { message: 'did must be a did:key' })
  did!: string;

  @Field({ description: 'From when its signatures are not to be trusted' })
  @IsDate()
  compromisedFrom!: Date;

  @Field()
  @IsString()
  @Length(3, 500)
  reason!: string;
}

@InputType()
export class LiftKeyCompromiseInput {
  @Field({ description: 'The DID whose compromise report is withdrawn' })
  @Matches(/^did:key:z[1-9A-HJ-NP-Za-km-z]+$/, { message: 'did must be a did:key' })
  did!: string;

  @Field()
  @IsString()
  @Length(3, 500)
  reason!: string;
}
