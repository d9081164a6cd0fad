export * from './presentations.module';
export * from './presentations.service';
