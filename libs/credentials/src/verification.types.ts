import type { CheckCode, CheckParams } from './check-codes';

export enum CheckName {
  DATA_MODEL = 'DATA_MODEL',
  PROOF = 'PROOF',
  ISSUER = 'ISSUER',
  STATUS = 'STATUS',
  VALIDITY_PERIOD = 'VALIDITY_PERIOD',
  /** On a presentation, per credential: whether its subject is the one who signed the presentation. */
  HOLDER = 'HOLDER',
}

export enum CheckOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  /** The check ran but could not conclude, e.g. a status list that cannot be read. */
  UNKNOWN = 'UNKNOWN',
  /** The check could not run because the input is not a credential at all. */
  NOT_CHECKED = 'NOT_CHECKED',
}

/** The one-word answer an employer reads first. */
export enum Verdict {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
  NOT_YET_VALID = 'NOT_YET_VALID',
  STATUS_UNKNOWN = 'STATUS_UNKNOWN',
  INVALID = 'INVALID',
}

export interface VerificationCheck {
  name: CheckName;
  outcome: CheckOutcome;
  /** What the message says, as a key a page translates (see check-codes.ts). */
  code: CheckCode;
  params: CheckParams;
  /** The message in English: `code` filled with `params` by the English catalog. */
  message: string;
}

export const check = (
  name: CheckName,
  outcome: CheckOutcome,
  code: CheckCode,
  message: string,
  params: CheckParams = {},
): VerificationCheck => ({
  name,
  outcome,
  code,
  params,
  message,
});

/** What the trust registry knows of an issuer DID. */
export interface IssuerRecord {
  did: string;
  organisationId: string;
  name: string;
  countryCode: string;
  validFrom: Date;
  retiredAt: Date | null;
  compromisedFrom: Date | null;
}

/** Who the consortium trusts to issue; the engine does not know where that list lives. */
export interface IssuerDirectory {
  lookup(did: string): Promise<IssuerRecord | null>;
}

/** Reads a status list credential by URL, or answers null when it cannot (the engine never fetches). */
export interface StatusListResolver {
  resolve(url: string): Promise<unknown>;
}

/** What the platform recorded when one of its keys signed a credential. */
export interface IssuanceRecord {
  issuedAt: Date;
  /** The credential exactly as signed. */
  document: Record<string, unknown>;
}

/**
 * The platform's own record of what its keys signed, by the credential's id and the signing key's
 * DID. It, not the signer-written `proof.created`, dates a signature by a key reported compromised.
 */
export interface IssuanceLedger {
  recordsOf(credentialId: string, issuerDid: string): Promise<IssuanceRecord[]>;
}

/** What an achievement may name a MAGIX catalogue module by: its URL or its code. */
export interface ModuleReference {
  id?: string;
  code?: string;
}

export interface CatalogueModule {
  code: string;
  /** The organisation that provides the module: the only one that may certify it. */
  providerOrganisationId: string;
}

/** The consortium's module catalogue: which module, if any, a reference names. */
export interface ModuleCatalogue {
  moduleNamed(reference: ModuleReference): Promise<CatalogueModule | null>;
}

/** Learners' DIDs: a credential issued to one of a learner's DIDs may be presented with another of theirs. */
export interface HolderDirectory {
  /** The DIDs, besides `subjectDid` itself, whose signature shows possession of a credential issued to it. */
  presentersOf(subjectDid: string): Promise<string[]>;
}

export interface TrustedIssuer {
  did: string;
  name: string;
  countryCode: string;
}

export interface VerificationReport {
  verified: boolean;
  verdict: Verdict;
  /** Data Integrity (`DATA_INTEGRITY`) or VC-JOSE (`JOSE`); null when the input is not a credential. */
  securedWith: 'DATA_INTEGRITY' | 'JOSE' | null;
  credentialId: string | null;
  issuer: TrustedIssuer | null;
  /** The credential that was checked (the JWS payload for VC-JOSE). */
  credential: Record<string, unknown> | null;
  checks: VerificationCheck[];
}

/**
 * What verification consults. The lookups may fail (a database outage): such a failure propagates,
 * it is never read as a bad credential. Without `issuances`, nothing is in the record (a key reported
 * compromised then vouches for nothing); without `modules`, no module is known; without `holders`,
 * only the subject's own DID presents.
 */
export interface VerificationContext {
  issuers: IssuerDirectory;
  statusLists: StatusListResolver;
  issuances?: IssuanceLedger;
  modules?: ModuleCatalogue;
  holders?: HolderDirectory;
  /** The time validity periods and status lists are judged at: the caller's Clock, never the engine's own. */
  now: Date;
}
