import { DataSource } from 'typeorm';
import {
  CatalogueModule,
  coAwarderDids,
  IssuanceRecord,
  IssuerRecord,
  isRecord,
  issuerIdOf,
  looksLikeJwt,
  ModuleReference,
  moduleReferencesOf,
  parseCredentialInput,
} from '@magix/credentials';
import { preparedQuery } from '@magix/common';
import { statusListIdOf } from './status-list.service';

/** What one credential's verification will ask the database, read before it asks. */
export interface VerificationPlan {
  dids: string[];
  credentialId: string | null;
  listIds: string[];
  moduleCodes: string[];
}

/** A credential row as the snapshot names it: its id and xmin, which any UPDATE of the row changes. */
export interface RecordVersion {
  id: string;
  xmin: string;
  issuerDid: string;
}

export interface ListVersion {
  id: string;
  version: number;
  signedVersion: number | null;
}

/** The current state of everything in a plan, from one query: nothing here is remembered between verifications. */
export interface VerificationSnapshot {
  registry: Map<string, IssuerRecord>;
  records: RecordVersion[];
  lists: Map<string, ListVersion>;
  modules: Map<string, CatalogueModule>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Bounds on what one query asks; anything beyond is asked the usual way, one lookup at a time.
const MAX_PLANNED = 16;

const EMPTY_PLAN: VerificationPlan = { dids: [], credentialId: null, listIds: [], moduleCodes: [] };

const distinct = (values: Array<string | undefined | null>) =>
  [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length < 2048))].slice(0, MAX_PLANNED);

/**
 * The lookups a credential will cause, from its own fields: issuer and co-awarders, its id, our
 * status lists it points at, the module codes it names. A guess only: whatever it misses is looked
 * up on its own. Never throws (the input may be anything).
 */
export function planFor(input: unknown, publicUrl: string): VerificationPlan {
  try {
    const credential = parseCredentialInput(input);
    if (!isRecord(credential) || looksLikeJwt(credential)) return EMPTY_PLAN;
    const entries = ([] as unknown[]).concat(credential.credentialStatus ?? []).slice(0, MAX_PLANNED);
    const listIds = entries.map((e) => {
      const url = isRecord(e) ? e.statusListCredential : undefined;
      const id = typeof url === 'string' ? (statusListIdOf(publicUrl, url) ?? '') : '';
      return UUID.test(id) ? id.toLowerCase() : undefined;
    });
    const codes = moduleReferencesOf(credential)
      .slice(0, MAX_PLANNED)
      .flatMap(({ id, code }) => [code, id === undefined ? undefined : (moduleCodeOf(publicUrl, { id }) ?? undefined)]);
    return {
      dids: distinct([issuerIdOf(credential), ...coAwarderDids(credential)]),
      credentialId: typeof credential.id === 'string' && credential.id.length < 2048 ? credential.id : null,
      listIds: distinct(listIds),
      moduleCodes: distinct(codes),
    };
  } catch {
    return EMPTY_PLAN;
  }
}

/** The module code a reference names (its id, if it has one, must be our module URL), or null. */
export function moduleCodeOf(publicUrl: string, reference: ModuleReference): string | null {
  const prefix = `${publicUrl}/modules/`;
  if (reference.id === undefined) return reference.code || null;
  if (!reference.id.startsWith(prefix)) return null;
  try {
    return decodeURIComponent(reference.id.slice(prefix.length)) || null;
  } catch {
    return null;
  }
}

/** The registry as IssuerIdentityService.registry defines it (consortium HEIs), in SQL of its own. */
const REGISTRY_ROWS = `
  SELECT k.did, o.id AS "organisationId", o.name, o.country_code AS "countryCode",
         k.valid_from AS "validFrom", k.retired_at AS "retiredAt", k.compromised_from AS "compromisedFrom"
    FROM issuer_key k JOIN organisation o ON o.id = k.organisation_id
   WHERE o.consortium_member AND o.kind = 'HEI' AND k.did = ANY($1::text[])`;

