/**
 * `nest build api` only when what it reads changed since the last successful build: `npm start`,
 * `npm run cli` and `npm run migration:run` then start in a second instead of rebuilding (12–46 s).
 * What the build reads is hashed (paths and contents) and compared with the stamp written into
 * dist/ after a build that succeeded; `nest build` empties dist/ first, so a build by any other
 * route (a test's, a failed one) leaves no stamp and the next start builds again.
 *
 *   node scripts/build-if-stale.mjs           build when stale, say which
 *   node scripts/build-if-stale.mjs --quiet   the same, silent when up to date (the command line)
 *   node scripts/build-if-stale.mjs --check   build nothing: exit 0 when up to date, 1 when stale
 *
 * Messages go to stderr: stdout belongs to the command that runs next.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import process from 'node:process';

const ROOT = join(import.meta.dirname, '..');
/**
 * Folders the build compiles: apps/api/tsconfig.app.json's include. Whole folders, specs too: a
 * changed test rebuilds for nothing, which is cheaper than an exclude list that could drift.
 */
const SOURCE_DIRS = ['apps', 'libs', 'migrations', 'types'];
/**
 * Files that change what it emits: the compiler settings (apps/api/tsconfig.app.json extends the
 * root one; Jest's and the bench's play no part), Nest's build settings, the dependencies.
 */
const SETTINGS = ['tsconfig.json', 'nest-cli.json', 'package-lock.json'];
const STAMP = join('dist', '.sources.sha256');
const ENTRY = join('dist', 'apps', 'api', 'src', 'main.js');

/** @param {string} root @param {string} dir @returns {string[]} */
function filesUnder(root, dir) {
  /** @type {string[]} */
  const found = [];
  const walk = (/** @type {string} */ current) => {
    for (const entry of readdirSync(join(root, current), { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(path);
    }
  };
  if (existsSync(join(root, dir))) walk(dir);
  return found;
}

/** The SHA-256 of every input's path and content, in a fixed order. */
function sourcesHash(root = ROOT) {
  const files = [...SOURCE_DIRS.flatMap((dir) => filesUnder(root, dir)), ...SETTINGS.filter((f) => existsSync(join(root, f)))];
  const hash = createHash('sha256');
  for (const file of files.map((f) => f.split(sep).join('/')).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Why dist/ must be rebuilt, or null when it is up to date.
 * @param {string} root @param {string} hash @returns {string | null}
 */
function staleness(root, hash) {
  if (!existsSync(join(root, ENTRY))) return 'no build in dist/';
  if (!existsSync(join(root, STAMP))) return 'dist/ was not built by this script (or the build failed)';
  if (readFileSync(join(root, STAMP), 'utf8').trim() !== hash) return 'sources changed since the last build';
  return null;
}

/** @param {string[]} args @returns {number} */
function main(args) {
  const say = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
  const hash = sourcesHash(ROOT);
  const reason = staleness(ROOT, hash);
  if (reason === null) {
    if (!args.includes('--quiet')) say('Build up to date (dist/ matches the sources): not rebuilding.');
    return 0;
  }
  if (args.includes('--check')) {
    say(`Build stale: ${reason}.`);
    return 1;
  }
  say(`Building (${reason})…`);
  const nest = join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const build = spawnSync(process.execPath, [nest, 'build', 'api'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) {
    say(`The build failed (${build.status === null ? build.signal : `exit ${build.status}`}).`);
    return build.status || 1;
  }
  // Hashed before the build: a file edited during it makes the next start build again.
  writeFileSync(join(ROOT, STAMP), `${hash}\n`);
  say(`Built into ${relative(process.cwd(), join(ROOT, 'dist')) || 'dist'}/.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
