import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LearningModule } from '@magix/catalogue';
import { Clock } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import {
  CatalogueModule,
  holderBindingChecks,
  IssuanceRecord,
  ModuleReference,
  PresentationOptions,
  PresentationReport,
  IssuerRecord,
  VerificationCheck,
  VerificationContext,
  verifyCredential,
  verifyPresentation,
  VerificationReport,
} from '@magix/credentials';
import { HolderIdentityService } from '@magix/learners';
import { IssuerIdentityService } from '@magix/organisations';
import { countVerification } from '@magix/observability';
import { StatusListService } from './status-list.service';
import { IssuanceRecordCache, moduleCodeOf, planFor, readSnapshot, VerificationPlan, VerificationSnapshot } from './verification-snapshot';

/**
 * Verification with the consortium's trust registry, our own status lists, our issuance record,
 * the module catalogue and the learners' DIDs, offline. A lookup that fails (the database is down)
 * throws: it is never reported as a bad credential.
 */
@Injectable()
export class VerificationService {
  /** All verification consults but the time, which is the Clock's when each verification starts. */
  private readonly context: Omit<VerificationContext, 'now'>;
  private readonly records = new IssuanceRecordCache();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issuers: IssuerIdentityService,
    private readonly statusLists: StatusListService,
    private readonly clock: Clock,
    holders: HolderIdentityService,
  ) {
    this.context = {
      issuers,
      statusLists,
      issuances: { recordsOf: (id, did) => this.issuanceRecords(id, did) },
      modules: { moduleNamed: (reference) => this.moduleNamed(reference) },
      holders: { presentersOf: (did) => holders.presentersOf(this.dataSource.manager, did) },
    };
  }

  credential(input: unknown): Promise<VerificationReport> {
    return verifyCredential(input, this.snapshotContext(planFor(input, this.config.publicUrl))).then(countVerification);
  }

  /**
   * The lookups of one credential answered from one query (verification-snapshot.ts), read when the
   * first of them is asked; a lookup the plan did not foresee is asked on its own, as before.
   */
  private snapshotContext(plan: VerificationPlan): VerificationContext {
    let read: Promise<VerificationSnapshot> | undefined;
    const snapshot = () => (read ??= readSnapshot(this.dataSource, plan));
    const planned = (did: string) => plan.dids.includes(did);
    return {
      ...this.context,
      now: this.clock.now(),
      issuers: {
        lookup: async (did): Promise<IssuerRecord | null> =>
          planned(did) ? ((await snapshot()).registry.get(did) ?? null) : this.issuers.lookup(did),
      },
      issuances: {
        recordsOf: async (id, did) => {
          if (id !== plan.credentialId || !planned(did)) return this.issuanceRecords(id, did);
          const rows = (await snapshot()).records.filter((r) => r.issuerDid === did);
          return this.records.recordsOf(this.dataSource, rows);
        },
      },
      modules: {
        moduleNamed: async (reference) => {
          const code = moduleCodeOf(this.config.publicUrl, reference);
          if (code === null || !plan.moduleCodes.includes(code)) return this.moduleNamed(reference);
          return (await snapshot()).modules.get(code) ?? null;
        },
      },
      statusLists: {
        resolve: async (url) => {
          const id = this.statusLists.listIdOf(url)?.toLowerCase() ?? '';
          if (!plan.listIds.includes(id)) return this.statusLists.resolve(url);
          return this.statusLists.documentAt(id, (await snapshot()).lists.get(id) ?? null);
        },
      },
    };
  }

  presentation(input: unknown, options: Partial<PresentationOptions>): Promise<PresentationReport> {
    return verifyPresentation(input, options, { ...this.context, now: this.clock.now() });
  }

  /** The HOLDER checks of credentials a presentation carries, for presentations opened elsewhere (VP-JWT envelopes). */
  holderBinding(credentials: VerificationReport[], presentedBy: string[]): Promise<VerificationCheck[]> {
    return holderBindingChecks(credentials, presentedBy, this.context);
  }

  /**
   * The catalogue module a reference names: a URL of this deployment's `/modules/<code>`, or a
   * module code. Also used to refuse, at issue, claims an HEI may not sign.
   */
  async moduleNamed(reference: ModuleReference): Promise<CatalogueModule | null> {
    const code = moduleCodeOf(this.config.publicUrl, reference);
    if (!code) return null;
    const module = await this.dataSource.getRepository(LearningModule).findOneBy({ code });
    return module ? { code: module.code, providerOrganisationId: module.providerId } : null;
  }

  /** What our keys signed under this credential id (the document's own `id`, indexed by migration 1764835200000). */
  private async issuanceRecords(credentialId: string, issuerDid: string): Promise<IssuanceRecord[]> {
    const rows = await this.dataSource.query<Array<{ issued_at: Date; document: string }>>(
      `SELECT issued_at, document FROM credential WHERE (document::jsonb ->> 'id') = $1 AND issuer_did = $2`,
      [credentialId, issuerDid],
    );
    return rows.map((row) => ({ issuedAt: row.issued_at, document: JSON.parse(row.document) as Record<string, unknown> }));
  }
}
