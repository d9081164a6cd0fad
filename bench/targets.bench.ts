/**
 * Dashboards over a large programme: 200,000 learners, 1,000,000 enrolments, 300,000 credentials,
 * 4,000 degree students and 1,000 degrees. Reports p50/p95 of programmeTargets (read from the
 * counters; once from the views, the definitions at query time, for comparison), of
 * pathwayProgress, and of an enrolment's insert with the counters' trigger, on a real (embedded)
 * PostgreSQL, and checks each p95 against 100 ms.
 * Run: npm run bench:targets  (BENCH_SCALE=0.1 for a tenth of the size)
 */
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessService } from '@magix/auth';
import { Clock, DomainEvents } from '@magix/common';
import { ensureDatabase, startEmbeddedPostgres, typeOrmOptions } from '@magix/database';
import { PathwayProgressService, PathwayRulesService } from '@magix/pathways';
import { TargetsService } from '@magix/targets';
import * as counters from '../libs/targets/src/targets.counters';
import { WHOLE_PROGRAMME } from '../libs/targets/src/targets.counters';
import { Programme, ProgrammeTarget, Edition } from '@magix/programme';
import { PathwayRulesVersion } from '@magix/pathways';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const LEARNERS = Math.round(200_000 * SCALE);
const ENROLMENTS = Math.round(1_000_000 * SCALE);
const CREDENTIALS = Math.round(300_000 * SCALE);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

