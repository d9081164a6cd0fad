import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { WorkerPool } from './worker-pool';

/**
 * Without its compiled worker (ts-jest, or a pool closed at shutdown) the pool runs tasks in this
 * thread: one at a time, the event loop turning between them, so a burst (an import's chunk to
 * sign) never holds the loop for its whole length and requests are read meanwhile.
 */
describe('WorkerPool in this thread', () => {
  const noWorker = join(tmpdir(), 'no-such.worker.js');

  it('runs tasks one after another, with a turn of the event loop between two', async () => {
    const events: string[] = [];
    const inThread = async (task: number) => {
      events.push(`start ${task}`);
      // What arrives meanwhile (a request, a timer): it must run before the next task starts.
      setImmediate(() => events.push(`loop after ${task}`));
      await Promise.resolve();
      events.push(`end ${task}`);
      return task * 10;
    };
    const pool = new WorkerPool<number, number>({ file: noWorker, threads: 2, inThread, maxQueued: 4 });
    expect(pool.threads).toBe(0);
    await expect(Promise.all([1, 2, 3].map((t) => pool.run(t)))).resolves.toEqual([10, 20, 30]);
    await new Promise((turn) => setImmediate(turn));
    expect(events).toEqual(['start 1', 'end 1', 'loop after 1', 'start 2', 'end 2', 'loop after 2', 'start 3', 'end 3', 'loop after 3']);
  });

  it('keeps going after a task that fails, which fails alone', async () => {
    const inThread = (task: string) => (task === 'bad' ? Promise.reject(new Error('bad task')) : Promise.resolve(task));
    const pool = new WorkerPool<string, string>({ file: noWorker, threads: 1, inThread, maxQueued: 4 });
    const results = await Promise.allSettled(['a', 'bad', 'b'].map((t) => pool.run(t)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['a', 'bad task', 'b']);
  });
});
