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

      -- Target dashboards aggregate participants, not enrolments: one row per learner (and per
      -- learner and edition, learner and partner HEI), kept by triggers as enrolments arrive, so
      -- that live targets over millions of enrolments stay simple GROUP BYs on small tables.
      CREATE INDEX enrolment_learner ON enrolment (learner_id, enrolled_at);
      CREATE TABLE participant (
        learner_id uuid PRIMARY KEY REFERENCES learner(id),
        first_enrolled_at timestamptz NOT NULL,
        sector text NOT NULL,
        country_code char(2) NOT NULL
      );
      CREATE TABLE participant_edition (
        edition_id uuid NOT NULL REFERENCES edition(id),
        learner_id uuid NOT NULL REFERENCES learner(id),
        first_enrolled_at timestamptz NOT NULL,
        PRIMARY KEY (edition_id, learner_id)
      );
      CREATE TABLE participant_provider (
        provider_id uuid NOT NULL REFERENCES organisation(id),
        learner_id uuid NOT NULL REFERENCES learner(id),
        PRIMARY KEY (provider_id, learner_id)
      );

      CREATE FUNCTION record_participation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO participant (learner_id, first_enrolled_at, sector, country_code)
          SELECT NEW.learner_id, NEW.enrolled_at, l.sector, l.country_code FROM learner l WHERE l.id = NEW.learner_id
          ON CONFLICT (learner_id) DO UPDATE SET first_enrolled_at = LEAST(participant.first_enrolled_at, EXCLUDED.first_enrolled_at);
        INSERT INTO participant_edition (edition_id, learner_id, first_enrolled_at)
          SELECT o.edition_id, NEW.learner_id, NEW.enrolled_at FROM offering o WHERE o.id = NEW.offering_id
          ON CONFLICT (edition_id, learner_id) DO UPDATE SET first_enrolled_at = LEAST(participant_edition.first_enrolled_at, EXCLUDED.first_enrolled_at);
        INSERT INTO participant_provider (provider_id, learner_id)
          SELECT m.provider_id, NEW.learner_id FROM offering o JOIN module m ON m.id = o.module_id WHERE o.id = NEW.offering_id
          ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER enrolment_participation AFTER INSERT ON enrolment FOR EACH ROW EXECUTE FUNCTION record_participation();

      CREATE FUNCTION sync_participant() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE participant SET sector = NEW.sector, country_code = NEW.country_code WHERE learner_id = NEW.id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER learner_participant AFTER UPDATE OF sector, country_code ON learner FOR EACH ROW EXECUTE FUNCTION sync_participant();

      -- Enrolments made before this migration.
      INSERT INTO participant (learner_id, first_enrolled_at, sector, country_code)
        SELECT e.learner_id, min(e.enrolled_at), l.sector, l.country_code FROM enrolment e JOIN learner l ON l.id = e.learner_id
        GROUP BY e.learner_id, l.sector, l.country_code;
      INSERT INTO participant_edition (edition_id, learner_id, first_enrolled_at)
        SELECT o.edition_id, e.learner_id, min(e.enrolled_at) FROM enrolment e JOIN offering o ON o.id = e.offering_id GROUP BY o.edition_id, e.learner_id;
      INSERT INTO participant_provider (provider_id, learner_id)
        SELECT DISTINCT m.provider_id, e.learner_id FROM enrolment e JOIN offering o ON o.id = e.offering_id JOIN module m ON m.id = o.module_id;

      CREATE INDEX participant_first ON participant (first_enrolled_at);
      CREATE INDEX degree_award_awarded ON degree_award (awarded_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER learner_participant ON learner;
      DROP TRIGGER enrolment_participation ON enrolment;
      DROP FUNCTION sync_participant(), record_participation();
      DROP TABLE participant_provider, participant_edition, participant;
      DROP INDEX enrolment_learner;
      DROP TABLE notification, recognition, degree_award_source, degree_award, pathway_rules;
      ALTER TABLE programme DROP COLUMN coordinator_id;
    `);
  }
}
