import { Injectable } from '@nestjs/common';
import { Clock } from '@magix/common';
import { JobsService } from './jobs.service';

/** Cron expressions (UTC) for the usual periods. */
export const EVERY_MINUTE = '* * * * *';
export const EVERY_TEN_MINUTES = '*/10 * * * *';
export const EVERY_HOUR = '0 * * * *';
/** Once a day at hh:mm UTC. */
export const daily = (hour: number, minute = 0): string => `${minute} ${hour} * * *`;

/**
 * Periodic work as pg-boss jobs instead of timers: `every(name, cron, handler)` in a feature's
 * `onModuleInit`. However many server processes run, each period's job is sent once and worked
 * once, by one of them; a process that leaves jobs to servers (the command line) runs none.
 * The handler is given the Clock's now; it should be safe to run again (a period whose run
 * failed is made up by the next one, and an overlong run may overlap the next).
 */
@Injectable()
export class PeriodicJobs {
  constructor(
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  every(name: string, cron: string, handler: (now: Date) => Promise<unknown>): Promise<void> {
    return this.jobs.schedule(name, cron, async () => {
      await handler(this.clock.now());
    });
  }
}