const SNAPSHOT_SQL = `SELECT
       (SELECT coalesce(json_agg(r), '[]') FROM (${REGISTRY_ROWS}) r) AS registry,
       (SELECT coalesce(json_agg(json_build_object('id', c.id, 'xmin', c.xmin::text, 'issuerDid', c.issuer_did)), '[]')
          FROM credential c WHERE $2::text IS NOT NULL AND (c.document::jsonb ->> 'id') = $2 AND c.issuer_did = ANY($1::text[])) AS records,
       (SELECT coalesce(json_agg(json_build_object('id', l.id, 'version', l.version, 'signedVersion', l.signed_version)), '[]')
          FROM status_list l WHERE l.id = ANY($3::uuid[])) AS lists,
       (SELECT coalesce(json_agg(json_build_object('code', m.code, 'providerOrganisationId', m.provider_id)), '[]')
          FROM module m WHERE m.code = ANY($4::text[])) AS modules`;

interface SnapshotRow {
  registry: Array<Omit<IssuerRecord, 'validFrom' | 'retiredAt' | 'compromisedFrom'> & Record<string, string | null>>;
  records: RecordVersion[];
  lists: ListVersion[];
  modules: Array<{ code: string; providerOrganisationId: string }>;
}

/**
 * One round trip for all of a plan: registry rows, which credential rows hold the id (not their
 * documents), the lists' versions (not their bits nor documents), the modules. Read fresh every
 * time, so a revocation, a compromise report or a registry change by any process is seen by the
 * next verification; only what cannot change under a version is cached by the callers.
 * A prepared statement: every verification runs it, and its planning cost more than its execution.
 */
export async function readSnapshot(dataSource: DataSource, plan: VerificationPlan): Promise<VerificationSnapshot> {
  const [row] = await preparedQuery<SnapshotRow>(dataSource, 'magix.verification-snapshot', SNAPSHOT_SQL, [
    plan.dids,
    plan.credentialId,
    plan.listIds,
    plan.moduleCodes,
  ]);
  const registry = new Map<string, IssuerRecord>();
  for (const r of row.registry) {
    // json_agg gives timestamps as text; a DID has one key row (issuer_key.did is unique).
    registry.set(String(r.did), {
      did: String(r.did),
      organisationId: String(r.organisationId),
      name: String(r.name),
      countryCode: String(r.countryCode),
      validFrom: new Date(String(r.validFrom)),
      retiredAt: r.retiredAt ? new Date(r.retiredAt) : null,
      compromisedFrom: r.compromisedFrom ? new Date(r.compromisedFrom) : null,
    });
  }
  const modules = new Map<string, CatalogueModule>();
  for (const m of row.modules) if (!modules.has(m.code)) modules.set(m.code, m);
  return { registry, records: row.records, lists: new Map(row.lists.map((l) => [l.id, l])), modules };
}

/** Issuance records by credential row and xmin: a row's document and time never change under one xmin. */
export class IssuanceRecordCache {
  private readonly rows = new Map<string, IssuanceRecord>();

  constructor(private readonly max = 5000) {}

  /** The records of these rows, reading the documents of only those not seen at this xmin. */
  async recordsOf(dataSource: DataSource, versions: RecordVersion[]): Promise<IssuanceRecord[]> {
    const key = (v: { id: string; xmin: string }) => `${v.id}:${v.xmin}`;
    const missing = versions.filter((v) => !this.rows.has(key(v)));
    const fresh = new Map<string, IssuanceRecord>();
    if (missing.length > 0) {
      const read = await dataSource.query<Array<{ id: string; xmin: string; issued_at: Date; document: string }>>(
        'SELECT id, xmin::text AS xmin, issued_at, document FROM credential WHERE id = ANY($1::uuid[])',
        [missing.map((v) => v.id)],
      );
      for (const r of read) {
        const record = { issuedAt: r.issued_at, document: JSON.parse(r.document) as Record<string, unknown> };
        if (this.rows.size >= this.max) this.rows.delete(this.rows.keys().next().value as string);
        this.rows.set(key(r), record);
        fresh.set(r.id, record);
      }
    }
    // A row updated between the two reads is taken as just read (and cached under its new xmin).
    return versions.map((v) => this.rows.get(key(v)) ?? fresh.get(v.id)).filter((r): r is IssuanceRecord => r !== undefined);
  }
}
