/**
 * Issuing and verifying throughput: MAGIX's credential engine against the bare @digitalbazaar/vc
 * library, in the same run, on the same credentials; then a real server: a cohort through the CSV
 * import and POST /credentials/verify under concurrent clients, then a cohort through one server
 * process against two on one database (bench/two-processes.ts). Every credential produced is
 * verified by the bare library; one that does not verify fails the bench (exit 1).
 * Run: npm run bench [-- --json]   (knobs: bench/cli.ts)
 */
import { execFile } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  BulkSigner,
  buildModuleCredential,
  buildStatusListCredential,
  generateIssuerKey,
  IssuerKeyMaterial,
  signCredential,
  STATUS_LIST_SIZE,
  statusEntry,
  verifyCredential,
  VerificationContext,
} from '../libs/credentials/src';
import { aModuleCredential } from '../libs/credentials/src/testing/credential-factories';
import { assertBareVerifies, bareIssuer, bareVerify, Credential } from './bare';
import { BenchOptions, benchOptions, BenchSummary, round, scaleOutRows, summaryLine } from './cli';
import { cohortBench, CohortResult } from './cohort';
import { HEALTH_P99_TARGET_MS, saturate, Saturation } from './http-verify';
import { startServer } from './server';
import { twoProcessesBench, TwoProcessesResult } from './two-processes';

const LIST_URL = 'https://magix.example/status-lists/1';

interface Row {
  measure: string;
  perSecond: number;
  msPerOp: number;
  note: string;
}

async function timed(count: number, run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, count); i++) await run(i); // warm-up: JIT, context and key caches
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await run(i);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const row = (measure: string, ms: number, count: number, note = ''): Row => ({
  measure,
  perSecond: (count / ms) * 1000,
  msPerOp: ms / count,
  note,
});

function facts(key: IssuerKeyMaterial, i: number) {
  return aModuleCredential({
    credentialId: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    issuedAt: new Date(),
    issuer: { did: key.did, name: 'Universidad Politécnica de Madrid', countryCode: 'ES' },
    credentialStatus: [statusEntry(LIST_URL, 'revocation', i), statusEntry(`${LIST_URL}s`, 'suspension', i)],
  });
}

interface InProcess {
  rows: Row[];
  issue: { bare: number; magix: number };
  verify: { bare: number; magix: number };
}

