import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The target counters (1765785600000-target-counters) recomputed a learner's share on every UPDATE
 * naming an enrolment's status, although the definitions read the status only as "withdrawn or
 * not" (target_enrolment). A results import sets COMPLETED or FAILED on every row it records, and
 * that recomputation, once per row, was half of a cohort import's time (issue 13). The UPDATE
 * trigger now fires only when something the definitions read changes; INSERT and DELETE as before.
 */
export class EnrolmentTargetsOnChange1766044800000 implements MigrationInterface {
  name = 'EnrolmentTargetsOnChange1766044800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER enrolment_targets ON enrolment;
      CREATE TRIGGER enrolment_targets AFTER INSERT OR DELETE ON enrolment FOR EACH ROW EXECUTE FUNCTION target_refresh_learner_row();
      CREATE TRIGGER enrolment_targets_update AFTER UPDATE OF learner_id, offering_id, status, withdrawn_at, enrolled_at ON enrolment
        FOR EACH ROW WHEN (
          OLD.learner_id IS DISTINCT FROM NEW.learner_id OR OLD.offering_id IS DISTINCT FROM NEW.offering_id
          OR OLD.withdrawn_at IS DISTINCT FROM NEW.withdrawn_at OR OLD.enrolled_at IS DISTINCT FROM NEW.enrolled_at
          OR (OLD.status = 'WITHDRAWN') IS DISTINCT FROM (NEW.status = 'WITHDRAWN'))
        EXECUTE FUNCTION target_refresh_learner_row();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER enrolment_targets_update ON enrolment;
      DROP TRIGGER enrolment_targets ON enrolment;
      CREATE TRIGGER enrolment_targets AFTER INSERT OR DELETE OR UPDATE OF learner_id, offering_id, status, withdrawn_at, enrolled_at
        ON enrolment FOR EACH ROW EXECUTE FUNCTION target_refresh_learner_row();
    `);
  }
}
