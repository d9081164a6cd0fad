import { MigrationInterface, QueryRunner } from 'typeorm';
import { OLD_PARTICIPATION_COUNTERS } from './1765785600000-target-counters.old';

/**
 * Counters for the targets the consortium reports (issue 12, docs/targets.md), kept in the same
 * transaction as the facts, so that `programmeTargets` reads a few hundred summary rows instead of
 * aggregating every enrolment.
 *
 * The figures count people (distinct learners), which a plain +1/-1 per fact cannot keep. So each
 * learner's share of every counter is one row set (`target_contribution`), computed for that
 * learner from the honest-targets views themselves (`target_contribution_source`); a trigger on any
 * input of the definitions recomputes the learner's rows and adds the difference to
 * `target_count`. The views stay the one definition: the counters can only follow them.
 * `target_recount()` rebuilds both tables from the facts (this migration's backfill, bulk loads,
 * repairs).
 *
 * The participation counters of the pathways-and-targets migration (unread since honest targets)
 * are dropped.
 */
export class TargetCounters1765785600000 implements MigrationInterface {
  name = 'TargetCounters1765785600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER learner_participation ON learner;
      DROP TRIGGER enrolment_participation ON enrolment;
      DROP FUNCTION rebuild_participation(), move_participation(), record_participation(), month_of(timestamptz),
        bump_participation(text, uuid, uuid, char, text, date, integer);
      DROP TABLE participation_count, participant_edition_provider, participant_provider, participant_edition, participant;

      -- Every learner's share of the counters. Scope: the nil UUID for the whole programme, else an
      -- edition. Dimension and key: ('total', ''), ('country', ISO code), ('sector', counted sector),
      -- ('month', YYYY-MM: of the first enrolment that counts in scope, of the award for graduates),
      -- ('partner', organisation id: the HEI of the modules taken, the issuers a degree stacks).
      CREATE VIEW target_contribution_source AS
        SELECT c.learner_id, c.edition_id, c.dimension, c.key,
               sum(c.participants)::int AS participants, sum(c.self_standing)::int AS self_standing,
               sum(c.public)::int AS public, sum(c.mismatched)::int AS mismatched, sum(c.graduates)::int AS graduates
          FROM (
            -- A participant, once in each scope they take part in.
            SELECT t.learner_id, s.edition_id, d.dimension, d.key, 1 AS participants,
                   CASE WHEN t.degree_student THEN 0 ELSE 1 END AS self_standing,
                   CASE WHEN t.counted_sector = 'PUBLIC' THEN 1 ELSE 0 END AS public,
                   CASE WHEN t.sector_mismatch THEN 1 ELSE 0 END AS mismatched, 0 AS graduates
              FROM (SELECT learner_id, '00000000-0000-0000-0000-000000000000'::uuid AS edition_id, min(enrolled_at) AS first_at
                      FROM target_enrolment GROUP BY learner_id
                    UNION ALL
                    SELECT learner_id, edition_id, min(enrolled_at) FROM target_enrolment GROUP BY learner_id, edition_id) s
              JOIN target_learner t ON t.learner_id = s.learner_id
              CROSS JOIN LATERAL (VALUES ('total', ''), ('country', t.country_code::text), ('sector', t.counted_sector),
                                         ('month', to_char(s.first_at AT TIME ZONE 'UTC', 'YYYY-MM'))) d(dimension, key)
            UNION ALL
            -- ... and once for each partner HEI whose modules they take in that scope.
            SELECT t.learner_id, s.edition_id, 'partner', s.provider_id::text, 1,
                   CASE WHEN t.degree_student THEN 0 ELSE 1 END,
                   CASE WHEN t.counted_sector = 'PUBLIC' THEN 1 ELSE 0 END,
                   CASE WHEN t.sector_mismatch THEN 1 ELSE 0 END, 0
              FROM (SELECT learner_id, '00000000-0000-0000-0000-000000000000'::uuid AS edition_id, provider_id
                      FROM target_enrolment GROUP BY learner_id, provider_id
                    UNION ALL
                    SELECT learner_id, edition_id, provider_id FROM target_enrolment GROUP BY learner_id, edition_id, provider_id) s
              JOIN target_learner t ON t.learner_id = s.learner_id
            UNION ALL
            -- A valid degree, overall and in the edition of its pathway rules.
            SELECT d.learner_id, s.edition_id, k.dimension, k.key, 0, 0, 0, 0, 1
              FROM degree_award d JOIN credential c ON c.id = d.credential_id JOIN pathway_rules r ON r.id = d.pathway_rules_id
              JOIN target_learner t ON t.learner_id = d.learner_id
              CROSS JOIN LATERAL (VALUES ('00000000-0000-0000-0000-000000000000'::uuid), (r.edition_id)) s(edition_id)
              CROSS JOIN LATERAL (VALUES ('total', ''), ('country', t.country_code::text), ('sector', t.counted_sector),
                                         ('month', to_char(d.awarded_at AT TIME ZONE 'UTC', 'YYYY-MM'))) k(dimension, key)
             WHERE c.revoked_at IS NULL AND c.suspended_at IS NULL
            UNION ALL
            -- ... and for each organisation that issued a credential it stacks, once per degree.
            SELECT g.learner_id, s.edition_id, 'partner', g.issuer::text, 0, 0, 0, 0, 1
              FROM (SELECT d.id, d.learner_id, r.edition_id, sc.issuer_organisation_id AS issuer
                      FROM degree_award d JOIN credential c ON c.id = d.credential_id JOIN pathway_rules r ON r.id = d.pathway_rules_id
                      JOIN degree_award_source src ON src.degree_award_id = d.id JOIN credential sc ON sc.id = src.credential_id
                     WHERE c.revoked_at IS NULL AND c.suspended_at IS NULL
                     GROUP BY d.id, d.learner_id, r.edition_id, sc.issuer_organisation_id) g
              CROSS JOIN LATERAL (VALUES ('00000000-0000-0000-0000-000000000000'::uuid), (g.edition_id)) s(edition_id)
          ) c
         GROUP BY c.learner_id, c.edition_id, c.dimension, c.key;

