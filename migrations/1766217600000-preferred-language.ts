import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language MAGIX writes to a learner in (issue 14): their letters (admissions, places,
 * revocations) are rendered in it. One of the five the catalogs hold (libs/i18n); English until
 * the learner says otherwise. Interest-list members already state one (any language tag; mails
 * use its primary language when it is one of the five).
 */
export class PreferredLanguage1766217600000 implements MigrationInterface {
  name = 'PreferredLanguage1766217600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE learner
        ADD COLUMN preferred_language text NOT NULL DEFAULT 'en'
          CONSTRAINT learner_preferred_language CHECK (preferred_language IN ('en', 'es', 'it', 'de', 'et'))
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE learner DROP COLUMN preferred_language`);
  }
}
