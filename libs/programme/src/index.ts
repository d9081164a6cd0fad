export * from './programme.entities';
export * from './programme.module';
export * from './translations/programme-translation';
export * from './editions/editions.service';
export * from './editions/edition-rules';
export * from './editions/editions.errors';
export * from './editions/dto/edition.inputs';
import './editions/edition.events';
