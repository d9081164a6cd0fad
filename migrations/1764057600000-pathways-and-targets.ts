import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stacking into the joint degree: pathway rules per edition (versioned), degree awards with the
 * module credentials they stack, recognition of prior learning, notifications to the programme
 * office, and the indexes the target dashboards aggregate with.
 */
export class PathwaysAndTargets1764057600000 implements MigrationInterface {
  name = 'PathwaysAndTargets1764057600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE programme ADD COLUMN coordinator_id uuid REFERENCES organisation(id);

      CREATE TABLE pathway_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES edition(id),
        version integer NOT NULL CHECK (version > 0),
        rules jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (edition_id, version)
      );

      CREATE TABLE degree_award (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner(id),
        programme_id uuid NOT NULL REFERENCES programme(id),
        pathway_rules_id uuid NOT NULL REFERENCES pathway_rules(id),
        credential_id uuid NOT NULL UNIQUE REFERENCES credential(id),
        awarded_at timestamptz NOT NULL DEFAULT now(),
        review_required boolean NOT NULL DEFAULT false,
        review_reason text,
        UNIQUE (learner_id, programme_id)
      );

      CREATE TABLE degree_award_source (
        degree_award_id uuid NOT NULL REFERENCES degree_award(id),
        credential_id uuid NOT NULL REFERENCES credential(id),
        PRIMARY KEY (degree_award_id, credential_id)
      );
      CREATE INDEX degree_award_source_credential ON degree_award_source (credential_id);

      CREATE TABLE recognition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner(id),
        submitted_credential text NOT NULL,
        verification jsonb NOT NULL,
        verdict text NOT NULL,
        title text NOT NULL,
        issuer_name text,
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
        ects_granted numeric(4,1) CHECK (ects_granted > 0),
        group_name text,
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        decision_reason text,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'APPROVED') = (ects_granted IS NOT NULL))
      );
      CREATE INDEX recognition_learner ON recognition (learner_id);

      CREATE TABLE notification (
        id bigserial PRIMARY KEY,
        recipient_role text NOT NULL CHECK (recipient_role IN ('ADMIN', 'ISSUER', 'LEARNER')),
        recipient_id uuid,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );

      -- Target dashboards: participants and their first enrolment, by offering and learner.
      CREATE INDEX enrolment_learner ON enrolment (learner_id, enrolled_at);
      CREATE INDEX credential_kind_issued ON credential (kind, issued_at) WHERE revoked_at IS NULL AND suspended_at IS NULL;
      CREATE INDEX learner_sector_country ON learner (sector, country_code);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX learner_sector_country, credential_kind_issued, enrolment_learner;
      DROP TABLE notification, recognition, degree_award_source, degree_award, pathway_rules;
      ALTER TABLE programme DROP COLUMN coordinator_id;
    `);
  }
}
