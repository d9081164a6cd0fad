export * from './dto/learner.inputs';
export * from './learner.entity';
export * from './learners.module';
export * from './learners.service';
