import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { LANGUAGES } from '@magix/i18n';
import { Sector } from '../learner.entity';
import { IsCountryCode } from '@magix/common';

@InputType()
export class CreateLearnerInput {
  @Field()
  @IsString()
  @Length(1, 100)
  givenName!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  familyName!: string;

  @Field()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  countryCode!: string;

  @Field(() => Sector)
  @IsEnum(Sector)
  sector!: Sector;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @Field({ nullable: true, description: 'IANA time zone, e.g. Europe/Tallinn; letters write dates in it (default Europe/Madrid)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @Field({ nullable: true, description: 'The language of the learner’s mails: en, es, it, de or et (default en)' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `preferredLanguage must be one of ${LANGUAGES.join(', ')}` })
  preferredLanguage?: string;

  // Length and strength are the password policy's (libs/auth/src/password-policy.ts), one message for both.
  @Field({
    nullable: true,
    description: 'Creates a LEARNER account that signs in with this email; at least 10 characters, not a common or guessable password',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;
}

@InputType()
export class RegisterLearnerInput extends CreateLearnerInput {
  @Field({ description: 'At least 10 characters, not a common or guessable password' })
  @IsString()
  @MaxLength(200)
  declare password: string;
}

@InputType()
export class SetPreferredLanguageInput {
  @Field({ description: 'en, es, it, de or et' })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: string;
}

@ArgsType()
export class LearnerFilter {
  @Field(() => Sector, { nullable: true })
  @IsOptional()
  @IsEnum(Sector)
  sector?: Sector;

  @Field({ nullable: true })
  @IsOptional()
  @IsCountryCode()
  countryCode?: string;
}
