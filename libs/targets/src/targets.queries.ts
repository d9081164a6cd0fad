/**
 * The targets' definitions as SQL over the views of the honest-targets migration (target_enrolment,
 * target_learner, target_degree_student), so that all of them count the same people; `$1`, when
 * present, is the edition the figures are limited to. Aggregated at query time, these are the
 * oracle the counters (targets.counters.ts) are checked against, not what the dashboard reads.
 */
export interface ScopeSql {
  /** Distinct learners with an enrolment that counts, in scope. */
  people: string;
  /** Valid joint degrees in scope, with the learner's counted sector and country. */
  degrees: string;
  /** Filter on `target_enrolment e` for the scope. */
  enrolments: string;
}

export function scopeSql(limited: boolean): ScopeSql {
  const enrolments = limited ? 'WHERE e.edition_id = $1' : '';
  return {
    enrolments,
    people: `(SELECT e.learner_id, min(e.enrolled_at) AS first_at FROM target_enrolment e ${enrolments} GROUP BY e.learner_id)`,
    degrees: `(SELECT d.learner_id, d.awarded_at, r.edition_id, t.counted_sector, t.country_code, d.id AS award_id
        FROM degree_award d JOIN credential c ON c.id = d.credential_id JOIN pathway_rules r ON r.id = d.pathway_rules_id
        JOIN target_learner t ON t.learner_id = d.learner_id
       WHERE c.revoked_at IS NULL AND c.suspended_at IS NULL ${limited ? 'AND r.edition_id = $1' : ''})`,
  };
}

/** participants, self-standing participants and public participants over `t`, a target_learner row set. */
export const COUNTS = `count(t.learner_id)::int AS participants,
  count(t.learner_id) FILTER (WHERE NOT t.degree_student)::int AS self_standing,
  count(t.learner_id) FILTER (WHERE t.counted_sector = 'PUBLIC')::int AS public`;

export const totalsSql = (s: ScopeSql) =>
  `SELECT ${COUNTS}, count(t.learner_id) FILTER (WHERE t.sector_mismatch)::int AS mismatched
     FROM ${s.people} p JOIN target_learner t USING (learner_id)`;

export const countrySectorSql = (s: ScopeSql) =>
  `SELECT CASE WHEN GROUPING(t.country_code) = 0 THEN 'country' ELSE 'sector' END AS dimension,
          coalesce(t.country_code, t.counted_sector) AS key, coalesce(t.country_code, t.counted_sector) AS label, ${COUNTS}
     FROM ${s.people} p JOIN target_learner t USING (learner_id)
    GROUP BY GROUPING SETS ((t.country_code), (t.counted_sector))`;

export const editionSql = (limited: boolean) =>
  `SELECT ed.id AS key, ed.code AS label, coalesce(c.participants, 0) AS participants,
          coalesce(c.self_standing, 0) AS self_standing, coalesce(c.public, 0) AS public
     FROM edition ed
     LEFT JOIN (SELECT p.edition_id, ${COUNTS}
                  FROM (SELECT DISTINCT e.edition_id, e.learner_id FROM target_enrolment e ${limited ? 'WHERE e.edition_id = $1' : ''}) p
                  JOIN target_learner t ON t.learner_id = p.learner_id GROUP BY p.edition_id) c ON c.edition_id = ed.id
    ${limited ? 'WHERE ed.id = $1' : ''} ORDER BY ed.starts_on`;

export const partnerSql = (s: ScopeSql) =>
  `SELECT o.id AS key, o.short_name AS label, ${COUNTS}
     FROM (SELECT DISTINCT e.provider_id, e.learner_id FROM target_enrolment e ${s.enrolments}) p
     JOIN organisation o ON o.id = p.provider_id JOIN target_learner t ON t.learner_id = p.learner_id
    GROUP BY o.id, o.short_name ORDER BY o.short_name`;

/** Learners by the month of their first enrolment that counts, in scope. */
export const monthlyPeopleSql = (s: ScopeSql) =>
  `SELECT to_char(p.first_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, ${COUNTS}
     FROM ${s.people} p JOIN target_learner t USING (learner_id) GROUP BY 1`;

export const graduatesBySql = (s: ScopeSql) =>
  `SELECT CASE WHEN GROUPING(country_code) = 0 THEN 'country' WHEN GROUPING(counted_sector) = 0 THEN 'sector'
               WHEN GROUPING(edition_id) = 0 THEN 'edition' ELSE 'total' END AS dimension,
          coalesce(country_code, counted_sector, edition_id::text, 'total') AS key, count(*)::int AS graduates
     FROM ${s.degrees} g GROUP BY GROUPING SETS ((), (country_code), (counted_sector), (edition_id))`;

export const monthlyGraduatesSql = (s: ScopeSql) =>
  `SELECT to_char(awarded_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS graduates FROM ${s.degrees} g GROUP BY 1`;

export const partnerGraduatesSql = (s: ScopeSql) =>
  `SELECT c.issuer_organisation_id AS key, count(DISTINCT g.award_id)::int AS graduates
     FROM ${s.degrees} g JOIN degree_award_source src ON src.degree_award_id = g.award_id JOIN credential c ON c.id = src.credential_id
    GROUP BY 1`;

export const mismatchesSql = (s: ScopeSql) =>
  `SELECT t.learner_id AS "learnerId", l.given_name || ' ' || l.family_name AS name, t.declared_sector AS "declaredSector",
          t.employer, t.employer_kind AS "employerKind", t.counted_sector AS "countedSector"
     FROM ${s.people} p JOIN target_learner t USING (learner_id) JOIN learner l ON l.id = t.learner_id
    WHERE t.sector_mismatch ORDER BY l.family_name, l.given_name, l.id LIMIT 500`;

/** Consortium membership has no edition: the same figures in every scope. */
export const MEMBERS_SQL = `SELECT count(*)::int AS organisations, count(DISTINCT country_code)::int AS countries,
    coalesce(array_agg(DISTINCT country_code::text ORDER BY country_code::text) FILTER (WHERE country_code IS NOT NULL), '{}') AS codes
  FROM organisation WHERE consortium_member`;
