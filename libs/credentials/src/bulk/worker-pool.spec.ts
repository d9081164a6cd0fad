import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { WorkerPool } from './worker-pool';

// A plain-JS worker speaking the pool's protocol ({id, task} → {id, result} | {id, error}), as
// serveTasks does in the compiled workers: it answers its thread id, fails or exits on request.
const WORKER = `
const { parentPort, threadId, workerData } = require('node:worker_threads');
parentPort.on('message', ({ id, task }) => {
  if (task === 'exit') process.exit(3);
  if (task === 'fail') return parentPort.postMessage({ id, error: 'failed as asked' });
  setTimeout(() => parentPort.postMessage({ id, result: { threadId, task, prefix: workerData.prefix } }), task === 'slow' ? 200 : 1);
});
`;

describe('WorkerPool', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'magix-pool-')), 'echo.worker.js');
  writeFileSync(file, WORKER);
  type Echo = { threadId: number; task: string; prefix: string };
  const inThread = (task: string) => Promise.resolve({ threadId, task, prefix: 'here' });
  const pools: Array<WorkerPool<string, Echo>> = [];
  const pool = (options: Partial<ConstructorParameters<typeof WorkerPool<string, Echo>>[0]> = {}) => {
    const made = new WorkerPool<string, Echo>({ file, threads: 2, inThread, workerData: { prefix: 'worker' }, maxQueued: 4, ...options });
    pools.push(made);
    return made;
  };

  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('runs tasks on its threads, not this one, with the data it was given', async () => {
    const workers = pool();
    expect(workers.threads).toBe(2);
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((t) => workers.run(t)));
    expect(results.map((r) => r.task)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(results.every((r) => r.threadId !== threadId && r.prefix === 'worker')).toBe(true);
    expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
  });

  it('runs in this thread when the compiled worker is absent (as under ts-jest)', async () => {
    const here = pool({ file: join(tmpdir(), 'no-such.worker.js') });
    expect(here.threads).toBe(0);
    await expect(here.run('x')).resolves.toEqual({ threadId, task: 'x', prefix: 'here' });
  });

  it('holds at most maxQueued tasks: the others wait for room, and all finish', async () => {
    const workers = pool({ threads: 1, perThread: 1, maxQueued: 2 });
    const queued = () => (workers as unknown as { queues: { bulk: { jobs: unknown[] } } }).queues.bulk.jobs.length;
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, queued())), 5);
    const results = await Promise.all(Array.from({ length: 8 }, () => workers.run('slow')));
    clearInterval(watch);
    expect(results).toHaveLength(8);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(2);
  }, 20_000);

  it('serves an urgent task (a verification) before bulk work queued ahead of it (a cohort), each kind in its own bound', async () => {
    const workers = pool({ threads: 1, perThread: 1, maxQueued: 2, urgent: (task) => task.startsWith('verify') });
    const finished: string[] = [];
    const run = (task: string) => workers.run(task).then(() => finished.push(task));
    // 'slow' occupies the thread; the bulk lane fills up (a third bulk task waits for room);
    // the verification still gets the next turn.
    const all = [run('slow'), run('bulk-1'), run('bulk-2'), run('bulk-3')];
    await new Promise((settle) => setTimeout(settle, 20));
    all.push(run('verify-1'));
    await Promise.all(all);
    expect(finished).toEqual(['slow', 'verify-1', 'bulk-1', 'bulk-2', 'bulk-3']);
  }, 20_000);

  it('fails the task of a thread that dies, replaces the thread, and keeps serving', async () => {
    const workers = pool({ threads: 1 });
    await expect(workers.run('fail')).rejects.toThrow('failed as asked');
    await expect(workers.run('exit')).rejects.toThrow(/stopped \(exit code 3\)/);
    expect(workers.threads).toBe(1);
    await expect(workers.run('after')).resolves.toMatchObject({ task: 'after', prefix: 'worker' });
  });

  it('once closed, stops its threads and runs what still arrives in this thread (requests in flight at shutdown)', async () => {
    const workers = pool();
    await workers.close();
    expect(workers.threads).toBe(0);
    await expect(workers.run('late')).resolves.toMatchObject({ prefix: 'here' });
  });
});
