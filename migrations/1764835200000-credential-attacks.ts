import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11. A platform challenge answers once: `used_at` is set by the first presentation that
 * verifies against it. Verification looks our issuance record up by the credential document's own
 * `id` (the VC-API lets an HEI choose it), so that expression is indexed.
 */
export class CredentialAttacks1764835200000 implements MigrationInterface {
  name = 'CredentialAttacks1764835200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE presentation_request ADD COLUMN used_at timestamptz;
      CREATE INDEX credential_document_id_idx ON credential ((document::jsonb ->> 'id'), issuer_did);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX credential_document_id_idx;
      ALTER TABLE presentation_request DROP COLUMN used_at;
    `);
  }
}
