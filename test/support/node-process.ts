import { ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(__dirname, '../..');

/**
 * The server compiled into dist/ as `npm start` does it: only when the sources changed since the
 * last build (scripts/build-if-stale.mjs). Global setup builds it before any suite runs, so this
 * is a no-op during a run: two suites at a time must never rebuild dist/ (Nest's build empties
 * it first) under a server the other one runs from it. A type error elsewhere in the tree fails
 * the build but not the emit: the processes started afterwards show whether what they need is there.
 */
export function buildServer(): Promise<void> {
  return new Promise((done) => {
    execFile(process.execPath, ['scripts/build-if-stale.mjs', '--quiet'], { cwd: ROOT }, () => done());
  });
}

/** A real Node process of ours (the built server, or a few lines using the built libraries), its output kept line by line. */
export interface NodeProcess {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves with the first line matching `pattern`; rejects if the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
  /** What a crash, the OOM killer or `kill -9` does: nothing runs after it. */
  kill9(): Promise<void>;
}

export function startNode(args: string[], env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    child,
    output: () => output,
    exited,
    async waitFor(pattern, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = output.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) return line;
        if (gone) throw new Error(`The process exited before printing ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`No ${pattern} within ${timeoutMs} ms:\n${output}`);
        await sleep(100);
      }
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * A process that opens the embedded database through the built `openDatabase`, prints
 * `READY {"url": ...}` and each notice, and closes it when its stdin ends.
 */
export function openDatabaseInProcess(dataDir: string, port: number): NodeProcess {
  const script = `
    const { openDatabase } = require('./dist/libs/database/src/open-database.js');
    openDatabase({ dataDir: process.env.D, embeddedPostgresPort: Number(process.env.P) }, { notice: (line) => console.log('NOTICE ' + line) })
      .then((db) => {
        console.log('READY ' + JSON.stringify({ url: db.url }));
        process.stdin.on('end', () => db.close().then(() => process.exit(0)));
        process.stdin.resume();
      })
      .catch((error) => { console.log('FAILED ' + (error && error.message)); process.exit(1); });`;
  return startNode(['-e', script], { D: dataDir, P: String(port) });
}

export async function readyUrl(process: NodeProcess): Promise<string> {
  const line = await process.waitFor(/^(READY|FAILED) /);
  if (line.startsWith('FAILED')) throw new Error(process.output());
  return (JSON.parse(line.slice('READY '.length)) as { url: string }).url;
}

/** Ends a process started by `openDatabaseInProcess` the normal way: the database is closed. */
export async function closeNormally(process: NodeProcess): Promise<number | null> {
  process.child.stdin.end();
  return process.exited;
}
