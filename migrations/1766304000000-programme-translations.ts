import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme translations (issue 14, the degree's part): the programme's title and description
 * in languages other than English, as a JSON array of { language, title, description } sorted by
 * language, as modules hold theirs. English stays the `title` and `description` columns. Degrees
 * issued before keep their documents as signed: nothing here touches `credential`.
 */
export class ProgrammeTranslations1766304000000 implements MigrationInterface {
  name = 'ProgrammeTranslations1766304000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE programme
        ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'
          CONSTRAINT programme_translations_array CHECK (jsonb_typeof(translations) = 'array')
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE programme DROP COLUMN translations`);
  }
}
