import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts that can be shut out (issue 11): `token_version` is carried by every access token and
 * bumped when the password changes, `disabled_at` refuses sign-in and every token of a disabled
 * account. `auth_throttle` counts credential attempts per account and per client address in the
 * database, so that every server process sharing it enforces the same limits
 * (libs/auth/src/throttle/throttle-policy.ts).
 */
export class AccountSecurity1764748800000 implements MigrationInterface {
  name = 'AccountSecurity1764748800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN disabled_at timestamptz;
      CREATE TABLE auth_throttle (
        key text PRIMARY KEY,
        hits integer NOT NULL CHECK (hits >= 0),
        strikes integer NOT NULL DEFAULT 0 CHECK (strikes >= 0),
        blocked_until timestamptz,
        window_ends_at timestamptz NOT NULL
      );
      CREATE INDEX auth_throttle_window_ends_at ON auth_throttle (window_ends_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE auth_throttle;
      ALTER TABLE app_user DROP COLUMN disabled_at, DROP COLUMN token_version;
    `);
  }
}
