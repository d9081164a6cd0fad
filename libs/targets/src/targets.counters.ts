/**
 * The SQL that reads the counters of the target-counters migration (`target_count`, kept by
 * triggers in the same transaction as the facts). Each query gives the rows of its twin in
 * targets.queries.ts, which reads the views: the same definitions, summed ahead of time. `$1` is
 * the scope: an edition, or the nil UUID for the whole programme.
 */
export const WHOLE_PROGRAMME = '00000000-0000-0000-0000-000000000000';

const COUNTS = 'c.participants, c.self_standing, c.public';

export const COUNTER_TOTALS_SQL = `SELECT coalesce(max(c.participants), 0) AS participants, coalesce(max(c.self_standing), 0) AS self_standing,
    coalesce(max(c.public), 0) AS public, coalesce(max(c.mismatched), 0) AS mismatched
  FROM target_count c WHERE c.edition_id = $1 AND c.dimension = 'total' AND c.key = ''`;

/** Rows that fell to zero stay in target_count: a group is listed only while it has participants. */
export const COUNTER_COUNTRY_SECTOR_SQL = `SELECT c.dimension, c.key, c.key AS label, ${COUNTS}
  FROM target_count c WHERE c.edition_id = $1 AND c.dimension IN ('country', 'sector') AND c.participants > 0`;

/** Every edition, side by side (or the one in scope): each edition's own totals. */
export const counterEditionSql = (limited: boolean) =>
  `SELECT ed.id AS key, ed.code AS label, coalesce(c.participants, 0) AS participants,
          coalesce(c.self_standing, 0) AS self_standing, coalesce(c.public, 0) AS public
     FROM edition ed LEFT JOIN target_count c ON c.edition_id = ed.id AND c.dimension = 'total' AND c.key = ''
    ${limited ? 'WHERE ed.id = $1' : ''} ORDER BY ed.starts_on`;

export const COUNTER_PARTNER_SQL = `SELECT o.id AS key, o.short_name AS label, ${COUNTS}
  FROM target_count c JOIN organisation o ON o.id::text = c.key
 WHERE c.edition_id = $1 AND c.dimension = 'partner' AND c.participants > 0 ORDER BY o.short_name`;

export const COUNTER_MONTHLY_PEOPLE_SQL = `SELECT c.key AS month, ${COUNTS}
  FROM target_count c WHERE c.edition_id = $1 AND c.dimension = 'month' AND c.participants > 0`;

/** Graduates in scope: in total, by country and sector, and by edition (each edition's total). */
export const counterGraduatesBySql = (limited: boolean) =>
  `SELECT 'total' AS dimension, 'total' AS key, c.graduates FROM target_count c WHERE c.edition_id = $1 AND c.dimension = 'total' AND c.key = ''
   UNION ALL
   SELECT c.dimension, c.key, c.graduates FROM target_count c WHERE c.edition_id = $1 AND c.dimension IN ('country', 'sector') AND c.graduates > 0
   UNION ALL
   SELECT 'edition', c.edition_id::text, c.graduates FROM target_count c
    WHERE c.dimension = 'total' AND c.key = '' AND c.graduates > 0 AND ${limited ? 'c.edition_id = $1' : `c.edition_id <> '${WHOLE_PROGRAMME}'`}`;

export const COUNTER_MONTHLY_GRADUATES_SQL = `SELECT c.key AS month, c.graduates
  FROM target_count c WHERE c.edition_id = $1 AND c.dimension = 'month' AND c.graduates > 0`;

export const COUNTER_PARTNER_GRADUATES_SQL = `SELECT c.key, c.graduates
  FROM target_count c WHERE c.edition_id = $1 AND c.dimension = 'partner' AND c.graduates > 0`;

/** The first 500 mismatched participants in scope: one index range of target_mismatch. */
export const COUNTER_MISMATCHES_SQL = `SELECT m.learner_id AS "learnerId", m.given_name || ' ' || m.family_name AS name, m.declared_sector AS "declaredSector",
       o.short_name AS employer, o.kind AS "employerKind", m.counted_sector AS "countedSector"
  FROM target_mismatch m JOIN organisation o ON o.id = m.employer_id
 WHERE m.edition_id = $1 ORDER BY m.family_name, m.given_name, m.learner_id LIMIT 500`;
