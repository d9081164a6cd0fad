/** The pathways-and-targets migration's participation counters, as it made them: for `down`. */
export const OLD_PARTICIPATION_COUNTERS = `
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
`;
