export * from './dto/enrolment.inputs';
export * from './enrolment.entity';
export * from './enrolment.module';
export * from './enrolment.service';
export * from './enrolment.errors';
export * from './place-counts';