async function inProcess(N: number): Promise<InProcess> {
  const key = await generateIssuerKey();
  const unsigned = Array.from({ length: N }, (_, i) => buildModuleCredential(facts(key, i)));
  const rows: Row[] = [];

  // Bare library: key imported once, suite built once, vc.issue per credential.
  const issue = await bareIssuer(key);
  const bareSigned: Credential[] = [];
  const bareIssue = await timed(N, async (i) => (bareSigned[i] = await issue(unsigned[i])));
  rows.push(row('issue: bare @digitalbazaar/vc', bareIssue, N));

  // MAGIX: build the Open Badges credential from facts, then sign (cached key, node:crypto Ed25519).
  const signed: Record<string, unknown>[] = [];
  const platformIssue = await timed(N, async (i) => (signed[i] = await signCredential(buildModuleCredential(facts(key, i)), key)));
  rows.push(row('issue: MAGIX engine (build + sign)', platformIssue, N, `${(bareIssue / platformIssue).toFixed(2)}× bare (target ≥ 10×)`));

  // Verification: bare checks the proof only; MAGIX also checks data model, trust, status lists, dates.
  // The bare run is also the check that every credential MAGIX issued is valid.
  let invalid = 0;
  const bareVerifyMs = await timed(N, async (i) => {
    if (!(await bareVerify(signed[i]))) invalid++;
  });
  if (invalid > 0) throw new Error(`${invalid} credentials MAGIX issued did not verify with the bare library`);
  rows.push(row('verify: bare @digitalbazaar/vc (proof only)', bareVerifyMs, N));
  await assertBareVerifies(bareSigned, 'credentials the bare library issued');
  const empty = new Uint8Array(STATUS_LIST_SIZE / 8);
  const lists = new Map<string, unknown>();
  for (const [url, purpose] of [
    [LIST_URL, 'revocation'],
    [`${LIST_URL}s`, 'suspension'],
  ] as const)
    lists.set(
      url,
      await signCredential(buildStatusListCredential({ url, issuerDid: key.did, purpose, bits: empty, validFrom: new Date() }), key),
    );
  await assertBareVerifies([...lists.values()], 'status list credentials');
  const record = {
    did: key.did,
    organisationId: 'upm',
    name: 'UPM',
    countryCode: 'ES',
    validFrom: new Date(0),
    retiredAt: null,
    compromisedFrom: null,
  };
  const context: VerificationContext = {
    issuers: { lookup: () => Promise.resolve(record) },
    statusLists: { resolve: (url) => Promise.resolve(lists.get(url) ?? null) },
    now: new Date(),
  };
  let failures = 0;
  const platformVerify = await timed(N, async (i) => {
    if (!(await verifyCredential(signed[i], context)).verified) failures++;
  });
  if (failures > 0) throw new Error(`${failures} credentials did not verify`);
  rows.push(
    row('verify: MAGIX engine (all five checks)', platformVerify, N, `${(bareVerifyMs / platformVerify).toFixed(2)}× bare (target ≥ 10×)`),
  );

  // Bulk: a cohort on one worker thread, then on every core.
  const cohort = Array.from({ length: N }, (_, i) => buildModuleCredential(facts(key, i)));
  // The factories' credentials name a deployment at localhost:3000; each thread must resolve its context too.
  const threadOptions = { publicUrls: ['http://localhost:3000'] };
  const single = new BulkSigner(1, threadOptions);
  const all = new BulkSigner(availableParallelism(), threadOptions);
  if (single.threads === 0) throw new Error('Build first: the worker is compiled JavaScript (npm run bench does this)');
  await single.signMany(cohort.slice(0, 20), key);
  await all.signMany(cohort.slice(0, 20 * all.threads), key);
  let start = Date.now();
  const bulkSingle = await single.signMany(cohort, key);
  const singleMs = Date.now() - start;
  start = Date.now();
  const bulk = await all.signMany(cohort, key);
  const allMs = Date.now() - start;
  const threads = all.threads;
  await Promise.all([single.close(), all.close()]);
  await assertBareVerifies([...bulkSingle, ...bulk], 'bulk-signed credentials');
  rows.push(row('bulk issue: 1 worker thread', singleMs, N));
  rows.push(row(`bulk issue: ${threads} worker threads`, allMs, N, `${(singleMs / allMs).toFixed(2)}× one thread (target ≥ 1.60×)`));

  // The machine's own ceiling: the same signing in independent processes, one and then one per core.
  // Each process checks its own output with the bare library and fails otherwise.
  const loop = (count: number) =>
    promisify(execFile)(process.execPath, [join(__dirname, 'sign-loop.js'), String(count)]).then((r) => Number(r.stdout));
  const half = Math.max(1, Math.floor(N / 2));
  const oneProcess = await loop(half);
  const perCore = await Promise.all(Array.from({ length: threads }, () => loop(half)));
  const ceiling = (oneProcess * threads) / Math.max(...perCore);
  rows.push(
    row(
      `ceiling: ${threads} independent processes`,
      Math.max(...perCore),
      half * threads,
      `${ceiling.toFixed(2)}× one process (what the hardware allows)`,
    ),
  );
  const perSecond = (ms: number) => round((N / ms) * 1000);
  return {
    rows,
    issue: { bare: perSecond(bareIssue), magix: perSecond(platformIssue) },
    verify: { bare: perSecond(bareVerifyMs), magix: perSecond(platformVerify) },
  };
}

