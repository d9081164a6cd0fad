import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections and resits (issue 12): an enrolment has one result in force per attempt; a
 * correction writes a new row that names the one it replaces (which is kept, superseded), and its
 * credential is replaced by one that names the old, both ways. An offering says how many attempts
 * it allows (the first and two resits unless said otherwise).
 */
export class ResultCorrections1765612800000 implements MigrationInterface {
  name = 'ResultCorrections1765612800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE assessment_result
        ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
        ADD COLUMN superseded_at timestamptz,
        ADD COLUMN replaces_result_id uuid UNIQUE REFERENCES assessment_result(id),
        ADD COLUMN correction_reason text,
        ADD CHECK ((replaces_result_id IS NULL) = (correction_reason IS NULL));
      ALTER TABLE assessment_result DROP CONSTRAINT assessment_result_enrolment_id_key;
      CREATE UNIQUE INDEX assessment_result_in_force ON assessment_result (enrolment_id, attempt) WHERE superseded_at IS NULL;
      CREATE INDEX assessment_result_enrolment ON assessment_result (enrolment_id);
      ALTER TABLE credential
        ADD COLUMN replaces_credential_id uuid UNIQUE REFERENCES credential(id),
        ADD COLUMN superseded_by_credential_id uuid UNIQUE REFERENCES credential(id);
      ALTER TABLE offering ADD COLUMN max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 10);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE offering DROP COLUMN max_attempts;
      ALTER TABLE credential DROP COLUMN superseded_by_credential_id, DROP COLUMN replaces_credential_id;
      DELETE FROM credential WHERE result_id IN (SELECT id FROM assessment_result WHERE superseded_at IS NOT NULL OR attempt > 1);
      UPDATE assessment_result SET replaces_result_id = NULL;
      DELETE FROM assessment_result WHERE superseded_at IS NOT NULL OR attempt > 1;
      DROP INDEX assessment_result_enrolment;
      DROP INDEX assessment_result_in_force;
      ALTER TABLE assessment_result ADD CONSTRAINT assessment_result_enrolment_id_key UNIQUE (enrolment_id);
      ALTER TABLE assessment_result DROP COLUMN correction_reason, DROP COLUMN replaces_result_id,
        DROP COLUMN superseded_at, DROP COLUMN attempt;
    `);
  }
}
