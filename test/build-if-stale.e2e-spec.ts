import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/node-process';

const SCRIPT = 'scripts/build-if-stale.mjs';
const ENTRY = 'dist/apps/api/src/main.js';
const STAMP = 'dist/.sources.sha256';

function script(cwd: string, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [join(cwd, SCRIPT), ...args], { cwd }, (_error, _stdout, stderr) =>
      done({ code: child.exitCode, stderr }),
    );
  });
}

/** What `npm start`, `npm run cli` and `npm run migration:run` run before the server: a build only when the sources changed. */
describe('build-if-stale', () => {
  it('a second start without changes does not build', async () => {
    // The first may build (another suite may have rebuilt dist/ without a stamp); then dist/ is current.
    const first = await script(ROOT);
    expect(first.code).toBe(0);
    const built = { entry: statSync(join(ROOT, ENTRY)).mtimeMs, stamp: statSync(join(ROOT, STAMP)).mtimeMs };

    const second = await script(ROOT);
    expect(second).toEqual({ code: 0, stderr: 'Build up to date (dist/ matches the sources): not rebuilding.\n' });
    expect({ entry: statSync(join(ROOT, ENTRY)).mtimeMs, stamp: statSync(join(ROOT, STAMP)).mtimeMs }).toEqual(built);
    // The command line's variant says nothing when there is nothing to do: its output is the command's.
    expect(await script(ROOT, ['--quiet'])).toEqual({ code: 0, stderr: '' });
  }, 400_000);

  describe('in a copy of the sources', () => {
    // Inside the repository (test-output/ is ignored by git); node_modules is not needed by --check.
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    const copy = mkdtempSync(join(ROOT, 'test-output', 'build-if-stale-'));
    const check = () => script(copy, ['--check']);

    beforeAll(async () => {
      for (const path of [
        'apps',
        'libs',
        'migrations',
        'types',
        'scripts',
        'nest-cli.json',
        'package-lock.json',
        'tsconfig.json',
        'tsconfig.jest.json',
      ])
        cpSync(join(ROOT, path), join(copy, path), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
      // A fresh clone: nothing built yet.
      expect(await check()).toEqual({ code: 1, stderr: 'Build stale: no build in dist/.\n' });
      // As a build leaves it: the entry point, and the stamp of the sources it was built from.
      mkdirSync(join(copy, 'dist/apps/api/src'), { recursive: true });
      writeFileSync(join(copy, ENTRY), '');
      cpSync(join(ROOT, STAMP), join(copy, STAMP));
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('is up to date with the stamp of the same sources, and stale when a source, a setting or the lock file changes', async () => {
      expect((await check()).code).toBe(0);
      for (const changed of ['libs/common/src/clock.ts', 'migrations/index.ts', 'tsconfig.json', 'package-lock.json']) {
        const path = join(copy, changed);
        appendFileSync(path, changed.endsWith('.json') ? ' ' : '\n// changed\n');
        expect({ changed, ...(await check()) }).toEqual({
          changed,
          code: 1,
          stderr: 'Build stale: sources changed since the last build.\n',
        });
        // Back as it was: up to date again (the contents count, not the file times).
        writeFileSync(path, readFileSync(join(ROOT, changed)));
        expect({ changed, ...(await check()) }).toEqual({
          changed,
          code: 0,
          stderr: 'Build up to date (dist/ matches the sources): not rebuilding.\n',
        });
      }
      // A new file is a change; a test beside the code is not (the build leaves tests out).
      writeFileSync(join(copy, 'libs/common/src/clock.spec.ts'), 'it.todo("x");\n');
      expect((await check()).code).toBe(0);
      writeFileSync(join(copy, 'libs/common/src/new-thing.ts'), 'export const x = 1;\n');
      expect((await check()).code).toBe(1);
      rmSync(join(copy, 'libs/common/src/new-thing.ts'));
      // A build by another route (Nest's own, a test's) empties dist/ and leaves no stamp.
      rmSync(join(copy, STAMP));
      expect(await check()).toEqual({ code: 1, stderr: 'Build stale: dist/ was not built by this script (or the build failed).\n' });
    });
  });
});
