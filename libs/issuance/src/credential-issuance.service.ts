import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setImmediate as turnOfTheLoop } from 'node:timers/promises';
import { EntityManager, In } from 'typeorm';
import { AuditAction, AuditEntry } from '@magix/audit';
import { heiFactsOf, issuerLogo, moduleBadge, moduleBadgeFactsOf } from '@magix/badges';
import { LearningModule } from '@magix/catalogue';
import { Clock, DomainEvents } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import {
  BulkSigner,
  CredentialWorkers,
  buildModuleCredential,
  dataModelVersion,
  IssuerKeyMaterial,
  magixContextUrl,
  signCredential,
  toDateTimeStamp,
  UnsignedCredential,
} from '@magix/credentials';
import { fullName, HolderIdentityService, Learner } from '@magix/learners';
import { IssuerIdentityService, SigningIdentity } from '@magix/organisations';
import { CredentialKind, credentialUrn, IssuedCredential } from './credential.entity';
import { StatusAllocation, StatusListService } from './status-list.service';

export interface PassedModule {
  resultId: string;
  /** The name of the scale the grade is in, stated in the credential. */
  gradingScale: string | null;
  learner: Learner;
  module: LearningModule;
  grade: string;
  creditsAwarded: number;
  assessedOn: string;
  actorUserId: string;
}

const STATUS = 'https://www.w3.org/ns/credentials/status#';
/**
 * BitstringStatusListEntry for VC 1.1 credentials, defined exactly as the VC 2.0 context (and the
 * W3C status/v1 context) define it, inline: no verifier has to fetch a context to read it.
 */
export const STATUS_ENTRY_CONTEXT = {
  BitstringStatusListEntry: {
    '@id': `${STATUS}BitstringStatusListEntry`,
    '@context': {
      '@protected': true,
      id: '@id',
      type: '@type',
      statusListCredential: { '@id': `${STATUS}statusListCredential`, '@type': '@id' },
      statusListIndex: `${STATUS}statusListIndex`,
      statusPurpose: `${STATUS}statusPurpose`,
      statusMessage: {
        '@id': `${STATUS}statusMessage`,
        '@context': { '@protected': true, id: '@id', type: '@type', message: `${STATUS}message`, status: `${STATUS}status` },
      },
      statusReference: { '@id': `${STATUS}statusReference`, '@type': '@id' },
      statusSize: { '@id': `${STATUS}statusSize`, '@type': 'https://www.w3.org/2001/XMLSchema#integer' },
    },
  },
};

interface StoredCredential {
  id: string;
  kind: CredentialKind;
  resultId: string | null;
  learnerId: string | null;
  organisationId: string;
  key: IssuerKeyMaterial;
  /** The signed document's JSON in UTF-8, as stored. */
  json: Uint8Array;
  issuedAt: Date;
  status: StatusAllocation | null;
}

declare module '@magix/common' {
  interface DomainEventMap {
    /** A credential was written (once per credential), in the issuing transaction. */
    'credential.issued': { credential: IssuedCredential };
  }
}

/**
 * The stored document on the entity returned, as text only when read: an import's chunk never reads
 * it, and would otherwise hold every document twice (bytes and string) in the main heap.
 */
function keepJson(credential: IssuedCredential, utf8: Uint8Array): void {
  let text: string | null = null;
  Object.defineProperty(credential, 'json', {
    enumerable: true,
    configurable: true,
    get: () => (text ??= Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString('utf8')),
    set: (value: string) => {
      text = value;
    },
  });
}

@Injectable()
export class CredentialIssuanceService {
  /** Signs on the threads that also verify (their module closes them). */
  private readonly signer: BulkSigner;

  constructor(
    private readonly identities: IssuerIdentityService,
    private readonly holders: HolderIdentityService,
    private readonly statusLists: StatusListService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    workers: CredentialWorkers,
  ) {
    this.signer = new BulkSigner(workers);
  }

  /**
   * Issues the module credential for a passing result inside the caller's transaction. The unique
   * result_id makes it exactly once: a second call, even concurrent, returns the first credential.
   */
  async issueForResult(manager: EntityManager, passed: PassedModule): Promise<IssuedCredential> {
    return (await this.issueForResults(manager, [passed]))[0];
  }

