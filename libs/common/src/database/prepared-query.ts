import { DataSource } from 'typeorm';

/** node-postgres' pool, as TypeORM's Postgres driver holds it (`driver.master`). */
interface PgPool {
  query<Row>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

/**
 * A query PostgreSQL parses and plans once per connection (a named statement of node-postgres),
 * for hot queries of fixed text: on the verify route the snapshot query's parse and plan cost the
 * database more than its execution. TypeORM's `query` has no named form, so this goes to the
 * driver's pool; errors are pg's own, which `isDatabaseUnavailable` reads as TypeORM's.
 * A name must always stand for the same text: pass a module-level constant.
 */
export async function preparedQuery<Row>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  const { rows } = await pool.query<Row>({ name, text, values });
  return rows;
}
