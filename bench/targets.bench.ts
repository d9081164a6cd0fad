/**
 * Dashboards over a large programme: 200,000 learners, 1,000,000 enrolments, 300,000 credentials.
 * Reports p50/p95 of programmeTargets and of pathwayProgress on a real (embedded) PostgreSQL.
 * Run: npm run bench:targets  (BENCH_SCALE=0.1 for a tenth of the size)
 */
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessService } from '@magix/auth';
import { ensureDatabase, startEmbeddedPostgres, typeOrmOptions } from '@magix/database';
import { PathwayProgressService, PathwayRulesService } from '@magix/pathways';
import { TargetsService } from '@magix/targets';
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
  await q(`INSERT INTO learner (given_name, family_name, email, country_code, sector)
           SELECT 'L', 'N' || i, 'l' || i || '@bench.example', (ARRAY['ES','IT','DE','EE','FR','PT','PL','LV'])[1 + i % 8],
                  (ARRAY['PUBLIC','PUBLIC','PRIVATE','ACADEMIC','NONPROFIT','OTHER'])[1 + (i * 7) % 6] FROM generate_series(1, ${LEARNERS}) i`);
  // Participation counters are kept by a trigger; for a million rows at once, rebuild them set-wise.
  await q('ALTER TABLE enrolment DISABLE TRIGGER enrolment_participation');
  await q(`CREATE TEMP TABLE l AS SELECT row_number() OVER () AS n, id FROM learner`);
  await q(`CREATE TEMP TABLE o AS SELECT row_number() OVER () AS n, id, starts_on FROM offering`);
  await q(`INSERT INTO enrolment (learner_id, offering_id, status, enrolled_at)
           SELECT DISTINCT ON (l.id, o.id) l.id, o.id, 'ENROLLED', o.starts_on - 10
             FROM generate_series(1, ${ENROLMENTS}) i
             JOIN l ON l.n = 1 + (i % ${LEARNERS})
             JOIN o ON o.n = 1 + abs(hashtext(i::text)) % 400`);
  await q('SELECT rebuild_participation()');
  await q('ALTER TABLE enrolment ENABLE TRIGGER enrolment_participation');
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
  await q('ANALYZE');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(runs: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
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

    const targets = new TargetsService(db);
    const progress = new PathwayProgressService(db, new PathwayRulesService(db), new AccessService(db));
    const learners = (await db.query(`SELECT learner_id AS id FROM credential ORDER BY random() LIMIT ${RUNS + 3}`)).map(
      (r: { id: string }) => r.id,
    );
    const [[edition]] = [await db.query(`SELECT id FROM edition ORDER BY starts_on LIMIT 1`)];
    start = Date.now();
    const overall = await time(RUNS, () => targets.programmeTargets(null));
    const perEdition = await time(RUNS, () => targets.programmeTargets(edition.id));
    const pathway = await time(RUNS, (i) => progress.evaluate(db.manager, learners[i]));
    console.log(`\n| measure (${RUNS} runs) | p50 ms | p95 ms | target |`);
    console.log('|---|---|---|---|');
    for (const [name, samples] of [
      ['programmeTargets()', overall],
      ['programmeTargets(edition)', perEdition],
      ['pathwayProgress(learner)', pathway],
    ] as const) {
      const p95 = percentile(samples, 95);
      console.log(
        `| ${name} | ${percentile(samples, 50).toFixed(1)} | ${p95.toFixed(1)} | p95 < 100 ms: ${p95 < 100 ? 'met' : 'NOT met'} |`,
      );
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
