import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credential lifecycle: Bitstring Status Lists (revocation and suspension), issuer key validity
 * windows for rotation and compromise, learners' holder keys and wallet DIDs, presentation requests.
 */
export class CredentialLifecycle1763971200000 implements MigrationInterface {
  name = 'CredentialLifecycle1763971200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE issuer_key
        ADD COLUMN valid_from timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN retired_at timestamptz,
        ADD COLUMN compromised_from timestamptz,
        ADD COLUMN compromise_reason text;
      UPDATE issuer_key SET valid_from = created_at;
      ALTER TABLE issuer_key ADD CONSTRAINT issuer_key_active_not_retired CHECK (NOT (active AND retired_at IS NOT NULL));

      -- A set is a revocation list and a suspension list of the same size; a credential holds the
      -- same index in both.
      CREATE TABLE status_list_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        size integer NOT NULL CHECK (size >= 131072 AND size % 8 = 0),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX status_list_set_organisation ON status_list_set (organisation_id, created_at DESC);

      CREATE TABLE status_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        set_id uuid NOT NULL REFERENCES status_list_set(id),
        purpose text NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
        bits bytea NOT NULL,
        version integer NOT NULL DEFAULT 1,
        signed_document text,
        signed_version integer,
        UNIQUE (set_id, purpose)
      );

      -- Allocation is an insert: the primary key makes two processes never share an index.
      CREATE TABLE status_allocation (
        set_id uuid NOT NULL REFERENCES status_list_set(id),
        index integer NOT NULL CHECK (index >= 0),
        allocated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (set_id, index)
      );

      ALTER TABLE credential
        ADD COLUMN status_set_id uuid,
        ADD COLUMN status_index integer,
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revocation_reason text,
        ADD COLUMN suspended_at timestamptz,
        ADD COLUMN suspension_reason text,
        ADD CONSTRAINT credential_status_allocation FOREIGN KEY (status_set_id, status_index) REFERENCES status_allocation(set_id, index),
        ADD CONSTRAINT credential_status_once UNIQUE (status_set_id, status_index),
        ADD CONSTRAINT credential_revoked_not_suspended CHECK (NOT (revoked_at IS NOT NULL AND suspended_at IS NOT NULL));

      -- Credentials issued through the VC-API for any subject: no learner record behind them.
      ALTER TABLE credential
        DROP CONSTRAINT credential_kind_check,
        ADD CONSTRAINT credential_kind_check CHECK (kind IN ('MODULE', 'DEGREE', 'RECOGNITION', 'API')),
        ALTER COLUMN learner_id DROP NOT NULL,
        ADD CONSTRAINT credential_learner_unless_api CHECK (kind = 'API' OR learner_id IS NOT NULL);

      ALTER TABLE learner ADD COLUMN wallet_did text;

      CREATE TABLE holder_key (
        learner_id uuid PRIMARY KEY REFERENCES learner(id),
        did text NOT NULL UNIQUE,
        verification_method text NOT NULL,
        public_key_multibase text NOT NULL,
        sealed_secret_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE presentation_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge text NOT NULL UNIQUE,
        domain text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE presentation_request, holder_key;
      ALTER TABLE learner DROP COLUMN wallet_did;
      DELETE FROM credential WHERE kind = 'API';
      ALTER TABLE credential DROP CONSTRAINT credential_learner_unless_api, ALTER COLUMN learner_id SET NOT NULL,
        DROP CONSTRAINT credential_kind_check,
        ADD CONSTRAINT credential_kind_check CHECK (kind IN ('MODULE', 'DEGREE', 'RECOGNITION'));
      ALTER TABLE credential DROP CONSTRAINT credential_status_allocation, DROP CONSTRAINT credential_status_once,
        DROP CONSTRAINT credential_revoked_not_suspended, DROP COLUMN status_set_id, DROP COLUMN status_index,
        DROP COLUMN revoked_at, DROP COLUMN revocation_reason, DROP COLUMN suspended_at, DROP COLUMN suspension_reason;
      DROP TABLE status_allocation, status_list, status_list_set;
      ALTER TABLE issuer_key DROP CONSTRAINT issuer_key_active_not_retired, DROP COLUMN valid_from, DROP COLUMN retired_at,
        DROP COLUMN compromised_from, DROP COLUMN compromise_reason;
    `);
  }
}