  /**
   * The module credentials of many passing results (a chunk of an import), in the caller's
   * transaction, in the order given: status positions allocated together, the documents signed
   * on the worker threads, the credentials and their audit entries each written by one INSERT.
   * Exactly once per result as `issueForResult`: a result that has one already keeps it.
   */
  async issueForResults(manager: EntityManager, passed: PassedModule[]): Promise<IssuedCredential[]> {
    const issued = new Map<string, IssuedCredential>();
    if (passed.length === 0) return [];
    for (const c of await manager.findBy(IssuedCredential, { resultId: In(passed.map((p) => p.resultId)) })) issued.set(c.resultId!, c);
    const todo = passed.filter((p) => !issued.has(p.resultId));
    const byProvider = new Map<string, PassedModule[]>();
    for (const p of todo) byProvider.set(p.module.providerId, [...(byProvider.get(p.module.providerId) ?? []), p]);
    for (const [providerId, group] of byProvider) {
      const { organisation, key } = await this.identities.signingIdentity(manager, providerId);
      const statuses = await this.statusLists.allocateMany(manager, organisation.id, group.length);
      const issuedAt = this.clock.now();
      const prerequisites = new Map<string, string[]>();
      // Rendered once per group, not per row: a badge is an SVG and PNG, ≈ 10 KB of garbage each.
      const issuerImage = issuerLogo(heiFactsOf(organisation)).dataUri;
      const badges = new Map<string, string>();
      const drafts: Array<{ id: string; passed: PassedModule; unsigned: UnsignedCredential }> = [];
      const subjects = await this.holders.subjectDids(
        manager,
        group.map((p) => p.learner),
      );
      for (const [i, p] of group.entries()) {
        if (!prerequisites.has(p.module.id)) prerequisites.set(p.module.id, await this.prerequisiteCodes(manager, p.module.id));
        if (!badges.has(p.module.id)) badges.set(p.module.id, moduleBadge(moduleBadgeFactsOf(p.module, organisation)).dataUri);
        const id = randomUUID();
        const subjectDid = subjects.get(p.learner.id)!;
        const unsigned = this.moduleCredential(id, p, issuedAt, organisation, key, subjectDid, statuses[i], {
          prerequisites: prerequisites.get(p.module.id)!,
          issuerImage,
          badge: badges.get(p.module.id)!,
        });
        drafts.push({ id, passed: p, unsigned });
      }
      const signed = await this.signAll(
        drafts.map((d) => d.unsigned),
        key,
      );
      const stored = await this.store(
        manager,
        drafts.map((d, i) => ({
          id: d.id,
          kind: CredentialKind.MODULE,
          resultId: d.passed.resultId,
          learnerId: d.passed.learner.id,
          organisationId: organisation.id,
          key,
          json: signed[i],
          issuedAt,
          status: statuses[i],
        })),
      );
      const storedIds = new Set(stored.map((c) => c.id));
      await this.auditIssued(
        manager,
        drafts
          .filter((d) => storedIds.has(d.id))
          .map((d) => ({
            actorUserId: d.passed.actorUserId,
            entityId: d.id,
            details: { resultId: d.passed.resultId, issuerDid: key.did, module: d.passed.module.code },
          })),
      );
      for (const c of stored) issued.set(c.resultId!, c);
    }
    // Another transaction issued some first: theirs are the ones.
    const missing = passed.filter((p) => !issued.has(p.resultId)).map((p) => p.resultId);
    if (missing.length > 0) for (const c of await manager.findBy(IssuedCredential, { resultId: In(missing) })) issued.set(c.resultId!, c);
    return passed.map((p) => {
      const credential = issued.get(p.resultId);
      if (!credential) throw new Error(`No credential for result ${p.resultId}`);
      return credential;
    });
  }

  /** The unsigned module credential: the one builder for single issuance and imports alike. */
  private moduleCredential(
    id: string,
    passed: PassedModule,
    issuedAt: Date,
    organisation: SigningIdentity['organisation'],
    key: IssuerKeyMaterial,
    subjectDid: string,
    status: StatusAllocation,
    shared: { prerequisites: string[]; issuerImage: string; badge: string },
  ): UnsignedCredential {
    const { module, learner } = passed;
    return buildModuleCredential({
      contextUrl: magixContextUrl(this.config.publicUrl),
      credentialId: credentialUrn(id),
      issuedAt,
      issuer: {
        did: key.did,
        name: organisation.name,
        countryCode: organisation.countryCode,
        url: organisation.website ?? undefined,
        image: shared.issuerImage,
      },
      recipient: { id: subjectDid, name: fullName(learner), email: learner.email },
      achievement: {
        id: `${this.config.publicUrl}/modules/${encodeURIComponent(module.code)}`,
        code: module.code,
        title: module.title,
        description: module.description,
        learningOutcomes: module.learningOutcomes,
        ectsCredits: module.ectsCredits,
        eqfLevel: module.eqfLevel,
        workloadHours: module.workloadHours,
        language: module.language,
        assessmentType: module.assessmentType,
        participationForm: module.participationForm,
        qualityAssurance: module.qualityAssurance,
        prerequisites: shared.prerequisites,
        image: shared.badge,
        translations: module.translations,
      },
      result: {
        grade: passed.grade,
        gradingScale: passed.gradingScale ?? undefined,
        creditsEarned: passed.creditsAwarded,
        assessedOn: passed.assessedOn,
      },
      credentialStatus: status.entry,
    });
  }

