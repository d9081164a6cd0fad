import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The walking skeleton's schema. Enumerations are text with CHECK constraints so that adding a
 * value later is a one-line migration. Uniqueness that matters is enforced here, not in code.
 */
export class InitialSchema1763884800000 implements MigrationInterface {
  name = 'InitialSchema1763884800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        short_name text NOT NULL UNIQUE,
        country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        kind text NOT NULL CHECK (kind IN ('HEI', 'PUBLIC_ADMINISTRATION', 'INDUSTRY', 'OTHER')),
        consortium_member boolean NOT NULL DEFAULT false,
        website text,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE issuer_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        did text NOT NULL UNIQUE,
        verification_method text NOT NULL,
        public_key_multibase text NOT NULL,
        sealed_secret_key text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX issuer_key_one_active_per_organisation ON issuer_key (organisation_id) WHERE active;

      CREATE TABLE programme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        description text NOT NULL,
        total_ects numeric(5,1) NOT NULL CHECK (total_ects > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on > starts_on)
      );

      CREATE TABLE edition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme(id),
        code text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on > starts_on),
        UNIQUE (programme_id, code)
      );

      CREATE TABLE programme_target (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme(id),
        metric text NOT NULL CHECK (metric IN ('GRADUATES', 'MODULE_PARTICIPANTS', 'PUBLIC_SECTOR_SHARE')),
        target_value numeric(10,2) NOT NULL CHECK (target_value >= 0),
        UNIQUE (programme_id, metric)
      );

      CREATE TABLE module (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
        provider_id uuid NOT NULL REFERENCES organisation(id),
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
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX module_provider ON module (provider_id);

      CREATE TABLE module_prerequisite (
        module_id uuid NOT NULL REFERENCES module(id),
        prerequisite_id uuid NOT NULL REFERENCES module(id),
        PRIMARY KEY (module_id, prerequisite_id),
        CHECK (module_id <> prerequisite_id)
      );

      CREATE TABLE offering (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        module_id uuid NOT NULL REFERENCES module(id),
        edition_id uuid NOT NULL REFERENCES edition(id),
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        capacity integer NOT NULL CHECK (capacity > 0)
      );
      CREATE INDEX offering_module ON offering (module_id);
      CREATE INDEX offering_edition ON offering (edition_id);

      CREATE TABLE learner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        given_name text NOT NULL,
        family_name text NOT NULL,
        email text NOT NULL,
        country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        sector text NOT NULL CHECK (sector IN ('PUBLIC', 'PRIVATE', 'ACADEMIC', 'NONPROFIT', 'OTHER')),
        employer_id uuid REFERENCES organisation(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX learner_email ON learner (lower(email));

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'ISSUER', 'LEARNER')),
        organisation_id uuid REFERENCES organisation(id),
        learner_id uuid UNIQUE REFERENCES learner(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'ISSUER') = (organisation_id IS NOT NULL)),
        CHECK ((role = 'LEARNER') = (learner_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

      CREATE TABLE enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner(id),
        offering_id uuid NOT NULL REFERENCES offering(id),
        status text NOT NULL DEFAULT 'ENROLLED' CHECK (status IN ('ENROLLED', 'COMPLETED', 'FAILED', 'WITHDRAWN')),
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (learner_id, offering_id)
      );
      CREATE INDEX enrolment_offering ON enrolment (offering_id);

      CREATE TABLE assessment_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL UNIQUE REFERENCES enrolment(id),
        grade text NOT NULL,
        passed boolean NOT NULL,
        credits_awarded numeric(4,1) NOT NULL CHECK (credits_awarded >= 0),
        assessed_on date NOT NULL,
        assessor_id uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (passed OR credits_awarded = 0)
      );

      CREATE TABLE credential (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('MODULE', 'DEGREE', 'RECOGNITION')),
        result_id uuid UNIQUE REFERENCES assessment_result(id),
        learner_id uuid NOT NULL REFERENCES learner(id),
        issuer_organisation_id uuid NOT NULL REFERENCES organisation(id),
        issuer_did text NOT NULL,
        document text NOT NULL,
        issued_at timestamptz NOT NULL,
        valid_until timestamptz,
        CHECK (kind <> 'MODULE' OR result_id IS NOT NULL)
      );
      CREATE INDEX credential_learner ON credential (learner_id);
      CREATE INDEX credential_issuer ON credential (issuer_organisation_id);

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES app_user(id),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE audit_log, credential, assessment_result, enrolment, app_user, learner, offering,
        module_prerequisite, module, programme_target, edition, programme, issuer_key, organisation;
      DROP FUNCTION audit_log_is_append_only();
    `);
  }
}
