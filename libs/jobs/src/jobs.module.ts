import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';
import { PeriodicJobs } from './periodic-jobs';

/** The process's job queue, for every feature (global, like the clock). */
@Global()
@Module({ providers: [JobsService, PeriodicJobs], exports: [JobsService, PeriodicJobs] })
export class JobsModule {}
