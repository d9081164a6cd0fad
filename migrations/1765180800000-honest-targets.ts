import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Targets the consortium reports (issue 12, docs/targets.md): the consortium's own targets
 * (member organisations, member countries) become data beside the others; an enrolment records
 * when it was withdrawn; and the definitions the figures use are views, so that every report
 * counts the same people.
 */
export class HonestTargets1765180800000 implements MigrationInterface {
  name = 'HonestTargets1765180800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE programme_target DROP CONSTRAINT programme_target_metric_check;
      ALTER TABLE programme_target ADD CONSTRAINT programme_target_metric_check
        CHECK (metric IN ('GRADUATES', 'MODULE_PARTICIPANTS', 'PUBLIC_SECTOR_SHARE', 'MEMBER_ORGANISATIONS', 'MEMBER_COUNTRIES'));
      -- The grant agreement's figures for programmes that already exist; the office can change them.
      INSERT INTO programme_target (programme_id, metric, target_value)
        SELECT p.id, t.metric, t.value FROM programme p, (VALUES ('MEMBER_ORGANISATIONS', 38), ('MEMBER_COUNTRIES', 20)) t(metric, value)
        ON CONFLICT (programme_id, metric) DO NOTHING;

      -- When the learner withdrew: a withdrawal before the offering's start is no participation.
      ALTER TABLE enrolment ADD COLUMN withdrawn_at timestamptz;
      CREATE FUNCTION stamp_withdrawal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'WITHDRAWN' AND OLD.status IS DISTINCT FROM 'WITHDRAWN' THEN NEW.withdrawn_at := coalesce(NEW.withdrawn_at, now());
        ELSIF NEW.status <> 'WITHDRAWN' THEN NEW.withdrawn_at := NULL;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER enrolment_withdrawal BEFORE UPDATE OF status ON enrolment FOR EACH ROW EXECUTE FUNCTION stamp_withdrawal();

      -- Degree students: a valid joint degree, or a degree-seeking application that was accepted.
      CREATE VIEW target_degree_student AS
        SELECT d.learner_id FROM degree_award d JOIN credential c ON c.id = d.credential_id
         WHERE c.revoked_at IS NULL AND c.suspended_at IS NULL
        UNION
        SELECT learner_id FROM application WHERE programme_id IS NOT NULL AND status IN ('ACCEPTED', 'ENROLLED');
      CREATE INDEX application_degree_learner ON application (learner_id) WHERE programme_id IS NOT NULL;

      -- Enrolments that are participation: all but those withdrawn before the offering started
      -- (a withdrawal without a date predates this migration, when only that was possible).
      CREATE VIEW target_enrolment AS
        SELECT e.id AS enrolment_id, e.learner_id, o.edition_id, m.provider_id, e.enrolled_at
          FROM enrolment e JOIN offering o ON o.id = e.offering_id JOIN module m ON m.id = o.module_id
         WHERE e.status <> 'WITHDRAWN' OR (e.withdrawn_at AT TIME ZONE 'UTC')::date >= o.starts_on;

      -- The sector each learner is counted in: the employer's kind decides where it is known
      -- (public administration: PUBLIC; industry: PRIVATE; university: ACADEMIC), the learner's
      -- declaration otherwise. A declaration on the other side of the public line from the
      -- employer is a mismatch, listed for the office.
      CREATE VIEW target_learner AS
        SELECT l.id AS learner_id, l.country_code, l.sector AS declared_sector, o.id AS employer_id, o.short_name AS employer,
               o.kind AS employer_kind,
               CASE o.kind WHEN 'PUBLIC_ADMINISTRATION' THEN 'PUBLIC'
                           WHEN 'INDUSTRY' THEN CASE WHEN l.sector = 'PUBLIC' THEN 'PRIVATE' ELSE l.sector END
                           WHEN 'HEI' THEN CASE WHEN l.sector = 'PUBLIC' THEN 'ACADEMIC' ELSE l.sector END
                           ELSE l.sector END AS counted_sector,
               coalesce(o.kind IN ('PUBLIC_ADMINISTRATION', 'INDUSTRY', 'HEI')
                        AND (l.sector = 'PUBLIC') <> (o.kind = 'PUBLIC_ADMINISTRATION'), false) AS sector_mismatch,
               d.learner_id IS NOT NULL AS degree_student
          FROM learner l LEFT JOIN organisation o ON o.id = l.employer_id
          -- A hash join, not a subquery per learner: reports read every learner at once.
          LEFT JOIN (SELECT DISTINCT learner_id FROM target_degree_student) d ON d.learner_id = l.id;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP VIEW target_learner, target_enrolment, target_degree_student;
      DROP INDEX application_degree_learner;
      DROP TRIGGER enrolment_withdrawal ON enrolment;
      DROP FUNCTION stamp_withdrawal();
      ALTER TABLE enrolment DROP COLUMN withdrawn_at;
      DELETE FROM programme_target WHERE metric IN ('MEMBER_ORGANISATIONS', 'MEMBER_COUNTRIES');
      ALTER TABLE programme_target DROP CONSTRAINT programme_target_metric_check;
      ALTER TABLE programme_target ADD CONSTRAINT programme_target_metric_check
        CHECK (metric IN ('GRADUATES', 'MODULE_PARTICIPANTS', 'PUBLIC_SECTOR_SHARE'));
    `);
  }
}