/** One server for all three: the HTTP measure first, on a quiet server; then the cohort; then a second process beside it. */
async function onServer(
  options: BenchOptions,
  scaleOut: number,
): Promise<{ http: Saturation | null; cohort: CohortResult | null; processes: TwoProcessesResult | null }> {
  if (options.httpSeconds === 0 && options.cohort === 0 && scaleOut === 0) return { http: null, cohort: null, processes: null };
  const server = await startServer();
  try {
    const http = options.httpSeconds > 0 ? await saturate(server, options.httpClients, options.httpSeconds) : null;
    const cohort = options.cohort > 0 ? await cohortBench(server, options.cohort, options.cohortVerify) : null;
    const processes = scaleOut > 0 ? await twoProcessesBench(server, scaleOut) : null;
    return { http, cohort, processes };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2));
  const load = loadavg()[0];
  const began = Date.now();
  const local = await inProcess(options.n);
  const { http, cohort, processes } = await onServer(options, scaleOutRows());
  const rows = [...local.rows];
  if (cohort) {
    const ratio = cohort.bareSignSeconds / cohort.seconds;
    rows.push(
      row(
        `cohort: ${cohort.rows} CSV rows → stored (import job)`,
        cohort.seconds * 1000,
        cohort.rows,
        `${ratio.toFixed(2)}× bare signing (target ≥ 1×); server RSS ≤ ${cohort.peakRssMb.toFixed(0)} MB`,
      ),
      row(`cohort: bare library only signing ${cohort.rows}`, cohort.bareSignSeconds * 1000, cohort.rows, 'one thread'),
    );
  }
  if (processes) {
    const ratio = processes.twoProcesses / processes.oneProcess;
    rows.push(
      row(`cohort: ${processes.rows} rows, 1 process (1 file)`, (processes.rows / processes.oneProcess) * 1000, processes.rows, 'stored'),
      row(
        `cohort: ${processes.rows} rows, 2 processes, 1 DB`,
        (processes.rows / processes.twoProcesses) * 1000,
        processes.rows,
        `${ratio.toFixed(2)}× one process (half a file to each)`,
      ),
    );
  }
  if (http) {
    const ratio = http.perSecond / local.verify.bare;
    rows.push({
      measure: `HTTP verify: ${options.httpClients} clients, ${options.httpSeconds} s`,
      perSecond: http.perSecond,
      msPerOp: http.verifyP50ms,
      note:
        `p50 (ms each) · p99 ${http.verifyP99ms.toFixed(0)} ms · ${ratio.toFixed(2)}× bare in-process (target ≥ 3×) · ` +
        `/health p50 ${http.healthP50ms.toFixed(1)} ms, p99 ${http.healthP99ms.toFixed(1)} ms ` +
        `(target < ${HEALTH_P99_TARGET_MS} ms: ${http.healthP99ms < HEALTH_P99_TARGET_MS ? 'met' : 'missed'})`,
    });
  }

  const seconds = (Date.now() - began) / 1000;
  console.log(
    `\nMAGIX credential benchmark — ${options.n} credentials each, Node ${process.version}, ${availableParallelism()} cores, ` +
      `load ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end, ${seconds.toFixed(0)} s\n`,
  );
  console.log(`| ${'measure'.padEnd(44)} | ${'per second'.padStart(10)} | ${'ms each'.padStart(8)} | note`);
  console.log(`|${'-'.repeat(46)}|${'-'.repeat(12)}|${'-'.repeat(10)}|${'-'.repeat(34)}`);
  for (const r of rows)
    console.log(`| ${r.measure.padEnd(44)} | ${r.perSecond.toFixed(1).padStart(10)} | ${r.msPerOp.toFixed(2).padStart(8)} | ${r.note}`);
  if (!options.json) return;
  if (!cohort || !http) throw new Error('--json needs every part'); // benchOptions refuses a size of 0 with --json
  const summary: BenchSummary = {
    issue: local.issue,
    verify: local.verify,
    cohort: {
      rows: cohort.rows,
      seconds: round(cohort.seconds, 2),
      bareSignSeconds: round(cohort.bareSignSeconds, 2),
      peakRssMb: round(cohort.peakRssMb, 0),
      verifiedStored: cohort.verifiedStored,
    },
    httpVerify: {
      perSecond: round(http.perSecond),
      p99ms: round(http.verifyP99ms),
      clients: options.httpClients,
      seconds: options.httpSeconds,
      healthP99ms: round(http.healthP99ms),
      clientCpuMs: round(http.clientCpuMsPerVerification, 2),
    },
    ...(processes && {
      scaleOut: {
        rows: processes.rows,
        oneProcess: round(processes.oneProcess),
        twoProcesses: round(processes.twoProcesses),
        ratio: round(processes.twoProcesses / processes.oneProcess, 2),
        verifiedStored: processes.verifiedStored,
      },
    }),
  };
  console.log(summaryLine(summary));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
