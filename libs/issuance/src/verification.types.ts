import { Field, FieldMiddleware, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CheckName, CheckOutcome, Verdict } from '@magix/credentials';
import { JSONScalar } from './credential.entity';

registerEnumType(CheckName, { name: 'VerificationCheckName' });
registerEnumType(CheckOutcome, { name: 'VerificationCheckOutcome' });
registerEnumType(Verdict, { name: 'VerificationVerdict', description: 'The one-word answer: VALID only when every check passed' });

@ObjectType({ description: 'A value a check message names: a DID, a name, a count, an ISO 8601 date' })
export class VerificationCheckParam {
  @Field()
  name!: string;

  @Field()
  value!: string;
}

/** The engine keeps params as a record; GraphQL lists them, as it cannot type a map. */
const paramsAsList: FieldMiddleware = async (_context, next) =>
  Object.entries(((await next()) as Record<string, string> | undefined) ?? {}).map(([name, value]) => ({ name, value }));

@ObjectType()
export class VerificationCheck {
  @Field(() => CheckName)
  name!: CheckName;

  @Field(() => CheckOutcome)
  outcome!: CheckOutcome;

  @Field({
    description:
      'The message as a stable key (`status.revoked`, `issuer.trusted`, …) that a client translates with `params`; `message` is its English text',
  })
  code!: string;

  @Field(() => [VerificationCheckParam], { middleware: [paramsAsList], description: 'What fills the placeholders of `code`’s message' })
  params!: Record<string, string>;

  @Field({ description: 'What was found, in plain words (English)' })
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