      CREATE TABLE target_contribution (
        learner_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        dimension text NOT NULL,
        key text NOT NULL,
        participants integer NOT NULL,
        self_standing integer NOT NULL,
        public integer NOT NULL,
        mismatched integer NOT NULL,
        graduates integer NOT NULL,
        PRIMARY KEY (learner_id, edition_id, dimension, key)
      );

      -- The office's list of mismatches: each mismatched participant once per scope, with what the
      -- list shows and sorts by, so that its first 500 are one index range, whatever the size.
      CREATE TABLE target_mismatch (
        edition_id uuid NOT NULL,
        learner_id uuid NOT NULL,
        family_name text NOT NULL,
        given_name text NOT NULL,
        declared_sector text NOT NULL,
        employer_id uuid NOT NULL,
        counted_sector text NOT NULL,
        PRIMARY KEY (edition_id, learner_id)
      );
      CREATE INDEX target_mismatch_list ON target_mismatch (edition_id, family_name, given_name, learner_id);
      CREATE INDEX target_mismatch_learner ON target_mismatch (learner_id);

      -- The sums, read by programmeTargets. Rows that fall to zero stay (readers skip them).
      CREATE TABLE target_count (
        edition_id uuid NOT NULL,
        dimension text NOT NULL,
        key text NOT NULL,
        participants integer NOT NULL,
        self_standing integer NOT NULL,
        public integer NOT NULL,
        mismatched integer NOT NULL,
        graduates integer NOT NULL,
        PRIMARY KEY (edition_id, dimension, key)
      );

