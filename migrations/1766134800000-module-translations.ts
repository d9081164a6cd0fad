import { MigrationInterface, QueryRunner } from 'typeorm';

const FIELDS = `title, description, learning_outcomes, ects_credits, eqf_level, workload_hours, language,
                assessment_type, participation_form, quality_assurance`;

/**
 * Module translations (issue 14): each version holds its title, description and learning outcomes
 * in other languages than English, as a JSON array of { language, title, description,
 * learningOutcomes }; the module row repeats its current version's, as for every other field.
 * Version 1, written by trigger with the module, now copies them too.
 */
export class ModuleTranslations1766134800000 implements MigrationInterface {
  name = 'ModuleTranslations1766134800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE module ADD COLUMN translations jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(translations) = 'array');
      ALTER TABLE module_version ADD COLUMN translations jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(translations) = 'array');

      CREATE OR REPLACE FUNCTION module_first_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO module_version (module_id, version, ${FIELDS}, translations)
        VALUES (NEW.id, NEW.version, NEW.title, NEW.description, NEW.learning_outcomes, NEW.ects_credits, NEW.eqf_level,
                NEW.workload_hours, NEW.language, NEW.assessment_type, NEW.participation_form, NEW.quality_assurance,
                NEW.translations);
        RETURN NULL;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION module_first_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO module_version (module_id, version, ${FIELDS})
        VALUES (NEW.id, NEW.version, NEW.title, NEW.description, NEW.learning_outcomes, NEW.ects_credits, NEW.eqf_level,
                NEW.workload_hours, NEW.language, NEW.assessment_type, NEW.participation_form, NEW.quality_assurance);
        RETURN NULL;
      END $$;
      ALTER TABLE module_version DROP COLUMN translations;
      ALTER TABLE module DROP COLUMN translations;
    `);
  }
}
