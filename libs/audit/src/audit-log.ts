import { EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export enum AuditAction {
  ISSUER_KEY_CREATED = 'ISSUER_KEY_CREATED',
  ISSUER_KEY_ROTATED = 'ISSUER_KEY_ROTATED',
  ISSUER_KEY_COMPROMISED = 'ISSUER_KEY_COMPROMISED',
  CREDENTIAL_REVOKED = 'CREDENTIAL_REVOKED',
  CREDENTIAL_SUSPENDED = 'CREDENTIAL_SUSPENDED',
  CREDENTIAL_REINSTATED = 'CREDENTIAL_REINSTATED',
  WALLET_REGISTERED = 'WALLET_REGISTERED',
  PATHWAY_RULES_SET = 'PATHWAY_RULES_SET',
  DEGREE_AWARDED = 'DEGREE_AWARDED',
  DEGREE_FLAGGED = 'DEGREE_FLAGGED',
  DEGREE_REVIEWED = 'DEGREE_REVIEWED',
  DEGREE_INTAKE_SET = 'DEGREE_INTAKE_SET',
  RECOGNITION_SUBMITTED = 'RECOGNITION_SUBMITTED',
  RECOGNITION_DECIDED = 'RECOGNITION_DECIDED',
  APPLICATION_DECIDED = 'APPLICATION_DECIDED',
  APPLICATION_WITHDRAWN = 'APPLICATION_WITHDRAWN',
  REVIEW_BATCH_OPENED = 'REVIEW_BATCH_OPENED',
  REVIEW_BATCH_CLOSED = 'REVIEW_BATCH_CLOSED',
  RESULTS_IMPORTED = 'RESULTS_IMPORTED',
  CREDENTIAL_ISSUED = 'CREDENTIAL_ISSUED',
  RESULT_RECORDED = 'RESULT_RECORDED',
}

export interface AuditRecord {
  action: AuditAction;
  actorUserId: string | null;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

/** Writes in the caller's transaction, so the log holds exactly what was committed. */
export async function audit(manager: EntityManager, record: AuditRecord): Promise<void> {
  await manager.insert(AuditEntry, { ...record, details: (record.details ?? {}) as never });
}
