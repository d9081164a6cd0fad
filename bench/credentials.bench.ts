/**
 * Issuing and verifying throughput: MAGIX's credential engine against the bare
 * @digitalbazaar/vc library, in the same run, on the same credential. Run: npm run bench
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  BulkSigner,
  buildModuleCredential,
  buildStatusListCredential,
  documentLoader,
  generateIssuerKey,
  IssuerKeyMaterial,
  signCredential,
  STATUS_LIST_SIZE,
  statusEntry,
  verifyCredential,
  VerificationContext,
} from '../libs/credentials/src';
import { aModuleCredential } from '../libs/credentials/src/testing/credential-factories';

const N = Number(process.env.BENCH_N ?? 400);
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

async function main(): Promise<void> {
  const key = await generateIssuerKey();
  const unsigned = Array.from({ length: N }, (_, i) => buildModuleCredential(facts(key, i)));
  const rows: Row[] = [];

  // Bare library: key imported once, suite built once, vc.issue per credential.
  const keyPair = await Ed25519Multikey.from({
    id: key.verificationMethod,
    controller: key.did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  const bareSuite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 });
  const bareIssue = await timed(N, (i) => vc.issue({ credential: structuredClone(unsigned[i]), suite: bareSuite, documentLoader }));
  rows.push(row('issue: bare @digitalbazaar/vc', bareIssue, N));

  // MAGIX: build the Open Badges credential from facts, then sign (cached key, node:crypto Ed25519).
  const signed: Record<string, unknown>[] = [];
  const platformIssue = await timed(N, async (i) => (signed[i] = await signCredential(buildModuleCredential(facts(key, i)), key)));
  rows.push(
    row('issue: MAGIX engine (build + sign)', platformIssue, N, `${(platformIssue / bareIssue).toFixed(2)}× bare (target ≤ 1.20×)`),
  );

  // Verification: bare checks the proof only; MAGIX also checks data model, trust, status lists, dates.
  const bareVerify = await timed(N, (i) =>
    vc.verifyCredential({
      credential: signed[i],
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader,
      checkStatus: () => Promise.resolve({ verified: true }),
    }),
  );
  rows.push(row('verify: bare @digitalbazaar/vc (proof only)', bareVerify, N));
  const empty = new Uint8Array(STATUS_LIST_SIZE / 8);
  const lists = new Map<string, unknown>();
  lists.set(
    LIST_URL,
    await signCredential(
      buildStatusListCredential({ url: LIST_URL, issuerDid: key.did, purpose: 'revocation', bits: empty, validFrom: new Date() }),
      key,
    ),
  );
  lists.set(
    `${LIST_URL}s`,
    await signCredential(
      buildStatusListCredential({ url: `${LIST_URL}s`, issuerDid: key.did, purpose: 'suspension', bits: empty, validFrom: new Date() }),
      key,
    ),
  );
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
  };
  let failures = 0;
  const platformVerify = await timed(N, async (i) => {
    if (!(await verifyCredential(signed[i], context)).verified) failures++;
  });
  if (failures > 0) throw new Error(`${failures} credentials did not verify`);
  rows.push(row('verify: MAGIX engine (all five checks)', platformVerify, N, `${(platformVerify / bareVerify).toFixed(2)}× bare`));

  // Bulk: a cohort on one worker thread, then on every core.
  const cohort = Array.from({ length: N }, (_, i) => buildModuleCredential(facts(key, i)));
  const single = new BulkSigner(1);
  const all = new BulkSigner(availableParallelism());
  if (single.threads === 0) throw new Error('Build first: the worker is compiled JavaScript (npm run bench does this)');
  await single.signMany(cohort.slice(0, 20), key);
  await all.signMany(cohort.slice(0, 20 * all.threads), key);
  let start = Date.now();
  await single.signMany(cohort, key);
  const singleMs = Date.now() - start;
  start = Date.now();
  const bulk = await all.signMany(cohort, key);
  const allMs = Date.now() - start;
  const threads = all.threads;
  await Promise.all([single.close(), all.close()]);
  const spotChecks = await Promise.all([0, Math.floor(N / 2), N - 1].map((i) => verifyCredential(bulk[i], context)));
  if (!spotChecks.every((r) => r.verified)) throw new Error('A bulk-signed credential did not verify');
  rows.push(row('bulk issue: 1 worker thread', singleMs, N));
  rows.push(row(`bulk issue: ${threads} worker threads`, allMs, N, `${(singleMs / allMs).toFixed(2)}× one thread (target ≥ 1.60×)`));

  // The machine's own ceiling: the same signing in independent processes, one and then one per core.
  const loop = (count: number) =>
    promisify(execFile)(process.execPath, [join(__dirname, 'sign-loop.js'), String(count)]).then((r) => Number(r.stdout));
  const oneProcess = await loop(N / 2);
  const perCore = await Promise.all(Array.from({ length: threads }, () => loop(N / 2)));
  const ceiling = (oneProcess * threads) / Math.max(...perCore);
  rows.push(
    row(
      `ceiling: ${threads} independent processes`,
      Math.max(...perCore),
      (N / 2) * threads,
      `${ceiling.toFixed(2)}× one process (what the hardware allows)`,
    ),
  );

  console.log(`\nMAGIX credential benchmark — ${N} credentials each, Node ${process.version}, ${availableParallelism()} cores\n`);
  console.log(`| ${'measure'.padEnd(44)} | ${'per second'.padStart(10)} | ${'ms each'.padStart(8)} | note`);
  console.log(`|${'-'.repeat(46)}|${'-'.repeat(12)}|${'-'.repeat(10)}|${'-'.repeat(34)}`);
  for (const r of rows)
    console.log(`| ${r.measure.padEnd(44)} | ${r.perSecond.toFixed(1).padStart(10)} | ${r.msPerOp.toFixed(2).padStart(8)} | ${r.note}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
