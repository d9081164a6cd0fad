import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EVERY_TEN_MINUTES, PeriodicJobs } from '@magix/jobs';
import { throttleKey, ThrottlePolicy } from './throttle-policy';
import { TooManyRequestsError } from './too-many-requests.error';

/*
 * One statement per attempt and key, atomic in PostgreSQL, so that every server process on the
 * database shares the count and parallel attempts cannot slip past it. Cases, on the old row:
 * locked → unchanged (refused); window over → a new window; over the limit → locked for
 * lockSeconds·2^strikes (capped), with one more try after the lock; else one more hit.
 * Windows and locks are in the database's time (now()), not the Clock's: they are shared by every
 * process, so they need the one clock all of them read; they are a defence, not a programme rule.
 */
const HIT = `
  INSERT INTO auth_throttle AS t (key, hits, strikes, blocked_until, window_ends_at)
  VALUES ($1, 1, 0, NULL, now() + make_interval(secs => $3::int))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN t.blocked_until > now() THEN t.hits
                WHEN t.window_ends_at <= now() THEN 1
                WHEN t.hits + 1 > $2::int THEN $2::int - 1
                ELSE t.hits + 1 END,
    strikes = CASE WHEN t.blocked_until > now() THEN t.strikes
                   WHEN t.window_ends_at <= now() THEN 0
                   WHEN t.hits + 1 > $2::int THEN t.strikes + 1
                   ELSE t.strikes END,
    blocked_until = CASE WHEN t.blocked_until > now() THEN t.blocked_until
                         WHEN t.window_ends_at <= now() THEN NULL
                         WHEN t.hits + 1 > $2::int THEN now() + make_interval(secs => least($4::int * power(2, least(t.strikes, 30)), $5::int))
                         ELSE NULL END,
    window_ends_at = CASE WHEN t.blocked_until > now() THEN t.window_ends_at
                          WHEN t.window_ends_at <= now() THEN now() + make_interval(secs => $3::int)
                          WHEN t.hits + 1 > $2::int THEN now() + make_interval(secs => least($4::int * power(2, least(t.strikes, 30)), $5::int) + $3::int)
                          ELSE t.window_ends_at END
  RETURNING coalesce(blocked_until > now(), false) AS refused,
            greatest(1, ceil(extract(epoch FROM coalesce(blocked_until, now()) - now())))::int AS retry_after`;

export interface ThrottleHit {
  policy: ThrottlePolicy;
  subject: string;
}

/** Attempt counters per account and per client address, kept in PostgreSQL (table auth_throttle). */
@Injectable()
export class ThrottleService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly periodic: PeriodicJobs,
  ) {}

  /**
   * Counts one attempt against every counter; throws TooManyRequestsError (the longest wait) when
   * any of them is locked. Counted before the attempt is worked on, so a refusal costs no hashing.
   */
  async hit(hits: ThrottleHit[], message = 'Too many attempts: try again later'): Promise<void> {
    const results = await Promise.all(
      hits.map(async ({ policy, subject }) => {
        const rows = await this.dataSource.query<Array<{ refused: boolean; retry_after: number }>>(HIT, [
          throttleKey(policy, subject),
          policy.limit,
          policy.windowSeconds,
          policy.lockSeconds,
          policy.maxLockSeconds,
        ]);
        return rows[0];
      }),
    );
    const refused = results.filter((result) => result?.refused);
    if (refused.length > 0) {
      throw new TooManyRequestsError(message, Math.max(...refused.map((result) => result.retry_after)));
    }
  }

  /** A success: this subject's counter starts again (an account that signed in). */
  async reset(policy: ThrottlePolicy, subject: string): Promise<void> {
    await this.dataSource.query('DELETE FROM auth_throttle WHERE key = $1', [throttleKey(policy, subject)]);
  }

  /** A success gives back its own attempt, and only while not locked (an address that signed in). */
  async forgive(policy: ThrottlePolicy, subject: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE auth_throttle SET hits = hits - 1 WHERE key = $1 AND hits > 0 AND coalesce(blocked_until <= now(), true)',
      [throttleKey(policy, subject)],
    );
  }

  /** Rows whose window is over mean the same as no row: delete them. */
  async cleanup(): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>('DELETE FROM auth_throttle WHERE window_ends_at <= now()');
    return deleted;
  }

  /**
   * The counters are rows shared by every server process, so their cleanup is the system's
   * periodic work (a pg-boss job run by one process), not each process's timer.
   */
  async onModuleInit(): Promise<void> {
    await this.periodic.every('auth.throttle-cleanup', EVERY_TEN_MINUTES, () => this.cleanup());
  }
}
