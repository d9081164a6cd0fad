import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ApplicantProfile } from '@magix/admissions';

export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;
/** A leave or confirmation link's token: 32 random bytes, base64url. */
export const LIST_TOKEN = /^[A-Za-z0-9_-]{43}$/;

@InputType()
export class JoinInterestListInput {
  @Field({ description: 'How mails address you' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field()
  @IsEmail()
  @Length(3, 254)
  email!: string;

  @Field(() => String, { nullable: true, description: 'e.g. es, it-IT: dates in the mails are written in it' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'preferredLanguage is a language tag such as es or pt-BR' })
  preferredLanguage?: string;

  @Field(() => ApplicantProfile, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicantProfile)
  profile?: ApplicantProfile;
}

/** The same answer whoever is or is not on the list: it tells nothing about others. */
@ObjectType()
export class InterestListAnswer {
  @Field()
  message!: string;
}
