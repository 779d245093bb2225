import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';

// A `date` column stays the 'YYYY-MM-DD' text it is: parsing it into a JS Date would shift it by the
// process's time zone. (bigint ids and counts are strings by pg's default and are cast where read.)
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * Kysely declares no tables here: queries are written with its `sql` tag and declare their row types
 * where they run (ADR 2), so the schema type is empty.
 */
export type NoTables = Record<never, never>;
export type Db = Kysely<NoTables>;
export type Tx = Transaction<NoTables>;

export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> };

export function openDatabase(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, idleTimeoutMillis: 30_000 });
  // An idle client that loses its server (restart, failover) emits 'error'; without a listener it would crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<NoTables>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return { db, pool, close: () => db.destroy() };
}

const pools = new WeakMap<Db, pg.Pool>();

/**
 * The pg pool behind a Db, for what Kysely cannot do: COPY streams and session-level advisory locks
 * on a connection held for a whole bulk load.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('this Db was not opened by openDatabase');
  return pool;
}
