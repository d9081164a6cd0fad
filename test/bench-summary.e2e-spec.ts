import { buildModuleCredential, generateIssuerKey, signCredential } from '@magix/credentials';
import { aModuleCredential } from '../libs/credentials/src/testing/credential-factories';
import { assertBareVerifies, bareIssuer } from '../bench/bare';
import { benchOptions, checkSummary, parseSummary, summaryLine } from '../bench/cli';

// The bench's own arguments and its machine-readable line: no bench is run here, and no timing.
describe('npm run bench -- --json', () => {
  const summary = {
    issue: { bare: 140.2, magix: 150.9 },
    verify: { bare: 130, magix: 128.5 },
    cohort: { rows: 3000, seconds: 61.2, bareSignSeconds: 21.4, peakRssMb: 410 },
    httpVerify: { perSecond: 70.1, p99ms: 812.4, clients: 20 },
  };

  it('prints one JSON line that a consumer reads back from the end of stdout, every key a number', () => {
    const line = summaryLine(summary);
    expect(line).not.toContain('\n');
    expect(parseSummary(`| a table |\n| row |\n${line}\n`)).toEqual(summary);
  });

  it('refuses a summary with a key missing or not a finite number, naming each', () => {
    const { bareSignSeconds: _dropped, ...cohort } = summary.cohort;
    expect(() => checkSummary({ ...summary, cohort, httpVerify: { perSecond: Number.NaN, p99ms: '3' } })).toThrow(
      'cohort.bareSignSeconds, httpVerify.perSecond, httpVerify.p99ms',
    );
    expect(() => parseSummary('| only a table |')).toThrow();
  });

  it('defaults to the issue’s sizes and reads the knobs', () => {
    expect(benchOptions([], {})).toEqual({ json: false, n: 400, cohort: 3000, cohortVerify: 3000, httpSeconds: 10, httpClients: 8 });
    expect(benchOptions(['--json'], { BENCH_N: '50', BENCH_COHORT: '200', BENCH_COHORT_VERIFY: '500', BENCH_SECONDS: '3' })).toEqual({
      json: true,
      n: 50,
      cohort: 200,
      cohortVerify: 200,
      httpSeconds: 3,
      httpClients: 8,
    });
    expect(benchOptions([], { BENCH_COHORT: '0', BENCH_COHORT_VERIFY: 'all' })).toMatchObject({ cohort: 0, cohortVerify: 0 });
  });

  it('refuses an unknown argument, a size that is not a whole number, and --json with a part switched off', () => {
    expect(() => benchOptions(['--jsn'], {})).toThrow('Unknown argument(s): --jsn');
    expect(() => benchOptions([], { BENCH_N: '1e2x' })).toThrow('BENCH_N must be a whole number');
    expect(() => benchOptions([], { BENCH_N: '0' })).toThrow('BENCH_N must be a whole number ≥ 1');
    expect(() => benchOptions(['--json'], { BENCH_COHORT: '0' })).toThrow('--json reports every part');
  });

  it('fails on a credential the bare library rejects, and passes what MAGIX and the bare library sign', async () => {
    const key = await generateIssuerKey();
    const unsigned = buildModuleCredential(aModuleCredential({ issuer: { did: key.did, name: 'UPM', countryCode: 'ES' } }));
    const ours = await signCredential(unsigned, key);
    const bare = await (await bareIssuer(key))(unsigned);
    await expect(assertBareVerifies([ours, bare], 'credentials')).resolves.toBeUndefined();
    const tampered = { ...ours, name: `${String(ours.name)} (forged)` };
    await expect(assertBareVerifies([ours, tampered, bare], 'credentials')).rejects.toThrow(
      '1 of 3 credentials did not verify with the bare library',
    );
  });
});
