export * from './languages';
export * from './format';
export * from './translate';
export * from './mail';
export { catalogs } from './catalogs';
export type { Catalog } from './catalogs';
