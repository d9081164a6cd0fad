export * from './dto/learner.inputs';
export * from './learner.entity';
export * from './learners.module';
export * from './learners.service';
export * from './holder-identity.service';
export * from './holder-key.entity';