async function generate(db: DataSource): Promise<void> {
  const q = (sql: string) => db.query(sql);
  await q(`INSERT INTO organisation (id, name, short_name, country_code, kind, consortium_member)
           SELECT gen_random_uuid(), 'University ' || i, 'HEI' || i, (ARRAY['ES','IT','DE','EE','FR','PT','PL','LV'])[1 + i % 8], 'HEI', true FROM generate_series(1, 20) i`);
  await q(`INSERT INTO programme (id, code, title, description, total_ects, starts_on, ends_on, coordinator_id)
           SELECT gen_random_uuid(), 'MAGIX', 'Joint Master', 'bench', 60, '2025-09-01', '2029-08-31', (SELECT id FROM organisation ORDER BY short_name LIMIT 1)`);
  await q(`INSERT INTO edition (programme_id, code, starts_on, ends_on)
           SELECT p.id, y || '-' || (y + 1), make_date(y, 9, 1), make_date(y + 1, 8, 31) FROM programme p, generate_series(2025, 2028) y`);
  await q(`INSERT INTO programme_target (programme_id, metric, target_value)
           SELECT p.id, m, v FROM programme p, (VALUES ('GRADUATES', 800), ('MODULE_PARTICIPANTS', 2200), ('PUBLIC_SECTOR_SHARE', 40)) t(m, v)`);
  await q(`INSERT INTO module (code, provider_id, title, description, learning_outcomes, ects_credits, eqf_level, workload_hours, language, assessment_type, participation_form, quality_assurance)
           SELECT 'M' || lpad(i::text, 3, '0'), (SELECT id FROM organisation ORDER BY short_name OFFSET (i % 20) LIMIT 1), 'Module ' || i, 'bench module',
                  ARRAY['outcome'], 6, 7, 150, 'en', 'Project', 'ONLINE', 'QA' FROM generate_series(1, 100) i`);
  await q(`INSERT INTO offering (code, module_id, edition_id, starts_on, ends_on, capacity)
           SELECT m.code || '-' || e.code, m.id, e.id, e.starts_on + 14, e.starts_on + 120, 100000 FROM module m CROSS JOIN edition e`);
  await q(`INSERT INTO organisation (id, name, short_name, country_code, kind)
           SELECT gen_random_uuid(), 'Employer ' || i, 'EMP' || i, 'ES', (ARRAY['PUBLIC_ADMINISTRATION','INDUSTRY','OTHER'])[1 + i % 3]
             FROM generate_series(1, 30) i`);
  // One learner in ten names an employer; some declarations then contradict its kind.
  await q(`INSERT INTO learner (given_name, family_name, email, country_code, sector, employer_id)
           SELECT 'L', 'N' || i, 'l' || i || '@bench.example', (ARRAY['ES','IT','DE','EE','FR','PT','PL','LV'])[1 + i % 8],
                  (ARRAY['PUBLIC','PUBLIC','PRIVATE','ACADEMIC','NONPROFIT','OTHER'])[1 + (i * 7) % 6],
                  CASE WHEN i % 10 = 0 THEN (SELECT id FROM organisation WHERE short_name = 'EMP' || (1 + i % 30)) END
             FROM generate_series(1, ${LEARNERS}) i`);
  // The counters are kept by triggers row by row; for a million rows at once, load with the
  // triggers off and rebuild the counters set-wise (target_recount, below).
  await q('ALTER TABLE enrolment DISABLE TRIGGER enrolment_targets');
  await q('ALTER TABLE enrolment DISABLE TRIGGER enrolment_targets_update');
  await q(`CREATE TEMP TABLE l AS SELECT row_number() OVER () AS n, id FROM learner`);
  await q(`CREATE TEMP TABLE o AS SELECT row_number() OVER () AS n, id, starts_on FROM offering`);
  await q(`INSERT INTO enrolment (learner_id, offering_id, status, enrolled_at)
           SELECT DISTINCT ON (l.id, o.id) l.id, o.id, 'ENROLLED', o.starts_on - 10
             FROM generate_series(1, ${ENROLMENTS}) i
             JOIN l ON l.n = 1 + (i % ${LEARNERS})
             JOIN o ON o.n = 1 + abs(hashtext(i::text)) % 400`);
  await q('ALTER TABLE enrolment ENABLE TRIGGER enrolment_targets');
  await q('ALTER TABLE enrolment ENABLE TRIGGER enrolment_targets_update');
  const [{ id: assessor }] = await db.query(
    `INSERT INTO app_user (email, password_hash, role) VALUES ('office@bench.example', 'x', 'ADMIN') RETURNING id`,
  );
  await q(`INSERT INTO assessment_result (enrolment_id, grade, passed, credits_awarded, assessed_on, assessor_id)
           SELECT e.id, '8', true, 6, f.starts_on + 90, '${assessor}' FROM enrolment e JOIN offering f ON f.id = e.offering_id ORDER BY e.id LIMIT ${CREDENTIALS}`);
  await q(`INSERT INTO credential (id, kind, result_id, learner_id, issuer_organisation_id, issuer_did, document, issued_at)
           SELECT gen_random_uuid(), 'MODULE', r.id, e.learner_id, m.provider_id, 'did:key:bench', '{"id":"urn:uuid:bench"}', r.assessed_on
             FROM assessment_result r JOIN enrolment e ON e.id = r.enrolment_id JOIN offering f ON f.id = e.offering_id JOIN module m ON m.id = f.module_id`);
  const rules = {
    totalEcts: 60,
    mandatoryModules: ['M001'],
    electiveGroups: [{ name: 'A', moduleCodes: ['M002', 'M003', 'M004'], minEcts: 6 }],
    minPartnerHeis: 3,
    maxRecognitionEcts: 12,
    timeLimitMonths: 48,
    minEqfLevel: 7,
  };
  await db.query(`INSERT INTO pathway_rules (edition_id, version, rules) SELECT id, 1, $1 FROM edition`, [JSON.stringify(rules)]);
  // Degree students (2 %, accepted into the first edition's intake) and graduates (1 in 4 of them).
  for (const table of ['application', 'credential', 'degree_award', 'degree_award_source'])
    await q(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_targets`);
  await q(`INSERT INTO application (learner_id, programme_id, edition_id, motivation, status)
           SELECT l.id, p.id, (SELECT id FROM edition ORDER BY starts_on LIMIT 1), 'bench', 'ACCEPTED'
             FROM l, programme p WHERE l.n % 50 = 0`);
  await q(`CREATE TEMP TABLE g AS SELECT l.id AS learner_id, gen_random_uuid() AS credential_id FROM l WHERE l.n % 200 = 0`);
  await q(`INSERT INTO credential (id, kind, learner_id, issuer_organisation_id, issuer_did, document, issued_at)
           SELECT g.credential_id, 'DEGREE', g.learner_id, (SELECT id FROM organisation ORDER BY short_name LIMIT 1), 'did:key:bench', '{}', '2027-07-01' FROM g`);
  await q(`INSERT INTO degree_award (learner_id, programme_id, pathway_rules_id, credential_id, awarded_at)
           SELECT g.learner_id, p.id, (SELECT id FROM pathway_rules ORDER BY random() LIMIT 1), g.credential_id, '2027-07-01' FROM g, programme p`);
  await q(`INSERT INTO degree_award_source (degree_award_id, credential_id)
           SELECT d.id, c.id FROM degree_award d JOIN credential c ON c.learner_id = d.learner_id AND c.kind = 'MODULE'`);
  for (const table of ['application', 'credential', 'degree_award', 'degree_award_source'])
    await q(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_targets`);
  await q('ANALYZE');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(runs: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run(runs + i); // warm-up on inputs the timed runs do not reuse
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

/** BENCH_EXPLAIN=1: the plan and timing of each counter query, to find the slow one. */
async function explainCounters(db: DataSource): Promise<void> {
  const [{ id: scope }] = await db.query(`SELECT id FROM edition ORDER BY starts_on LIMIT 1`);
  for (const [name, sql] of Object.entries(counters)) {
    const text = typeof sql === 'function' ? sql(false) : sql;
    if (!text.includes('SELECT')) continue;
    for (const param of [WHOLE_PROGRAMME, scope]) {
      const plan = await db.query(`EXPLAIN (ANALYZE, SUMMARY) ${text}`, text.includes('$1') ? [param] : []);
      console.log(
        `-- ${name} (${param === WHOLE_PROGRAMME ? 'overall' : 'edition'})\n${plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`,
      );
    }
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'magix-bench-pg-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port: 54600 + Math.floor(Math.random() * 300), ephemeral: true });
  const db = new DataSource({
    ...typeOrmOptions(pg.urlFor('bench')),
    entities: [Programme, ProgrammeTarget, Edition, PathwayRulesVersion],
    logging: false,
  });
  try {
    await ensureDatabase(pg.adminUrl, 'bench');
    await db.initialize();
    let start = Date.now();
    await generate(db);
    const [counts] = await db.query(
      `SELECT (SELECT count(*) FROM learner)::int AS learners, (SELECT count(*) FROM enrolment)::int AS enrolments, (SELECT count(*) FROM credential)::int AS credentials`,
    );
    console.log(
      `Generated ${counts.learners} learners, ${counts.enrolments} enrolments, ${counts.credentials} credentials in ${((Date.now() - start) / 1000).toFixed(0)} s`,
    );

    start = Date.now();
    await db.query('SELECT target_recount()');
    const recountSeconds = (Date.now() - start) / 1000;
    const [sizes] = await db.query(
      `SELECT (SELECT count(*) FROM target_count)::int AS counts, (SELECT count(*) FROM target_contribution)::int AS contributions`,
    );
    console.log(
      `target_recount() in ${recountSeconds.toFixed(1)} s: ${sizes.counts} counter rows, ${sizes.contributions} per-learner rows`,
    );
    await db.query('ANALYZE');

    if (process.env.BENCH_EXPLAIN) await explainCounters(db);
    const targets = new TargetsService(db, new Clock());
    const progress = new PathwayProgressService(db, new PathwayRulesService(db, new DomainEvents()), new AccessService(db), new Clock());
    const learners = (await db.query(`SELECT learner_id AS id FROM credential ORDER BY random() LIMIT ${RUNS + 3}`)).map(
      (r: { id: string }) => r.id,
    );
    const [[edition]] = [await db.query(`SELECT id FROM edition ORDER BY starts_on LIMIT 1`)];
    start = Date.now();
    const overall = await time(RUNS, () => targets.programmeTargets(null));
    const perEdition = await time(RUNS, () => targets.programmeTargets(edition.id));
    const pathway = await time(RUNS, (i) => progress.evaluate(db.manager, learners[i]));
    // A write through the counters' trigger: a learner enrols in an offering they are not in yet.
    const offerings = (await db.query(`SELECT id FROM offering ORDER BY random() LIMIT ${RUNS + 3}`)).map((r: { id: string }) => r.id);
    const enrol = await time(RUNS, (i) =>
      db.query(`INSERT INTO enrolment (learner_id, offering_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [learners[i], offerings[i]]),
    );
    // The definitions at query time, as before the counters: a few runs, for comparison only.
    const views = await time(3, () => targets.programmeTargetsFromViews(null));
    const same = (a: object, b: object) => JSON.stringify({ ...a, asOf: null }) === JSON.stringify({ ...b, asOf: null });
    const agree =
      same(await targets.programmeTargets(null), await targets.programmeTargetsFromViews(null)) &&
      same(await targets.programmeTargets(edition.id), await targets.programmeTargetsFromViews(edition.id));
    console.log(`Counters and views give the same figures: ${agree ? 'yes' : 'NO'}`);
    if (!agree) process.exitCode = 1;

    console.log(`\n| measure (${RUNS} runs) | p50 ms | p95 ms | target |`);
    console.log('|---|---|---|---|');
    for (const [name, samples, target] of [
      ['programmeTargets()', overall, true],
      ['programmeTargets(edition)', perEdition, true],
      ['pathwayProgress(learner)', pathway, true],
      ['enrolment insert (counters’ trigger)', enrol, true],
      ['programmeTargets() from the views (3 runs)', views, false],
    ] as const) {
      const p95 = percentile(samples, 95);
      if (target && p95 >= 100) process.exitCode = 1;
      const verdict = target ? `p95 < 100 ms: ${p95 < 100 ? 'met' : 'NOT met'}` : 'for comparison';
      console.log(`| ${name} | ${percentile(samples, 50).toFixed(1)} | ${p95.toFixed(1)} | ${verdict} |`);
    }
  } finally {
    if (db.isInitialized) await db.destroy();
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
