import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum CredentialKind {
  MODULE = 'MODULE',
  DEGREE = 'DEGREE',
  RECOGNITION = 'RECOGNITION',
  /** Issued through the VC-API for a subject outside the platform. */
  API = 'API',
}
registerEnumType(CredentialKind, { name: 'CredentialKind' });

export enum CredentialState {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}
registerEnumType(CredentialState, { name: 'CredentialState' });

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

  @Field(() => ID, { nullable: true })
  @Column({ name: 'learner_id', type: 'uuid', nullable: true })
  learnerId!: string | null;

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

  @Column({ name: 'status_set_id', type: 'uuid', nullable: true })
  statusSetId!: string | null;

  @Column({ name: 'status_index', type: 'integer', nullable: true })
  statusIndex!: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'suspension_reason', type: 'text', nullable: true })
  suspensionReason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The credential this one replaces: the earlier credential of a corrected result' })
  @Column({ name: 'replaces_credential_id', type: 'uuid', nullable: true })
  replacesCredentialId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The credential that replaced this one, after a correction revoked it as superseded' })
  @Column({ name: 'superseded_by_credential_id', type: 'uuid', nullable: true })
  supersededByCredentialId!: string | null;
}

export function stateOf(credential: Pick<IssuedCredential, 'revokedAt' | 'suspendedAt'>): CredentialState {
  if (credential.revokedAt) return CredentialState.REVOKED;
  if (credential.suspendedAt) return CredentialState.SUSPENDED;
  return CredentialState.ACTIVE;
}

export const credentialUrn = (id: string) => `urn:uuid:${id}`;

/** Any JSON value: credentials travel as JSON objects in GraphQL. */
export const JSONScalar = GraphQLJSON;
