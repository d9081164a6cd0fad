/**
 * What a principal may do to rows, named once. Each permission is answered by one rule in
 * access-rules.ts: which table its ids are in, and which of those rows each role reaches.
 */
export enum Permission {
  /** Read a credential: its learner, the HEI that issued it, the programme office. */
  CREDENTIAL_READ = 'credential.read',
  /** Share or present a credential: only the learner who holds it. */
  CREDENTIAL_SHARE = 'credential.share',
  /** Revoke, suspend or reinstate a credential: staff of the HEI that issued it, nobody else. */
  CREDENTIAL_STATUS_MANAGE = 'credential.status.manage',
  /** Revoke a share link: only the learner who made it. */
  SHARE_LINK_MANAGE = 'shareLink.manage',
  /** See a learner's profile: the learner, the HEIs they are enrolled with, the office. */
  LEARNER_READ = 'learner.read',
  /** Progress toward the degree: the learner and the programme office. */
  LEARNER_PROGRESS_READ = 'learner.progress.read',
  /** See an enrolment: its learner, the offering's HEI, the office. */
  ENROLMENT_READ = 'enrolment.read',
  /** Record a result for an enrolment: staff of the HEI that runs the module, nobody else. */
  ENROLMENT_RECORD_RESULT = 'enrolment.recordResult',
  /** Enrol learners in, and review applications to, an offering: its HEI and the office. */
  OFFERING_MANAGE = 'offering.manage',
  /** Import a cohort's results into an offering: staff of the HEI that runs it, nobody else. */
  OFFERING_RECORD_RESULTS = 'offering.recordResults',
  /** Follow an import: the HEI that runs the offering, the office. */
  IMPORT_JOB_READ = 'importJob.read',
  /** Add offerings to a module: its HEI and the office. */
  MODULE_MANAGE = 'module.manage',
  /** Act for an organisation (e.g. create its modules): its own staff and the office. */
  ORGANISATION_ACT = 'organisation.act',
  /** Report a signing key compromised: staff of the HEI whose key it is, the office. */
  SIGNING_KEY_MANAGE = 'signingKey.manage',
  /** See an application: the applicant, the offering's HEI, the office. */
  APPLICATION_READ = 'application.read',
  /** Act on an application as the applicant (CV, offers, withdrawal). */
  APPLICATION_APPLICANT = 'application.applicant',
  /** Decide and close a review batch: the offering's HEI; degree batches the office. */
  REVIEW_BATCH_MANAGE = 'reviewBatch.manage',
  /** See a recognition request: its learner, the office, the HEI the learner's rules name. */
  RECOGNITION_READ = 'recognition.read',
  /** Decide a recognition request: the office, or the HEI the learner's degree rules name. */
  RECOGNITION_DECIDE = 'recognition.decide',
}