  /**
   * Signs a credential an HEI submits through the VC-API, as that HEI, with our status list entry
   * (VC 2.0 and 1.1 alike). The caller has checked its shape and claims; signing itself refuses
   * terms no context defines.
   */
  async issueSubmitted(
    manager: EntityManager,
    organisationId: string,
    credential: UnsignedCredential,
    actorUserId: string,
  ): Promise<IssuedCredential> {
    const { key } = await this.identities.signingIdentity(manager, organisationId);
    const status = await this.statusLists.allocate(manager, organisationId);
    const id = randomUUID();
    const issuedAt = this.clock.now();
    // A VC 1.1 credential is as revocable: the terms of its status entry come inline.
    const v1 = dataModelVersion(credential) === 1;
    const context = credential['@context'] as unknown[];
    const complete: UnsignedCredential = {
      ...credential,
      ...(v1 ? { '@context': [...context, STATUS_ENTRY_CONTEXT] } : {}),
      id: credential.id ?? credentialUrn(id),
      issuer: typeof credential.issuer === 'object' && credential.issuer !== null ? { ...credential.issuer, id: key.did } : key.did,
      ...(v1 ? {} : { validFrom: credential.validFrom ?? toDateTimeStamp(issuedAt) }),
      credentialStatus: status.entry,
    };
    // On the signing threads too: a submitted credential's JSON-LD work never holds the event loop.
    const [signed] = await this.signAll([complete], key);
    const [stored] = await this.store(manager, [
      { id, kind: CredentialKind.API, resultId: null, learnerId: null, organisationId, key, json: signed, issuedAt, status },
    ]);
    await this.auditIssued(manager, [{ actorUserId, entityId: id, details: { issuerDid: key.did, via: 'vc-api' } }]);
    return stored;
  }

  /**
   * The one writer of the credential table: one INSERT for all, a result's second credential
   * left out (unique result_id). Returns those written, each announced ('credential.issued').
   */
  private async store(manager: EntityManager, credentials: StoredCredential[]): Promise<IssuedCredential[]> {
    if (credentials.length === 0) return [];
    const columns = 10;
    const values = credentials.map(
      (_, row) => `(${Array.from({ length: columns }, (_, col) => `$${row * columns + col + 1}`).join(', ')})`,
    );
    const inserted = await manager.query<Array<{ id: string }>>(
      `INSERT INTO credential (id, kind, result_id, learner_id, issuer_organisation_id, issuer_did, document, issued_at, status_set_id, status_index)
       VALUES ${values.join(', ')}
       ON CONFLICT (result_id) DO NOTHING RETURNING id`,
      credentials.flatMap((c) => [
        c.id,
        c.kind,
        c.resultId,
        c.learnerId,
        c.organisationId,
        c.key.did,
        c.json,
        c.issuedAt,
        c.status?.setId ?? null,
        c.status?.index ?? null,
      ]),
    );
    if (inserted.length === 0) return [];
    // Read back as stored, but for the documents: those are here already (no second copy of each).
    const properties = manager.connection.getMetadata(IssuedCredential).columns.map((c) => c.propertyName as keyof IssuedCredential);
    const written = await manager.find(IssuedCredential, {
      select: Object.fromEntries(properties.filter((c) => c !== 'json').map((c) => [c, true])),
      where: { id: In(inserted.map((row) => row.id)) },
    });
    const order = new Map(credentials.map((c, i) => [c.id, i]));
    written.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    for (const credential of written) keepJson(credential, credentials[order.get(credential.id)!].json);
    for (const credential of written) await this.events.emit(manager, 'credential.issued', { credential });
    return written;
  }

  /** CREDENTIAL_ISSUED entries, one INSERT for all. */
  private async auditIssued(
    manager: EntityManager,
    entries: Array<{ actorUserId: string | null; entityId: string; details: Record<string, unknown> }>,
  ): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(
      AuditEntry,
      entries.map((e) => ({ action: AuditAction.CREDENTIAL_ISSUED, entityType: 'credential', ...e, details: e.details as never })),
    );
  }

  /**
   * On the signing threads; where there are none (running from TypeScript sources, as under
   * ts-jest), here one document at a time with a turn of the event loop between: a chunk signed
   * in one go holds the loop for seconds, and keep-alive sockets time out under their clients'
   * next requests (ECONNRESET).
   */
  private async signAll(credentials: UnsignedCredential[], key: IssuerKeyMaterial): Promise<Uint8Array[]> {
    const { signer } = this;
    if (signer.threads > 0) return signer.signManyUtf8(credentials, key);
    const signed: Uint8Array[] = [];
    for (const credential of credentials) {
      await turnOfTheLoop();
      signed.push(Buffer.from(JSON.stringify(await signCredential(credential, key))));
    }
    return signed;
  }

  private async prerequisiteCodes(manager: EntityManager, moduleId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ code: string }>>(
      'SELECT m.code FROM module_prerequisite p JOIN module m ON m.id = p.prerequisite_id WHERE p.module_id = $1 ORDER BY m.code',
      [moduleId],
    );
    return rows.map((row) => row.code);
  }
}
