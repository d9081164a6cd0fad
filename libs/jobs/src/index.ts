export * from './jobs.service';
export * from './periodic-jobs';
export * from './jobs.module';
