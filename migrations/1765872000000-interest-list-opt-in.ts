import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Double opt-in for the interest list (issue 12, review): a member is PENDING until they follow
 * the confirmation link of the mail sent to the address; only CONFIRMED members hear of openings.
 * The confirmation token is a capability like the leave token (random, 32 bytes, stored as the
 * leave token is); it is cleared once used. `confirmation_sent_at` bounds the re-sends (one an
 * hour) and dates the purge of memberships never confirmed.
 *
 * Members from before double opt-in never confirmed their address: they become PENDING without a
 * token (joining again sends them one) and are purged like any unconfirmed membership.
 */
export class InterestListOptIn1765872000000 implements MigrationInterface {
  name = 'InterestListOptIn1765872000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE interest_list_member
        ADD COLUMN status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED')),
        ADD COLUMN confirm_token text UNIQUE,
        ADD COLUMN confirmation_sent_at timestamptz,
        ADD COLUMN confirmed_at timestamptz,
        ADD CONSTRAINT interest_list_member_confirmed CHECK ((status = 'CONFIRMED') = (confirmed_at IS NOT NULL)),
        ADD CONSTRAINT interest_list_member_token_pending CHECK (status = 'PENDING' OR confirm_token IS NULL);
      CREATE INDEX interest_list_member_pending ON interest_list_member (coalesce(confirmation_sent_at, joined_at)) WHERE status = 'PENDING';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX interest_list_member_pending;
      ALTER TABLE interest_list_member
        DROP CONSTRAINT interest_list_member_token_pending,
        DROP CONSTRAINT interest_list_member_confirmed,
        DROP COLUMN confirmed_at,
        DROP COLUMN confirmation_sent_at,
        DROP COLUMN confirm_token,
        DROP COLUMN status;
    `);
  }
}
