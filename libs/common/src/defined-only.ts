/**
 * Drops the filters a caller left out. TypeORM refuses `undefined` in a where clause (rightly:
 * ignoring it would widen the query), so optional filters go through here explicitly.
 */
export function definedOnly<T extends object>(filters: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
