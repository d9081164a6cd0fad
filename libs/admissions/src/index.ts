export * from './admission.entities';
export * from './admissions.module';
export * from './outbox.service';
export * from './places.service';
