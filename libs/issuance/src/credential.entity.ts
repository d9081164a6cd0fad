import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum CredentialKind {
  MODULE = 'MODULE',
  DEGREE = 'DEGREE',
  RECOGNITION = 'RECOGNITION',
}
registerEnumType(CredentialKind, { name: 'CredentialKind' });

/** A credential as issued. `document` is the exact text that was signed, never re-serialised. */
@ObjectType('Credential', { description: 'A signed W3C Verifiable Credential (Open Badges 3.0) and its record' })
@Entity('credential')
export class IssuedCredential {
  @Field(() => ID, { description: 'Also the credential’s own id, as urn:uuid:<id>' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => CredentialKind)
  @Column({ type: 'text' })
  kind!: CredentialKind;

  @Field(() => ID, { nullable: true, description: 'The assessment result it was issued from' })
  @Column({ name: 'result_id', type: 'uuid', nullable: true })
  resultId!: string | null;

  @Field(() => ID)
  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId!: string;

  @Field(() => ID)
  @Column({ name: 'issuer_organisation_id', type: 'uuid' })
  issuerOrganisationId!: string;

  @Field()
  @Column({ name: 'issuer_did' })
  issuerDid!: string;

  @Column({ name: 'document', type: 'text' })
  json!: string;

  @Field()
  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true })
  validUntil!: Date | null;
}

export const credentialUrn = (id: string) => `urn:uuid:${id}`;

/** Any JSON value: credentials travel as JSON objects in GraphQL. */
export const JSONScalar = GraphQLJSON;
