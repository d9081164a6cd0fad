import { buildServer, startNode } from './support/node-process';

// At least 10,000 documents per shape, each against jsonld.js (the bench runs 100,000); and a
// tenth as many one change away from a MAGIX document.
const RUNS = 10_000;
const RUNNER = 'dist/libs/credentials/src/canonize/testing/differential-runner.js';

interface ShapeReport {
  shape: string;
  values: { runs: number; compiled: number };
  mutations: { runs: number; compiled: number };
}

/**
 * The differential property tests of compiled canonicalization, run by Node on the built code,
 * one process per core: inside Jest's module sandbox jsonld.js runs several times slower.
 */
describe('compiled canonicalization equals jsonld.js byte for byte (fast-check, 10,000 documents per shape)', () => {
  let reports: ShapeReport[];

  beforeAll(async () => {
    await buildServer();
    const halves = [
      ['moduleCredential', 'statusList', 'credentialProofConfiguration', 'endorsement', 'multilingualDegree'],
      ['degree', 'presentation', 'presentationProofConfiguration', 'multilingualModuleCredential'],
    ];
    const processes = halves.map((shapes) => startNode([RUNNER, String(RUNS), ...shapes], {}));
    const codes = await Promise.all(processes.map((p) => p.exited));
    const failed = processes.filter((_, i) => codes[i] !== 0);
    if (failed.length > 0) throw new Error(`a differential property failed:\n${failed.map((p) => p.output()).join('\n')}`);
    reports = processes.flatMap((p) =>
      p
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as ShapeReport),
    );
  }, 900_000);

  it('covers every shape MAGIX canonizes', () => {
    expect(reports.map((r) => r.shape).sort()).toEqual([
      'credentialProofConfiguration',
      'degree',
      'endorsement',
      'moduleCredential',
      'multilingualDegree',
      'multilingualModuleCredential',
      'presentation',
      'presentationProofConfiguration',
      'statusList',
    ]);
  });

  it('checked 10,000 documents of each shape, a good part of them on the compiled path', () => {
    for (const report of reports) {
      expect({ shape: report.shape, runs: report.values.runs }).toEqual({ shape: report.shape, runs: RUNS });
      // Documents that keep their shape take the compiled path and are compared with jsonld.js.
      expect({ shape: report.shape, compiled: report.values.compiled > RUNS / 5 }).toEqual({ shape: report.shape, compiled: true });
      expect(report.mutations.runs).toBe(RUNS / 10);
    }
  });
});
