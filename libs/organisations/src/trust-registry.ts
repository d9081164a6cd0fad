import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An issuer DID the consortium trusts, within its validity window' })
export class TrustRegistryEntryType {
  @Field()
  did!: string;

  @Field()
  organisationName!: string;

  @Field()
  organisationShortName!: string;

  @Field()
  countryCode!: string;

  @Field()
  active!: boolean;

  @Field()
  validFrom!: Date;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  compromisedFrom!: Date | null;
}
