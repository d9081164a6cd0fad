import { Principal, Role } from '../role';
import { Permission } from './permission';

/**
 * Which rows of a permission's table a role reaches: all of them, none, or those matching an SQL
 * condition over the row's alias. Conditions name the principal only through the parameters
 * `:accessOrg`, `:accessLearner` (bound by AccessService), and use raw column names, so that one
 * condition serves both the id check and the scope of a list.
 */
export type RowCondition = 'ALL' | 'NONE' | ((alias: string) => string);

export interface AccessRule {
  table: string;
  byRole: Record<Role, RowCondition>;
}

// Subquery aliases start with acc_ so they never clash with the caller's.
const heiRunsOffering = (offeringColumn: string) =>
  `EXISTS (SELECT 1 FROM offering acc_o JOIN module acc_m ON acc_m.id = acc_o.module_id
            WHERE acc_o.id = ${offeringColumn} AND acc_m.provider_id = :accessOrg)`;

/**
 * The HEIs that the learner's degree rules (the latest version for the edition the learner started
 * in, see learner_rules_edition in the migrations) name as deciding their recognitions.
 */
const rulesNameHeiForLearner = (learnerColumn: string) =>
  `EXISTS (SELECT 1 FROM pathway_rules acc_r
            WHERE acc_r.edition_id = learner_rules_edition(${learnerColumn})
              AND acc_r.version = (SELECT max(acc_v.version) FROM pathway_rules acc_v WHERE acc_v.edition_id = acc_r.edition_id)
              AND coalesce(acc_r.rules -> 'recognitionDeciderIds', '[]'::jsonb) @> jsonb_build_array(CAST(:accessOrg AS text)))`;

const own = (column: string) => (alias: string) => `${alias}.${column} = :accessLearner`;

export const ACCESS_RULES: Record<Permission, AccessRule> = {
  [Permission.CREDENTIAL_READ]: {
    table: 'credential',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => `${t}.issuer_organisation_id = :accessOrg`, LEARNER: own('learner_id') },
  },
  [Permission.CREDENTIAL_SHARE]: { table: 'credential', byRole: { ADMIN: 'NONE', ISSUER: 'NONE', LEARNER: own('learner_id') } },
  // The programme office revokes only degrees, through the degree review (revokeAsProgrammeOffice).
  [Permission.CREDENTIAL_STATUS_MANAGE]: {
    table: 'credential',
    byRole: { ADMIN: 'NONE', ISSUER: (t) => `${t}.issuer_organisation_id = :accessOrg`, LEARNER: 'NONE' },
  },
  [Permission.SHARE_LINK_MANAGE]: { table: 'share_link', byRole: { ADMIN: 'NONE', ISSUER: 'NONE', LEARNER: own('learner_id') } },
  [Permission.LEARNER_READ]: {
    table: 'learner',
    byRole: {
      ADMIN: 'ALL',
      ISSUER: (t) => `EXISTS (SELECT 1 FROM enrolment acc_e WHERE acc_e.learner_id = ${t}.id AND ${heiRunsOffering('acc_e.offering_id')})`,
      LEARNER: own('id'),
    },
  },
  [Permission.LEARNER_PROGRESS_READ]: { table: 'learner', byRole: { ADMIN: 'ALL', ISSUER: 'NONE', LEARNER: own('id') } },
  [Permission.ENROLMENT_READ]: {
    table: 'enrolment',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => heiRunsOffering(`${t}.offering_id`), LEARNER: own('learner_id') },
  },
  // Results come from the HEI's own records: the programme office does not record them.
  [Permission.ENROLMENT_RECORD_RESULT]: {
    table: 'enrolment',
    byRole: { ADMIN: 'NONE', ISSUER: (t) => heiRunsOffering(`${t}.offering_id`), LEARNER: 'NONE' },
  },
  [Permission.OFFERING_MANAGE]: {
    table: 'offering',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => heiRunsOffering(`${t}.id`), LEARNER: 'NONE' },
  },
  [Permission.OFFERING_RECORD_RESULTS]: {
    table: 'offering',
    byRole: { ADMIN: 'NONE', ISSUER: (t) => heiRunsOffering(`${t}.id`), LEARNER: 'NONE' },
  },
  [Permission.IMPORT_JOB_READ]: {
    table: 'import_job',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => heiRunsOffering(`${t}.offering_id`), LEARNER: 'NONE' },
  },
  [Permission.MODULE_MANAGE]: {
    table: 'module',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => `${t}.provider_id = :accessOrg`, LEARNER: 'NONE' },
  },
  [Permission.ORGANISATION_ACT]: {
    table: 'organisation',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => `${t}.id = :accessOrg`, LEARNER: 'NONE' },
  },
  [Permission.SIGNING_KEY_MANAGE]: {
    table: 'issuer_key',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => `${t}.organisation_id = :accessOrg`, LEARNER: 'NONE' },
  },
  [Permission.APPLICATION_READ]: {
    table: 'application',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => heiRunsOffering(`${t}.offering_id`), LEARNER: own('learner_id') },
  },
  [Permission.APPLICATION_APPLICANT]: { table: 'application', byRole: { ADMIN: 'NONE', ISSUER: 'NONE', LEARNER: own('learner_id') } },
  // A degree batch has no offering: only the programme office reaches it.
  [Permission.REVIEW_BATCH_MANAGE]: {
    table: 'review_batch',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => heiRunsOffering(`${t}.offering_id`), LEARNER: 'NONE' },
  },
  [Permission.RECOGNITION_READ]: {
    table: 'recognition',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => rulesNameHeiForLearner(`${t}.learner_id`), LEARNER: own('learner_id') },
  },
  [Permission.RECOGNITION_DECIDE]: {
    table: 'recognition',
    byRole: { ADMIN: 'ALL', ISSUER: (t) => rulesNameHeiForLearner(`${t}.learner_id`), LEARNER: 'NONE' },
  },
};

/** The parameters every condition may name, for this principal (null never matches a row). */
export function accessParameters(principal: Principal): { accessOrg: string | null; accessLearner: string | null } {
  return { accessOrg: principal.organisationId, accessLearner: principal.learnerId };
}
