export * from './access-rules';
export * from './access.module';
export * from './access.service';
export * from './permission';
