export * from './database-url';
export * from './embedded-credentials';
export * from './embedded-postgres';
export * from './numeric.transformer';
export * from './typeorm-options';
export * from './open-database';
