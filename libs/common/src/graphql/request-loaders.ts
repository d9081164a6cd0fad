import DataLoader from 'dataloader';
import { DataSource, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';

/**
 * Per-request DataLoaders: every `@ResolveField` that reads rows goes through here, so a page of
 * 100 items costs one query per related entity type, not 100.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  byId<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): DataLoader<string, T | null> {
    return this.oneBy(entity, 'id');
  }

  /** Loads the one row whose `column` equals each key (plus a fixed `where`, e.g. `{ active: true }`). */
  oneBy<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    column: keyof T & string,
    where: FindOptionsWhere<T> = {},
  ): DataLoader<string, T | null> {
    const name = this.dataSource.getMetadata(entity).name;
    const cacheKey = `${name}:${column}:${JSON.stringify(where)}`;
    let loader = this.loaders.get(cacheKey) as DataLoader<string, T | null> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T | null>(async (keys) => {
        const rows = await this.dataSource.getRepository(entity).findBy({ ...where, [column]: In([...keys]) });
        const byKey = new Map(rows.map((row) => [String(row[column]), row]));
        return keys.map((key) => byKey.get(key) ?? null);
      });
      this.loaders.set(cacheKey, loader);
    }
    return loader;
  }

  /** Loads every row whose `column` equals each key, in `order`. */
  manyBy<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    column: keyof T & string,
    order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>> = {},
  ): DataLoader<string, T[]> {
    const name = this.dataSource.getMetadata(entity).name;
    const cacheKey = `${name}:${column}:many`;
    let loader = this.loaders.get(cacheKey) as DataLoader<string, T[]> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T[]>(async (keys) => {
        const rows = await this.dataSource
          .getRepository(entity)
          .find({ where: { [column]: In([...keys]) } as FindOptionsWhere<T>, order: order as never });
        return keys.map((key) => rows.filter((row) => String(row[column]) === key));
      });
      this.loaders.set(cacheKey, loader);
    }
    return loader;
  }
}

export interface GraphQLContext {
  req: { user?: unknown };
  loaders: RequestLoaders;
}
