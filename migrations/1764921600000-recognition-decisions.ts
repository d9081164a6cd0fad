import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recognition decisions (issue 11): an approval of a credential whose verdict was INVALID records
 * the programme office's explicit override and its reason. `learner_rules_edition` is the one
 * definition of "the edition whose degree rules a learner follows" (that of their first
 * enrolment, else the latest edition), read by the pathway rules and by the access rules that let
 * the HEI named by those rules decide the learner's recognitions.
 */
export class RecognitionDecisions1764921600000 implements MigrationInterface {
  name = 'RecognitionDecisions1764921600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE recognition ADD COLUMN verdict_overridden boolean NOT NULL DEFAULT false;
      ALTER TABLE recognition ADD COLUMN override_reason text;
      ALTER TABLE recognition ADD CONSTRAINT recognition_override_reasoned
        CHECK (NOT verdict_overridden OR (override_reason IS NOT NULL AND status = 'APPROVED'));

      CREATE FUNCTION learner_rules_edition(learner_id uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT coalesce(
          (SELECT o.edition_id FROM enrolment e JOIN offering o ON o.id = e.offering_id
            WHERE e.learner_id = $1 ORDER BY o.starts_on, e.enrolled_at LIMIT 1),
          (SELECT id FROM edition ORDER BY starts_on DESC LIMIT 1))
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION learner_rules_edition(uuid);
      ALTER TABLE recognition DROP CONSTRAINT recognition_override_reasoned;
      ALTER TABLE recognition DROP COLUMN override_reason;
      ALTER TABLE recognition DROP COLUMN verdict_overridden;
    `);
  }
}
