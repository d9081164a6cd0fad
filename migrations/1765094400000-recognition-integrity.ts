import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recognition integrity (issue 12): each request records what makes its credential unique
 * (`credential_key`: `id:<its id>` when its signature verified, else `sha256:<content digest>`), the
 * MAGIX module it is for when it names one, and how it was shown to be the learner's. One request
 * per external credential, ever, whoever submits it; one pending or approved request per module and
 * learner. Earlier rows get the key of their credential id where it is readable and first of its
 * kind; the others keep none (they predate the rule).
 */
export class RecognitionIntegrity1765094400000 implements MigrationInterface {
  name = 'RecognitionIntegrity1765094400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE recognition ADD COLUMN credential_key text;
      ALTER TABLE recognition ADD COLUMN module_code text;
      ALTER TABLE recognition ADD COLUMN holding text
        CHECK (holding IN ('PLATFORM_DID', 'EMAIL', 'PRESENTATION'));

      WITH readable AS (
        SELECT id, submitted_credential::jsonb ->> 'id' AS credential_id, submitted_at FROM recognition
         WHERE pg_input_is_valid(submitted_credential, 'jsonb')
           AND jsonb_typeof(submitted_credential::jsonb) = 'object'
           AND jsonb_typeof(submitted_credential::jsonb -> 'id') = 'string'
           AND verification -> 'checks' @> '[{"name": "PROOF", "outcome": "PASSED"}]'
      ), first AS (
        SELECT DISTINCT ON (credential_id) id, credential_id FROM readable ORDER BY credential_id, submitted_at, id
      )
      UPDATE recognition r SET credential_key = 'id:' || first.credential_id FROM first WHERE first.id = r.id;

      CREATE UNIQUE INDEX recognition_credential_once ON recognition (credential_key);
      CREATE UNIQUE INDEX recognition_module_once ON recognition (learner_id, module_code)
        WHERE module_code IS NOT NULL AND status <> 'REJECTED';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX recognition_module_once;
      DROP INDEX recognition_credential_once;
      ALTER TABLE recognition DROP COLUMN holding;
      ALTER TABLE recognition DROP COLUMN module_code;
      ALTER TABLE recognition DROP COLUMN credential_key;
    `);
  }
}
