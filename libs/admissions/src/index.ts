export * from './admission.entities';
export * from './admissions.module';
export * from './outbox.service';
export * from './places.service';
export { ApplicationsService } from './applications.service';
export { ReviewBatchesService } from './review-batches.service';
export { ADMITTED_TO_DEGREE, degreeAdmission } from './degree-intake';
