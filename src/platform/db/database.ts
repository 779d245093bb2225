import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';

// bigint ids travel as strings (JSON cannot hold 64-bit integers); counts are parsed where they are read.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** Kysely over one pg pool. Modules narrow it to their own tables with `db.withTables<T>()`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Db = Kysely<{}>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Tx = Transaction<{}>;

export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> };

export function openDatabase(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, idleTimeoutMillis: 30_000 });
  // An idle client that loses its server (restart, failover) emits 'error'; without a listener it would crash the process.
  pool.on('error', () => undefined);
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  const db = new Kysely<{}>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}
