export * from './degree.service';
export * from './domain/pathway-progress';
export * from './domain/pathway-rules';
export * from './pathway-progress.service';
export * from './pathway-rules.service';
export * from './pathway.entities';
export * from './pathways.module';
export * from './recognition.service';
