export * from './programme.entities';
export * from './programme.module';
