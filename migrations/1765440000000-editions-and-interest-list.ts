import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Editions the office plans and opens (issue 12): a state (PLANNED → OPEN), dates that never
 * overlap another edition of the programme (an exclusion constraint, so two concurrent plans
 * cannot both win), a degree window that closes by the edition's end, and shares at most 100 %.
 * The interest list anyone may join, and the record of who was told of which opening (one mail
 * per member and edition, whatever retries happen).
 */
export class EditionsAndInterestList1765440000000 implements MigrationInterface {
  name = 'EditionsAndInterestList1765440000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      -- The editions that exist already run: they are OPEN.
      ALTER TABLE edition
        ADD COLUMN state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('PLANNED', 'OPEN')),
        ADD COLUMN opened_at timestamptz,
        ADD CONSTRAINT edition_degree_window_in_edition CHECK (degree_applications_close_on IS NULL OR degree_applications_close_on <= ends_on),
        ADD CONSTRAINT edition_no_overlap EXCLUDE USING gist (programme_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&);
      ALTER TABLE edition ALTER COLUMN state SET DEFAULT 'PLANNED';

      ALTER TABLE programme_target ADD CONSTRAINT programme_target_share_percent
        CHECK (metric <> 'PUBLIC_SECTOR_SHARE' OR target_value <= 100);

      CREATE TABLE interest_list_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (length(email) <= 254),
        preferred_language text CHECK (preferred_language ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
        profile text CHECK (profile IN ('STUDENT', 'PUBLIC_STAFF')),
        -- The capability in the leave link of every mail: random, 32 bytes.
        leave_token text NOT NULL UNIQUE,
        joined_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX interest_list_member_email ON interest_list_member (lower(email));

      CREATE TABLE interest_list_notice (
        member_id uuid NOT NULL REFERENCES interest_list_member(id) ON DELETE CASCADE,
        edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
        noticed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, edition_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE interest_list_notice;
      DROP TABLE interest_list_member;
      ALTER TABLE programme_target DROP CONSTRAINT programme_target_share_percent;
      ALTER TABLE edition
        DROP CONSTRAINT edition_no_overlap,
        DROP CONSTRAINT edition_degree_window_in_edition,
        DROP COLUMN opened_at,
        DROP COLUMN state;
    `);
  }
}