      -- Recomputes one learner's rows from the views and adds the difference to the sums. Serialised
      -- per learner (a transaction-scoped advisory lock), so two transactions touching the same
      -- learner's facts cannot both start from the same old rows; under READ COMMITTED the second
      -- then reads what the first committed.
      CREATE FUNCTION target_refresh(p_learner uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        fresh target_contribution[];
      BEGIN
        IF p_learner IS NULL THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock(1765785600, hashtext(p_learner::text));
        SELECT coalesce(array_agg(ROW(s.learner_id, s.edition_id, s.dimension, s.key, s.participants, s.self_standing,
                                      s.public, s.mismatched, s.graduates)::target_contribution), '{}')
          INTO fresh FROM target_contribution_source s WHERE s.learner_id = p_learner;
        INSERT INTO target_count AS n
          SELECT x.edition_id, x.dimension, x.key, sum(x.participants), sum(x.self_standing), sum(x.public), sum(x.mismatched), sum(x.graduates)
            FROM (SELECT f.edition_id, f.dimension, f.key, f.participants, f.self_standing, f.public, f.mismatched, f.graduates FROM unnest(fresh) f
                  UNION ALL
                  SELECT o.edition_id, o.dimension, o.key, -o.participants, -o.self_standing, -o.public, -o.mismatched, -o.graduates
                    FROM target_contribution o WHERE o.learner_id = p_learner) x
           GROUP BY x.edition_id, x.dimension, x.key
          HAVING sum(x.participants) <> 0 OR sum(x.self_standing) <> 0 OR sum(x.public) <> 0 OR sum(x.mismatched) <> 0 OR sum(x.graduates) <> 0
           -- The same order in every transaction: no deadlock between two learners' refreshes.
           ORDER BY x.edition_id, x.dimension, x.key
        ON CONFLICT (edition_id, dimension, key) DO UPDATE SET
          participants = n.participants + EXCLUDED.participants, self_standing = n.self_standing + EXCLUDED.self_standing,
          public = n.public + EXCLUDED.public, mismatched = n.mismatched + EXCLUDED.mismatched, graduates = n.graduates + EXCLUDED.graduates;
        IF FOUND THEN -- else the learner's rows are the same as before
          DELETE FROM target_contribution WHERE learner_id = p_learner;
          INSERT INTO target_contribution SELECT * FROM unnest(fresh);
        END IF;
        -- A mismatched learner's line in the list (also after a rename, which moves no counter).
        IF EXISTS (SELECT 1 FROM unnest(fresh) f WHERE f.dimension = 'total' AND f.mismatched > 0)
           OR EXISTS (SELECT 1 FROM target_mismatch WHERE learner_id = p_learner) THEN
          DELETE FROM target_mismatch WHERE learner_id = p_learner;
          INSERT INTO target_mismatch
            SELECT f.edition_id, l.id, l.family_name, l.given_name, l.sector, l.employer_id, s.key
              FROM unnest(fresh) f JOIN unnest(fresh) s ON s.edition_id = f.edition_id AND s.dimension = 'sector' AND s.participants > 0
              JOIN learner l ON l.id = p_learner
             WHERE f.dimension = 'total' AND f.mismatched > 0;
        END IF;
      END $$;

      -- Rebuilds every counter from the facts. Takes the tables exclusively: refreshes wait.
      CREATE FUNCTION target_recount() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE target_contribution, target_count, target_mismatch IN ACCESS EXCLUSIVE MODE;
        DELETE FROM target_count;
        DELETE FROM target_contribution;
        DELETE FROM target_mismatch;
        INSERT INTO target_contribution SELECT * FROM target_contribution_source;
        INSERT INTO target_count
          SELECT edition_id, dimension, key, sum(participants), sum(self_standing), sum(public), sum(mismatched), sum(graduates)
            FROM target_contribution GROUP BY edition_id, dimension, key;
        INSERT INTO target_mismatch
          SELECT f.edition_id, l.id, l.family_name, l.given_name, l.sector, l.employer_id, s.key
            FROM target_contribution f
            JOIN target_contribution s ON s.learner_id = f.learner_id AND s.edition_id = f.edition_id AND s.dimension = 'sector' AND s.participants > 0
            JOIN learner l ON l.id = f.learner_id
           WHERE f.dimension = 'total' AND f.mismatched > 0;
      END $$;

      -- The inputs of the definitions, each refreshing the learners it concerns.
      -- enrolment, application, degree_award: the row's learner (both, if it moves to another).
      CREATE FUNCTION target_refresh_learner_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN PERFORM target_refresh(NEW.learner_id);
        ELSIF TG_OP = 'DELETE' THEN PERFORM target_refresh(OLD.learner_id);
        ELSE
          PERFORM target_refresh(OLD.learner_id);
          IF NEW.learner_id IS DISTINCT FROM OLD.learner_id THEN PERFORM target_refresh(NEW.learner_id); END IF;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER enrolment_targets AFTER INSERT OR DELETE OR UPDATE OF learner_id, offering_id, status, withdrawn_at, enrolled_at
        ON enrolment FOR EACH ROW EXECUTE FUNCTION target_refresh_learner_row();
      CREATE TRIGGER application_targets AFTER INSERT OR DELETE OR UPDATE OF learner_id, programme_id, status
        ON application FOR EACH ROW EXECUTE FUNCTION target_refresh_learner_row();
      CREATE TRIGGER degree_award_targets AFTER INSERT OR DELETE OR UPDATE OF learner_id, credential_id, pathway_rules_id, awarded_at
        ON degree_award FOR EACH ROW EXECUTE FUNCTION target_refresh_learner_row();
      CREATE INDEX degree_award_learner ON degree_award (learner_id);

      CREATE FUNCTION target_refresh_degree_source() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM target_refresh(d.learner_id) FROM degree_award d WHERE d.id = OLD.degree_award_id; END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM target_refresh(d.learner_id) FROM degree_award d WHERE d.id = NEW.degree_award_id; END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER degree_award_source_targets AFTER INSERT OR DELETE OR UPDATE
        ON degree_award_source FOR EACH ROW EXECUTE FUNCTION target_refresh_degree_source();

      -- A credential: the degree it is (revocation, suspension), the degrees it is stacked in (issuer).
      CREATE FUNCTION target_refresh_credential() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM target_refresh(d.learner_id) FROM degree_award d WHERE d.credential_id = NEW.id;
        IF NEW.issuer_organisation_id IS DISTINCT FROM OLD.issuer_organisation_id THEN
          PERFORM target_refresh(l.learner_id) FROM (SELECT DISTINCT d.learner_id FROM degree_award_source s
            JOIN degree_award d ON d.id = s.degree_award_id WHERE s.credential_id = NEW.id) l;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER credential_targets AFTER UPDATE OF revoked_at, suspended_at, issuer_organisation_id ON credential FOR EACH ROW
        WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.suspended_at IS DISTINCT FROM NEW.suspended_at
              OR OLD.issuer_organisation_id IS DISTINCT FROM NEW.issuer_organisation_id)
        EXECUTE FUNCTION target_refresh_credential();

