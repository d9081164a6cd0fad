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

      -- Target dashboards read counters, not enrolments. Who already participates (overall, per
      -- edition, per partner HEI, per edition and HEI) is one row each; a trigger on enrolment adds
      -- a row the first time and bumps participation_count, so that live targets over millions of
      -- enrolments are sums over a few thousand counter rows.
      CREATE INDEX enrolment_learner ON enrolment (learner_id, enrolled_at);
      CREATE TABLE participant (
        learner_id uuid PRIMARY KEY REFERENCES learner(id),
        first_enrolled_at timestamptz NOT NULL
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
      CREATE TABLE participant_edition_provider (
        edition_id uuid NOT NULL REFERENCES edition(id),
        provider_id uuid NOT NULL REFERENCES organisation(id),
        learner_id uuid NOT NULL REFERENCES learner(id),
        PRIMARY KEY (edition_id, provider_id, learner_id)
      );
      CREATE INDEX participant_edition_learner ON participant_edition (learner_id);
      CREATE INDEX participant_provider_learner ON participant_provider (learner_id);
      CREATE INDEX participant_edition_provider_learner ON participant_edition_provider (learner_id);

      -- Scopes without a month (partner HEIs) use 1970-01-01; without an edition or HEI, the nil UUID.
      CREATE TABLE participation_count (
        scope text NOT NULL CHECK (scope IN ('ALL', 'EDITION', 'PROVIDER', 'EDITION_PROVIDER')),
        edition_id uuid NOT NULL,
        provider_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        sector text NOT NULL,
        month date NOT NULL,
        participants integer NOT NULL CHECK (participants >= 0),
        PRIMARY KEY (scope, edition_id, provider_id, country_code, sector, month)
      );

      CREATE FUNCTION bump_participation(p_scope text, p_edition uuid, p_provider uuid, p_country char(2), p_sector text, p_month date, p_delta integer)
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO participation_count VALUES (p_scope, p_edition, p_provider, p_country, p_sector, p_month, greatest(p_delta, 0))
        ON CONFLICT (scope, edition_id, provider_id, country_code, sector, month)
        DO UPDATE SET participants = participation_count.participants + p_delta;
      $$;

      CREATE FUNCTION month_of(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', t AT TIME ZONE 'UTC')::date $$;

      CREATE FUNCTION record_participation() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        nil constant uuid := '00000000-0000-0000-0000-000000000000';
        no_month constant date := '1970-01-01';
        who learner%ROWTYPE;
        ed uuid;
        prov uuid;
        earlier timestamptz;
      BEGIN
        SELECT * INTO who FROM learner WHERE id = NEW.learner_id;
        SELECT o.edition_id, m.provider_id INTO ed, prov FROM offering o JOIN module m ON m.id = o.module_id WHERE o.id = NEW.offering_id;

        INSERT INTO participant VALUES (NEW.learner_id, NEW.enrolled_at) ON CONFLICT DO NOTHING;
        IF FOUND THEN
          PERFORM bump_participation('ALL', nil, nil, who.country_code, who.sector, month_of(NEW.enrolled_at), 1);
        ELSE
          SELECT first_enrolled_at INTO earlier FROM participant WHERE learner_id = NEW.learner_id FOR UPDATE;
          IF NEW.enrolled_at < earlier THEN
            UPDATE participant SET first_enrolled_at = NEW.enrolled_at WHERE learner_id = NEW.learner_id;
            PERFORM bump_participation('ALL', nil, nil, who.country_code, who.sector, month_of(earlier), -1);
            PERFORM bump_participation('ALL', nil, nil, who.country_code, who.sector, month_of(NEW.enrolled_at), 1);
          END IF;
        END IF;

        INSERT INTO participant_edition VALUES (ed, NEW.learner_id, NEW.enrolled_at) ON CONFLICT DO NOTHING;
        IF FOUND THEN
          PERFORM bump_participation('EDITION', ed, nil, who.country_code, who.sector, month_of(NEW.enrolled_at), 1);
        ELSE
          SELECT first_enrolled_at INTO earlier FROM participant_edition WHERE edition_id = ed AND learner_id = NEW.learner_id FOR UPDATE;
          IF NEW.enrolled_at < earlier THEN
            UPDATE participant_edition SET first_enrolled_at = NEW.enrolled_at WHERE edition_id = ed AND learner_id = NEW.learner_id;
            PERFORM bump_participation('EDITION', ed, nil, who.country_code, who.sector, month_of(earlier), -1);
            PERFORM bump_participation('EDITION', ed, nil, who.country_code, who.sector, month_of(NEW.enrolled_at), 1);
          END IF;
        END IF;

        INSERT INTO participant_provider VALUES (prov, NEW.learner_id) ON CONFLICT DO NOTHING;
        IF FOUND THEN PERFORM bump_participation('PROVIDER', nil, prov, who.country_code, who.sector, no_month, 1); END IF;
        INSERT INTO participant_edition_provider VALUES (ed, prov, NEW.learner_id) ON CONFLICT DO NOTHING;
        IF FOUND THEN PERFORM bump_participation('EDITION_PROVIDER', ed, prov, who.country_code, who.sector, no_month, 1); END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER enrolment_participation AFTER INSERT ON enrolment FOR EACH ROW EXECUTE FUNCTION record_participation();

      -- A learner who changes sector or country moves, in every count they are in.
      CREATE FUNCTION move_participation() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        nil constant uuid := '00000000-0000-0000-0000-000000000000';
        no_month constant date := '1970-01-01';
        r record;
      BEGIN
        FOR r IN SELECT 'ALL' AS scope, nil AS ed, nil AS prov, month_of(first_enrolled_at) AS m FROM participant WHERE learner_id = NEW.id
          UNION ALL SELECT 'EDITION', edition_id, nil, month_of(first_enrolled_at) FROM participant_edition WHERE learner_id = NEW.id
          UNION ALL SELECT 'PROVIDER', nil, provider_id, no_month FROM participant_provider WHERE learner_id = NEW.id
          UNION ALL SELECT 'EDITION_PROVIDER', edition_id, provider_id, no_month FROM participant_edition_provider WHERE learner_id = NEW.id
        LOOP
          PERFORM bump_participation(r.scope, r.ed, r.prov, OLD.country_code, OLD.sector, r.m, -1);
          PERFORM bump_participation(r.scope, r.ed, r.prov, NEW.country_code, NEW.sector, r.m, 1);
        END LOOP;
        RETURN NULL;
      END $$;
      CREATE TRIGGER learner_participation AFTER UPDATE OF sector, country_code ON learner
        FOR EACH ROW WHEN (OLD.sector IS DISTINCT FROM NEW.sector OR OLD.country_code IS DISTINCT FROM NEW.country_code)
        EXECUTE FUNCTION move_participation();

      -- Rebuilds every participation table from the enrolments: for this migration's backfill, bulk
      -- loads (with the trigger disabled) and repairs.
      CREATE FUNCTION rebuild_participation() RETURNS void LANGUAGE sql AS $$
        TRUNCATE participation_count, participant_edition_provider, participant_provider, participant_edition, participant;
        INSERT INTO participant SELECT learner_id, min(enrolled_at) FROM enrolment GROUP BY learner_id;
        INSERT INTO participant_edition SELECT o.edition_id, e.learner_id, min(e.enrolled_at) FROM enrolment e JOIN offering o ON o.id = e.offering_id GROUP BY 1, 2;
        INSERT INTO participant_provider SELECT DISTINCT m.provider_id, e.learner_id FROM enrolment e JOIN offering o ON o.id = e.offering_id JOIN module m ON m.id = o.module_id;
        INSERT INTO participant_edition_provider SELECT DISTINCT o.edition_id, m.provider_id, e.learner_id FROM enrolment e JOIN offering o ON o.id = e.offering_id JOIN module m ON m.id = o.module_id;
        INSERT INTO participation_count
          SELECT 'ALL', '00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, l.country_code, l.sector, month_of(p.first_enrolled_at), count(*)
            FROM participant p JOIN learner l ON l.id = p.learner_id GROUP BY 4, 5, 6
          UNION ALL
          SELECT 'EDITION', p.edition_id, '00000000-0000-0000-0000-000000000000'::uuid, l.country_code, l.sector, month_of(p.first_enrolled_at), count(*)
            FROM participant_edition p JOIN learner l ON l.id = p.learner_id GROUP BY 2, 4, 5, 6
          UNION ALL
          SELECT 'PROVIDER', '00000000-0000-0000-0000-000000000000'::uuid, p.provider_id, l.country_code, l.sector, DATE '1970-01-01', count(*)
            FROM participant_provider p JOIN learner l ON l.id = p.learner_id GROUP BY 3, 4, 5
          UNION ALL
          SELECT 'EDITION_PROVIDER', p.edition_id, p.provider_id, l.country_code, l.sector, DATE '1970-01-01', count(*)
            FROM participant_edition_provider p JOIN learner l ON l.id = p.learner_id GROUP BY 2, 3, 4, 5;
      $$;
      SELECT rebuild_participation();

      CREATE INDEX degree_award_awarded ON degree_award (awarded_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER learner_participation ON learner;
      DROP TRIGGER enrolment_participation ON enrolment;
      DROP FUNCTION rebuild_participation(), move_participation(), record_participation(), month_of(timestamptz),
        bump_participation(text, uuid, uuid, char, text, date, integer);
      DROP TABLE participation_count, participant_edition_provider, participant_provider, participant_edition, participant;
      DROP INDEX enrolment_learner;
      DROP TABLE notification, recognition, degree_award_source, degree_award, pathway_rules;
      ALTER TABLE programme DROP COLUMN coordinator_id;
    `);
  }
}
