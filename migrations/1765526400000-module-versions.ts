import { MigrationInterface, QueryRunner } from 'typeorm';

const FIELDS = `title, description, learning_outcomes, ects_credits, eqf_level, workload_hours, language,
                assessment_type, participation_form, quality_assurance`;

/**
 * Curriculum versions (issue 12): each module keeps the history of what it said (module_version),
 * the module row repeats its current version, and each offering pins the version current when it
 * was created, so its credentials state what was taught. Retiring a module stops new offerings.
 * Every existing module becomes version 1 and every existing offering is pinned to it.
 */
export class ModuleVersions1765526400000 implements MigrationInterface {
  name = 'ModuleVersions1765526400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE module_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES module(id),
        version integer NOT NULL CHECK (version > 0),
        title text NOT NULL,
        description text NOT NULL,
        learning_outcomes text[] NOT NULL CHECK (cardinality(learning_outcomes) > 0),
        ects_credits numeric(4,1) NOT NULL CHECK (ects_credits > 0 AND ects_credits <= 60),
        eqf_level smallint NOT NULL CHECK (eqf_level BETWEEN 1 AND 8),
        workload_hours integer NOT NULL CHECK (workload_hours > 0),
        language text NOT NULL,
        assessment_type text NOT NULL,
        participation_form text NOT NULL CHECK (participation_form IN ('ONLINE', 'BLENDED', 'ON_SITE')),
        quality_assurance text NOT NULL,
        reason text,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (module_id, version),
        UNIQUE (id, module_id)
      );

      ALTER TABLE module
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN retired_at timestamptz,
        ADD COLUMN retired_reason text;
      INSERT INTO module_version (module_id, version, ${FIELDS}, created_at)
        SELECT id, 1, ${FIELDS}, created_at FROM module;

      -- Version 1 comes with the module, however the row is written (the API, the demo seeder, a bench).
      CREATE FUNCTION module_first_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO module_version (module_id, version, ${FIELDS})
        VALUES (NEW.id, NEW.version, NEW.title, NEW.description, NEW.learning_outcomes, NEW.ects_credits, NEW.eqf_level,
                NEW.workload_hours, NEW.language, NEW.assessment_type, NEW.participation_form, NEW.quality_assurance);
        RETURN NULL;
      END $$;
      CREATE TRIGGER module_first_version AFTER INSERT ON module FOR EACH ROW EXECUTE FUNCTION module_first_version();

      -- The pinned version belongs to the offering's own module (the composite key says so).
      ALTER TABLE offering ADD COLUMN module_version_id uuid;
      UPDATE offering o SET module_version_id = v.id FROM module_version v WHERE v.module_id = o.module_id AND v.version = 1;
      ALTER TABLE offering
        ALTER COLUMN module_version_id SET NOT NULL,
        ADD CONSTRAINT offering_module_version FOREIGN KEY (module_version_id, module_id) REFERENCES module_version (id, module_id);
      CREATE INDEX offering_module_version ON offering (module_version_id);

      -- An offering written without a version pins the module's current one.
      CREATE FUNCTION offering_pin_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.module_version_id IS NULL THEN
          SELECT v.id INTO NEW.module_version_id
            FROM module m JOIN module_version v ON v.module_id = m.id AND v.version = m.version
           WHERE m.id = NEW.module_id;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER offering_pin_version BEFORE INSERT ON offering FOR EACH ROW EXECUTE FUNCTION offering_pin_version();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // The module row already holds its current version: only the history is lost.
    await db.query(`
      DROP TRIGGER offering_pin_version ON offering;
      DROP FUNCTION offering_pin_version();
      DROP INDEX offering_module_version;
      ALTER TABLE offering DROP CONSTRAINT offering_module_version, DROP COLUMN module_version_id;
      DROP TRIGGER module_first_version ON module;
      DROP FUNCTION module_first_version();
      ALTER TABLE module DROP COLUMN retired_reason, DROP COLUMN retired_at, DROP COLUMN version;
      DROP TABLE module_version;
    `);
  }
}
