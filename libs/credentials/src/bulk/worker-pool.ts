import { existsSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { setImmediate as turnOfTheLoop } from 'node:timers/promises';
import { parentPort, ResourceLimits, Worker } from 'node:worker_threads';

export interface WorkerPoolOptions<Task, Result> {
  /** The compiled worker script. Where it is absent (TypeScript sources, as under ts-jest) tasks run in this thread. */
  file: string;
  threads: number;
  /** What a worker does with a task, run here when there is no worker. */
  inThread: (task: Task) => Promise<Result>;
  workerData?: unknown;
  /** Tasks held for a busy pool; past that, `run` waits for room, so memory stays bounded. */
  maxQueued: number;
  /** Tasks one thread holds at once: a second one keeps it busy while the first answer travels back. */
  perThread?: number;
  resourceLimits?: ResourceLimits;
  /**
   * Tasks someone is waiting for (a verification request) pass ahead of bulk work (a cohort's
   * signing batches) queued in the same pool; each kind has its own `maxQueued`.
   */
  urgent?: (task: Task) => boolean;
}

type Request<Task> = { id: number; task: Task };
type Reply<Result> = { id: number; result: Result } | { id: number; error: string };

interface Job<Task, Result> {
  task: Task;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Thread<Task, Result> {
  worker: Worker;
  running: Map<number, Job<Task, Result>>;
}

/**
 * A fixed set of worker threads for CPU-bound work (JSON-LD canonicalization and signatures), so
 * the event loop that answers HTTP stays free. A thread that dies (out of memory on a hostile
 * document) fails its own tasks and is replaced.
 */
export class WorkerPool<Task, Result> {
  private readonly pool: Thread<Task, Result>[] = [];
  private readonly queues = { urgent: new Lane<Task, Result>(), bulk: new Lane<Task, Result>() };
  private readonly perThread: number;
  private nextId = 0;
  private closed = false;
  /** The last task run in this thread: the next one waits for it. */
  private hereTail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: WorkerPoolOptions<Task, Result>) {
    this.perThread = options.perThread ?? 2;
    if (!existsSync(options.file)) return;
    for (let i = 0; i < options.threads; i++) this.pool.push(this.spawn());
  }

  get threads(): number {
    return this.pool.length;
  }

  async run(task: Task): Promise<Result> {
    if (this.pool.length === 0) return this.runHere(task);
    const lane = this.options.urgent?.(task) ? this.queues.urgent : this.queues.bulk;
    while (lane.jobs.length >= this.options.maxQueued && !this.closed) {
      await new Promise<void>((room) => lane.waitingForRoom.push(room));
    }
    if (this.closed) throw new Error('The worker pool is closed');
    return new Promise<Result>((resolve, reject) => {
      lane.jobs.push({ task, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const lane of [this.queues.urgent, this.queues.bulk]) {
      for (const job of lane.jobs.splice(0)) job.reject(new Error('The worker pool is closed'));
      for (const room of lane.waitingForRoom.splice(0)) room();
    }
    const threads = this.pool.splice(0);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  /**
   * Without threads, tasks run here one at a time with a turn of the event loop between them: a
   * burst of tasks (a chunk to sign) would otherwise be one block of seconds, in which no request
   * is read and keep-alive sockets time out under their clients' requests (ECONNRESET).
   */
  private runHere(task: Task): Promise<Result> {
    const run = this.hereTail.then(() => turnOfTheLoop()).then(() => this.options.inThread(task));
    this.hereTail = run.catch(() => undefined);
    return run;
  }

  private spawn(): Thread<Task, Result> {
    const { file, workerData, resourceLimits } = this.options;
    const thread: Thread<Task, Result> = { worker: new Worker(file, { workerData, resourceLimits }), running: new Map() };
    thread.worker.on('message', (reply: Reply<Result>) => {
      const job = thread.running.get(reply.id);
      if (!job) return;
      thread.running.delete(reply.id);
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.result);
      this.pump();
    });
    thread.worker.on('error', (error) => this.replace(thread, error));
    thread.worker.on('exit', (code) => this.replace(thread, new Error(`A worker thread stopped (exit code ${code})`)));
    return thread;
  }

  private replace(thread: Thread<Task, Result>, error: Error): void {
    for (const job of thread.running.values()) job.reject(error);
    thread.running.clear();
    const at = this.pool.indexOf(thread);
    if (at < 0 || this.closed) return;
    this.pool[at] = this.spawn();
    void thread.worker.terminate();
    this.pump();
  }

  private pump(): void {
    for (;;) {
      const lane = [this.queues.urgent, this.queues.bulk].find((l) => l.jobs.length > 0);
      if (!lane) return;
      const thread = this.pool.reduce<Thread<Task, Result> | undefined>(
        (best, t) => (t.running.size < this.perThread && (!best || t.running.size < best.running.size) ? t : best),
        undefined,
      );
      if (!thread) return;
      const job = lane.jobs.shift()!;
      const id = this.nextId++;
      thread.running.set(id, job);
      thread.worker.postMessage({ id, task: job.task } satisfies Request<Task>);
      lane.waitingForRoom.shift()?.();
    }
  }
}

/** Tasks of one kind waiting for a thread, and the callers waiting for room among them. */
class Lane<Task, Result> {
  readonly jobs: Job<Task, Result>[] = [];
  readonly waitingForRoom: Array<() => void> = [];
}

/**
 * How far below the main thread a worker runs (a nice value): when the cores are all busy, the
 * thread that answers HTTP (/health, every request's database work) is served first, and the
 * workers still take every cycle it leaves.
 */
export const WORKER_NICENESS = 10;

/** Lowers this thread's scheduling priority, on Linux (a thread is a task with its own nice value); elsewhere nothing. */
export function lowerThisThreadsPriority(niceness = WORKER_NICENESS): boolean {
  if (process.platform !== 'linux') return false;
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), niceness);
    return true;
  } catch {
    return false; // no /proc, or a sandbox that refuses: the thread keeps its priority
  }
}

/** An error as text for the main thread, the errors it aggregates included (jsonld-signatures gathers them in `errors`). */
function messageOf(error: unknown): string {
  const nested = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(nested) && nested.length > 0) return [...new Set(nested.map(messageOf))].join('; ');
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The buffers of a result's byte arrays (itself, or the items of an array of them): moved to the main thread, not copied. */
function transferable(result: unknown): ArrayBuffer[] {
  const arrays = (Array.isArray(result) ? result : [result]).filter((item): item is Uint8Array => item instanceof Uint8Array);
  // Only buffers each array has to itself: a shared (pooled) one would be taken from its other users.
  const whole = arrays.every((a) => a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength);
  return whole ? arrays.map((a) => a.buffer as ArrayBuffer) : [];
}

/** The worker's side: answers each task the pool posts, by its id, at a priority below the main thread's. */
export function serveTasks<Task, Result>(handle: (task: Task) => Promise<Result>): void {
  const port = parentPort;
  if (!port) return;
  lowerThisThreadsPriority();
  port.on('message', ({ id, task }: Request<Task>) => {
    handle(task).then(
      (result) => port.postMessage({ id, result } satisfies Reply<Result>, transferable(result)),
      (error: unknown) => port.postMessage({ id, error: messageOf(error) } satisfies Reply<Result>),
    );
  });
}
