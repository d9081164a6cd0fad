import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What holds a cluster's data folder when we are about to start it. The embedded server is a
 * child of the Node process; after a `kill -9` of Node it lives on, reparented, still holding
 * the port and the folder. Recognised by its postmaster.pid and its own command line, and never
 * confused with another program on the port or with the live server of another MAGIX process.
 */
export type ClusterHolder =
  | { kind: 'none' }
  /** postmaster.pid names a process that is gone, or is not this cluster's postgres. */
  | { kind: 'stale'; pid: number }
  /** This cluster's postgres, its parent the MAGIX process that started it and still runs. */
  | { kind: 'live'; pid: number; ownerPid: number }
  /** This cluster's postgres, whose parent is gone: nobody will ever stop it. */
  | { kind: 'orphan'; pid: number };

const OWNER_FILE = 'owner.pid';

export function inspectCluster(dataDir: string, stateDir: string): ClusterHolder {
  const pidFile = join(dataDir, 'postmaster.pid');
  // Without /proc we cannot tell whose process it is: leave it to PostgreSQL's own check.
  if (!existsSync(pidFile) || !existsSync('/proc/self/cmdline')) return { kind: 'none' };
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresOf(pid, dataDir)) return { kind: 'stale', pid };
  const parent = parentOf(pid);
  const owner = readOwner(stateDir);
  // The owner file names the Node process that started it; older builds wrote none.
  const live = parent !== null && isAlive(parent) && (owner !== null ? parent === owner : parent !== 1 && commandOf(parent) === 'node');
  return live ? { kind: 'live', pid, ownerPid: parent } : { kind: 'orphan', pid };
}

/** Notes which process started the cluster, so that the next start can tell it from an orphan. */
export function recordOwner(stateDir: string): void {
  writeFileSync(join(stateDir, OWNER_FILE), `${process.pid}\n`, { mode: 0o600 });
}

/** Removes postmaster.pid unless it names a live postgres of this folder. */
export function removeStalePidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  if (!isPostgresOf(pid, dataDir)) unlinkSync(pidFile);
}

/**
 * Stops an orphaned postmaster the way PostgreSQL documents: SIGINT (fast shutdown: sessions
 * ended, a checkpoint, a clean stop), then SIGQUIT (immediate shutdown, recovery at next start),
 * then SIGKILL. Resolves once the process is gone.
 */
export async function stopOrphan(pid: number, dataDir: string, log: (line: string) => void): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 20_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break; // gone already
    }
    if (await exited(pid, waitMs)) break;
    log(`The orphaned PostgreSQL (pid ${pid}) did not stop on ${signal}; trying harder.`);
  }
  if (isAlive(pid)) throw new Error(`Could not stop the orphaned PostgreSQL (pid ${pid}) of ${dataDir}: stop it by hand.`);
  // A postmaster stopped by SIGKILL leaves its pid file behind; a clean stop has removed it.
  removeStalePidFile(dataDir);
}

async function exited(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** Whether a process runs: a zombie (exited, not yet reaped by its new parent) does not. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\S+ \([^]*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch (error) {
    // EPERM: alive, but another user's, so not a server we started (ours run as us or as `postgres`).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `pid` is a postgres server started on this data folder (`postgres -D <dataDir> ...`). */
function isPostgresOf(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return false;
  }
  const dashD = argv.indexOf('-D');
  return basename(argv[0]) === 'postgres' && dashD > 0 && resolve(argv[dashD + 1] ?? '') === resolve(dataDir);
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
    return Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], 10);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

function readOwner(stateDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(stateDir, OWNER_FILE), 'utf8'), 10);
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}
