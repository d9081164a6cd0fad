import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Share links: a learner's revocable, optionally expiring public URL for one credential. The token
 * is random (≥ 128 bits, base64url) and unique; the learner is stored beside the credential so
 * "a learner's links" needs no join and ownership is checked against the credential on creation.
 */
export class ShareLinks1764316800000 implements MigrationInterface {
  name = 'ShareLinks1764316800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE share_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token text NOT NULL UNIQUE CHECK (token ~ '^[A-Za-z0-9_-]{22,}$'),
        credential_id uuid NOT NULL REFERENCES credential(id),
        learner_id uuid NOT NULL REFERENCES learner(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        CHECK (expires_at IS NULL OR expires_at > created_at)
      );
      CREATE INDEX share_link_learner ON share_link (learner_id, created_at DESC);
      CREATE INDEX share_link_credential ON share_link (credential_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE share_link');
  }
}
