import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One status entry per credential (issue 10): a set is either the two one-bit lists of old
 * (revocation, suspension; status_size 1) or one two-bit "message" list (status_size 2) in which a
 * credential's index lies in the upper half (docs/credential-status.md). Existing sets keep their
 * form, and the credentials that point at them stay revocable.
 */
export class MessageStatusLists1764576000000 implements MigrationInterface {
  name = 'MessageStatusLists1764576000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE status_list_set ADD COLUMN status_size smallint NOT NULL DEFAULT 1 CHECK (status_size IN (1, 2));
      ALTER TABLE status_list DROP CONSTRAINT status_list_purpose_check;
      ALTER TABLE status_list ADD CONSTRAINT status_list_purpose_check CHECK (purpose IN ('revocation', 'suspension', 'message'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // Refuses (by the constraint) while message lists exist: their credentials would lose their status.
    await db.query(`
      ALTER TABLE status_list DROP CONSTRAINT status_list_purpose_check;
      ALTER TABLE status_list ADD CONSTRAINT status_list_purpose_check CHECK (purpose IN ('revocation', 'suspension'));
      ALTER TABLE status_list_set DROP COLUMN status_size;
    `);
  }
}
