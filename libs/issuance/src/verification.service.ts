import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LearningModule } from '@magix/catalogue';
import { APP_CONFIG, AppConfig } from '@magix/config';
import {
  CatalogueModule,
  holderBindingChecks,
  IssuanceRecord,
  ModuleReference,
  PresentationOptions,
  PresentationReport,
  VerificationCheck,
  VerificationContext,
  verifyCredential,
  verifyPresentation,
  VerificationReport,
} from '@magix/credentials';
import { HolderIdentityService } from '@magix/learners';
import { IssuerIdentityService } from '@magix/organisations';
import { StatusListService } from './status-list.service';

/**
 * Verification with the consortium's trust registry, our own status lists, our issuance record,
 * the module catalogue and the learners' DIDs, offline. A lookup that fails (the database is down)
 * throws: it is never reported as a bad credential.
 */
@Injectable()
export class VerificationService {
  private readonly context: VerificationContext;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    issuers: IssuerIdentityService,
    statusLists: StatusListService,
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
    return verifyCredential(input, this.context);
  }

  presentation(input: unknown, options: Partial<PresentationOptions>): Promise<PresentationReport> {
    return verifyPresentation(input, options, this.context);
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
    const prefix = `${this.config.publicUrl}/modules/`;
    let code = reference.code;
    if (reference.id !== undefined) {
      if (!reference.id.startsWith(prefix)) return null;
      try {
        code = decodeURIComponent(reference.id.slice(prefix.length));
      } catch {
        return null;
      }
    }
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
