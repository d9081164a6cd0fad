export enum CheckName {
  DATA_MODEL = 'DATA_MODEL',
  PROOF = 'PROOF',
  ISSUER = 'ISSUER',
  STATUS = 'STATUS',
  VALIDITY_PERIOD = 'VALIDITY_PERIOD',
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
  message: string;
}

export const check = (name: CheckName, outcome: CheckOutcome, message: string): VerificationCheck => ({ name, outcome, message });

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

export interface VerificationContext {
  issuers: IssuerDirectory;
  statusLists: StatusListResolver;
  now?: Date;
}
