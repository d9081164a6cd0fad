export * from './vc-api.module';
