export * from './presentations.module';
export * from './presentations.service';
export * from './presentation-challenges';
