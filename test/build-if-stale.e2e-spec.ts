import { execFile } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/node-process';

const SCRIPT = 'scripts/build-if-stale.mjs';
const ENTRY = 'dist/apps/api/src/main.js';
const STAMP = 'dist/.sources.sha256';
const UP_TO_DATE = 'Build up to date (dist/ matches the sources): not rebuilding.\n';

function script(cwd: string, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [join(cwd, SCRIPT), ...args], { cwd }, (_error, _stdout, stderr) =>
      done({ code: child.exitCode, stderr }),
    );
  });
}

/**
 * What `npm start`, `npm run cli` and `npm run migration:run` run before the server: a build only
 * when the sources changed. In a copy of the sources of its own, as a fresh clone has them: other
 * suites build (and empty) the repository's dist/ at the same time.
 */
describe('build-if-stale', () => {
  // Inside the repository (test-output/ is ignored by git), beside the node_modules it links to.
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  const copy = mkdtempSync(join(ROOT, 'test-output', 'build-if-stale-'));
  const check = () => script(copy, ['--check']);
  const times = () => ({ entry: statSync(join(copy, ENTRY)).mtimeMs, stamp: statSync(join(copy, STAMP)).mtimeMs });

  beforeAll(() => {
    for (const path of ['apps', 'libs', 'migrations', 'types', 'scripts', 'nest-cli.json', 'package-lock.json', 'tsconfig.json'])
      cpSync(join(ROOT, path), join(copy, path), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('the first start of a fresh clone builds; a second one without changes does not', async () => {
    expect(await check()).toEqual({ code: 1, stderr: 'Build stale: no build in dist/.\n' });
    const first = await script(copy);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Building \(no build in dist\/\)…\n[\s\S]*Built into dist\/\.\n$/);
    expect(existsSync(join(copy, ENTRY))).toBe(true);
    const built = times();

    expect(await script(copy)).toEqual({ code: 0, stderr: UP_TO_DATE });
    expect(times()).toEqual(built);
    // The command line's variant says nothing when there is nothing to do: its output is the command's.
    expect(await script(copy, ['--quiet'])).toEqual({ code: 0, stderr: '' });
    expect(times()).toEqual(built);
  }, 400_000);

  it('is stale when a source, a migration, a setting or the lock file changes, and current again when it is back', async () => {
    expect(await check()).toEqual({ code: 0, stderr: UP_TO_DATE });
    for (const changed of ['libs/common/src/clock.ts', 'migrations/index.ts', 'tsconfig.json', 'package-lock.json']) {
      const path = join(copy, changed);
      appendFileSync(path, changed.endsWith('.json') ? ' ' : '\n// changed\n');
      expect({ changed, ...(await check()) }).toEqual({ changed, code: 1, stderr: 'Build stale: sources changed since the last build.\n' });
      // The contents count, not the file's time: as it was, it is up to date again.
      writeFileSync(path, readFileSync(join(ROOT, changed)));
      expect({ changed, ...(await check()) }).toEqual({ changed, code: 0, stderr: UP_TO_DATE });
    }
    // A new file is a change, a library's test included (whole folders are hashed); one outside what the build reads is not.
    writeFileSync(join(copy, 'libs/common/src/new-thing.spec.ts'), 'it.todo("x");\n');
    expect((await check()).code).toBe(1);
    rmSync(join(copy, 'libs/common/src/new-thing.spec.ts'));
    mkdirSync(join(copy, 'web'));
    writeFileSync(join(copy, 'web/page.html'), '<!doctype html>\n');
    expect((await check()).code).toBe(0);
    // A build by another route (Nest's own, a test's) empties dist/ and leaves no stamp.
    rmSync(join(copy, STAMP));
    expect(await check()).toEqual({ code: 1, stderr: 'Build stale: dist/ was not built by this script (or the build failed).\n' });
  });
});
