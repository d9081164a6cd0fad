export * from './domain-error';
export * from './validation';
export * from './graphql/depth-limit.rule';
export * from './graphql/format-error';
export * from './graphql/pagination';
export * from './graphql/request-loaders';
export * from './defined-only';