      -- A learner's country, sector or employer (and name, for the list of mismatches); an
      -- organisation's kind (its employees' counted sector).
      CREATE FUNCTION target_refresh_learner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM target_refresh(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
        RETURN NULL;
      END $$;
      CREATE TRIGGER learner_targets AFTER DELETE OR UPDATE OF country_code, sector, employer_id, given_name, family_name ON learner
        FOR EACH ROW EXECUTE FUNCTION target_refresh_learner();
      CREATE FUNCTION target_refresh_employer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM target_refresh(l.id) FROM learner l WHERE l.employer_id = NEW.id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER organisation_targets AFTER UPDATE OF kind ON organisation FOR EACH ROW
        WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION target_refresh_employer();
      CREATE INDEX learner_employer ON learner (employer_id) WHERE employer_id IS NOT NULL;

      -- Where the facts sit: an offering's edition, module or start; a module's provider; the
      -- edition of a degree's pathway rules.
      CREATE FUNCTION target_refresh_offering() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM target_refresh(e.learner_id) FROM (SELECT DISTINCT learner_id FROM enrolment WHERE offering_id = NEW.id) e;
        RETURN NULL;
      END $$;
      CREATE TRIGGER offering_targets AFTER UPDATE OF edition_id, module_id, starts_on ON offering FOR EACH ROW
        WHEN (OLD.edition_id IS DISTINCT FROM NEW.edition_id OR OLD.module_id IS DISTINCT FROM NEW.module_id OR OLD.starts_on IS DISTINCT FROM NEW.starts_on)
        EXECUTE FUNCTION target_refresh_offering();
      CREATE FUNCTION target_refresh_module() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM target_refresh(e.learner_id)
           FROM (SELECT DISTINCT e.learner_id FROM enrolment e JOIN offering o ON o.id = e.offering_id WHERE o.module_id = NEW.id) e;
        RETURN NULL;
      END $$;
      CREATE TRIGGER module_targets AFTER UPDATE OF provider_id ON module FOR EACH ROW
        WHEN (OLD.provider_id IS DISTINCT FROM NEW.provider_id) EXECUTE FUNCTION target_refresh_module();
      CREATE FUNCTION target_refresh_rules() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM target_refresh(d.learner_id) FROM (SELECT DISTINCT learner_id FROM degree_award WHERE pathway_rules_id = NEW.id) d;
        RETURN NULL;
      END $$;
      CREATE TRIGGER pathway_rules_targets AFTER UPDATE OF edition_id ON pathway_rules FOR EACH ROW
        WHEN (OLD.edition_id IS DISTINCT FROM NEW.edition_id) EXECUTE FUNCTION target_refresh_rules();

      SELECT target_recount();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER pathway_rules_targets ON pathway_rules;
      DROP TRIGGER module_targets ON module;
      DROP TRIGGER offering_targets ON offering;
      DROP TRIGGER organisation_targets ON organisation;
      DROP TRIGGER learner_targets ON learner;
      DROP TRIGGER credential_targets ON credential;
      DROP TRIGGER degree_award_source_targets ON degree_award_source;
      DROP TRIGGER degree_award_targets ON degree_award;
      DROP TRIGGER application_targets ON application;
      DROP TRIGGER enrolment_targets ON enrolment;
      DROP FUNCTION target_refresh_rules(), target_refresh_module(), target_refresh_offering(), target_refresh_employer(),
        target_refresh_learner(), target_refresh_credential(), target_refresh_degree_source(), target_refresh_learner_row(),
        target_recount(), target_refresh(uuid);
      DROP INDEX learner_employer;
      DROP INDEX degree_award_learner;
      DROP TABLE target_mismatch, target_count, target_contribution;
      DROP VIEW target_contribution_source;
    `);
    await db.query(OLD_PARTICIPATION_COUNTERS);
  }
}
