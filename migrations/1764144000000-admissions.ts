import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admissions and cohorts: grading scales as data, application windows, applications with their
 * CV, review batches, a transactional outbox for notifications, and bulk result imports.
 */
export class Admissions1764144000000 implements MigrationInterface {
  name = 'Admissions1764144000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE grading_scale (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('NUMERIC', 'LETTER')),
        min_grade numeric(6,2),
        max_grade numeric(6,2),
        pass_mark numeric(6,2),
        higher_is_better boolean NOT NULL DEFAULT true,
        decimals smallint NOT NULL DEFAULT 1,
        letters text[],
        passing_letters text[],
        honours text,
        CHECK (kind = 'LETTER' OR (min_grade IS NOT NULL AND max_grade IS NOT NULL AND pass_mark IS NOT NULL AND min_grade < max_grade)),
        CHECK (kind = 'NUMERIC' OR (letters IS NOT NULL AND passing_letters IS NOT NULL))
      );
      -- The partners' national scales; more are data, added like any row.
      INSERT INTO grading_scale (code, name, kind, min_grade, max_grade, pass_mark, higher_is_better, decimals, letters, passing_letters, honours) VALUES
        ('ES-10', 'Spanish university scale 0–10 (pass 5)', 'NUMERIC', 0, 10, 5, true, 1, NULL, NULL, NULL),
        ('IT-30', 'Italian university scale 18–30 (pass 18, 30 e lode)', 'NUMERIC', 0, 30, 18, true, 0, NULL, NULL, 'e lode'),
        ('DE-5', 'German university scale 1.0–5.0 (pass 4.0)', 'NUMERIC', 1, 5, 4, false, 1, NULL, NULL, NULL),
        ('EE-AF', 'Estonian higher education scale A–F (pass E)', 'LETTER', NULL, NULL, NULL, true, 0, ARRAY['A','B','C','D','E','F'], ARRAY['A','B','C','D','E'], NULL);
      ALTER TABLE organisation ADD COLUMN grading_scale_id uuid REFERENCES grading_scale(id);
      ALTER TABLE assessment_result ADD COLUMN grading_scale text;

      ALTER TABLE offering
        ADD COLUMN applications_open_on date,
        ADD COLUMN applications_close_on date,
        ADD CONSTRAINT offering_application_window CHECK (applications_close_on IS NULL OR applications_open_on IS NULL OR applications_open_on <= applications_close_on);

      CREATE TABLE application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner(id),
        programme_id uuid REFERENCES programme(id),
        offering_id uuid REFERENCES offering(id),
        motivation text NOT NULL CHECK (length(motivation) BETWEEN 1 AND 4000),
        status text NOT NULL DEFAULT 'SUBMITTED'
          CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'RESERVE', 'REJECTED', 'ENROLLED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
        batch_id uuid,
        reserve_rank integer CHECK (reserve_rank > 0),
        decision_reason text,
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        offer_expires_at timestamptz,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((programme_id IS NULL) <> (offering_id IS NULL))
      );
      -- One live application per learner and target: what the commission has not finished with.
      CREATE UNIQUE INDEX application_one_active ON application (learner_id, coalesce(offering_id, programme_id))
        WHERE status IN ('SUBMITTED', 'ACCEPTED', 'RESERVE');
      CREATE INDEX application_offering ON application (offering_id, status);
      CREATE INDEX application_batch ON application (batch_id);

      CREATE TABLE application_document (
        application_id uuid PRIMARY KEY REFERENCES application(id),
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 2097152),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE review_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid REFERENCES programme(id),
        offering_id uuid REFERENCES offering(id),
        opened_by uuid NOT NULL REFERENCES app_user(id),
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_by uuid REFERENCES app_user(id),
        closed_at timestamptz,
        CHECK ((programme_id IS NULL) <> (offering_id IS NULL))
      );
      -- One open batch per target at a time.
      CREATE UNIQUE INDEX review_batch_one_open ON review_batch (coalesce(offering_id, programme_id)) WHERE closed_at IS NULL;
      ALTER TABLE application ADD CONSTRAINT application_batch_fk FOREIGN KEY (batch_id) REFERENCES review_batch(id);

      CREATE TABLE outbox_message (
        id bigserial PRIMARY KEY,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      );
      CREATE INDEX outbox_pending ON outbox_message (id) WHERE sent_at IS NULL;

      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offering_id uuid NOT NULL REFERENCES offering(id),
        file_sha256 text NOT NULL,
        rows jsonb NOT NULL,
        total integer NOT NULL,
        done integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        issued integer NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        failures jsonb NOT NULL DEFAULT '[]',
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (offering_id, file_sha256)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE import_job, outbox_message, application_document;
      ALTER TABLE application DROP CONSTRAINT application_batch_fk;
      DROP TABLE review_batch, application;
      ALTER TABLE offering DROP CONSTRAINT offering_application_window, DROP COLUMN applications_open_on, DROP COLUMN applications_close_on;
      ALTER TABLE assessment_result DROP COLUMN grading_scale;
      ALTER TABLE organisation DROP COLUMN grading_scale_id;
      DROP TABLE grading_scale;
    `);
  }
}
