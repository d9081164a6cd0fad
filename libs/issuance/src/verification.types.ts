import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CheckName, CheckOutcome } from '@magix/credentials';

registerEnumType(CheckName, { name: 'VerificationCheckName' });
registerEnumType(CheckOutcome, { name: 'VerificationCheckOutcome' });

@ObjectType()
export class VerificationCheck {
  @Field(() => CheckName)
  name!: CheckName;

  @Field(() => CheckOutcome)
  outcome!: CheckOutcome;

  @Field({ description: 'What was found, in plain words' })
  message!: string;
}

@ObjectType({ description: 'A consortium issuer, as the trust registry knows it' })
export class TrustedIssuerInfo {
  @Field()
  did!: string;

  @Field()
  name!: string;

  @Field()
  countryCode!: string;
}

@ObjectType({ description: 'The verdict on a credential, check by check' })
export class VerificationResult {
  @Field({ description: 'True only when every check passed' })
  verified!: boolean;

  @Field(() => String, { nullable: true })
  credentialId!: string | null;

  @Field(() => TrustedIssuerInfo, { nullable: true })
  issuer!: TrustedIssuerInfo | null;

  @Field(() => [VerificationCheck])
  checks!: VerificationCheck[];
}
