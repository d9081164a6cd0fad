import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admission is the gate (issue 12): a degree application names the edition (intake) it applies
 * to; each edition has a number of degree places and an application window; a degree award can
 * be superseded by a re-issue after revocation, which names the credential it replaces.
 */
export class DegreeIntake1765267200000 implements MigrationInterface {
  name = 'DegreeIntake1765267200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE edition
        ADD COLUMN degree_places integer NOT NULL DEFAULT 200 CHECK (degree_places >= 0),
        ADD COLUMN degree_applications_open_on date,
        ADD COLUMN degree_applications_close_on date,
        ADD CONSTRAINT edition_degree_window CHECK (
          degree_applications_open_on IS NULL OR degree_applications_close_on IS NULL
          OR degree_applications_open_on <= degree_applications_close_on);

      ALTER TABLE application ADD COLUMN edition_id uuid REFERENCES edition(id);
      -- Existing degree applications go to the current edition: the one running now, else the
      -- latest that has started, else the first.
      UPDATE application SET edition_id = (
        SELECT id FROM edition
         ORDER BY (starts_on <= current_date AND ends_on >= current_date) DESC, (starts_on <= current_date) DESC,
                  CASE WHEN starts_on <= current_date THEN starts_on END DESC NULLS LAST, starts_on
         LIMIT 1)
       WHERE programme_id IS NOT NULL;
      ALTER TABLE application ADD CONSTRAINT application_degree_edition CHECK (programme_id IS NULL OR edition_id IS NOT NULL);
      CREATE INDEX application_edition ON application (edition_id, status) WHERE edition_id IS NOT NULL;

      ALTER TABLE degree_award
        ADD COLUMN superseded_at timestamptz,
        ADD COLUMN replaces_credential_id uuid UNIQUE REFERENCES credential(id);
      ALTER TABLE degree_award DROP CONSTRAINT degree_award_learner_id_programme_id_key;
      -- One degree in force per learner and programme; revoked ones stay, superseded.
      CREATE UNIQUE INDEX degree_award_current ON degree_award (learner_id, programme_id) WHERE superseded_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX degree_award_current;
      DELETE FROM degree_award_source WHERE degree_award_id IN (SELECT id FROM degree_award WHERE superseded_at IS NOT NULL);
      DELETE FROM degree_award WHERE superseded_at IS NOT NULL;
      ALTER TABLE degree_award ADD CONSTRAINT degree_award_learner_id_programme_id_key UNIQUE (learner_id, programme_id);
      ALTER TABLE degree_award DROP COLUMN replaces_credential_id, DROP COLUMN superseded_at;
      DROP INDEX application_edition;
      ALTER TABLE application DROP CONSTRAINT application_degree_edition;
      ALTER TABLE application DROP COLUMN edition_id;
      ALTER TABLE edition DROP CONSTRAINT edition_degree_window,
        DROP COLUMN degree_applications_close_on, DROP COLUMN degree_applications_open_on, DROP COLUMN degree_places;
    `);
  }
}
