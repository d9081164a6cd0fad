import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CheckName, CheckOutcome, Verdict } from '@magix/credentials';
import { JSONScalar } from './credential.entity';

registerEnumType(CheckName, { name: 'VerificationCheckName' });
registerEnumType(CheckOutcome, { name: 'VerificationCheckOutcome' });
registerEnumType(Verdict, { name: 'VerificationVerdict', description: 'The one-word answer: VALID only when every check passed' });

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

  @Field(() => Verdict)
  verdict!: Verdict;

  @Field(() => String, { nullable: true, description: 'DATA_INTEGRITY or JOSE' })
  securedWith!: string | null;

  @Field(() => String, { nullable: true })
  credentialId!: string | null;

  @Field(() => TrustedIssuerInfo, { nullable: true })
  issuer!: TrustedIssuerInfo | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The credential that was checked (the payload, for VC-JOSE)' })
  credential!: Record<string, unknown> | null;

  @Field(() => [VerificationCheck])
  checks!: VerificationCheck[];
}

@ObjectType({ description: 'The verdict on a presentation and on each credential inside it' })
export class PresentationVerificationResult {
  @Field()
  verified!: boolean;

  @Field(() => String, { nullable: true })
  holder!: string | null;

  @Field(() => [VerificationCheck])
  checks!: VerificationCheck[];

  @Field(() => [VerificationResult])
  credentials!: VerificationResult[];
}
