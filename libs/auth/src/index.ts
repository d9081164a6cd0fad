export * from './access-token';
export * from './auth.decorators';
export * from './auth.module';
export * from './password-hasher';
export * from './role';
export * from './user.entity';
export * from './ownership';
export * from './access';
