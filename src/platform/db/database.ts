import { CompiledQuery, Kysely, PostgresDialect, sql, type QueryResult, type RawBuilder, type Transaction } from 'kysely';
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
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, idleTimeoutMillis: 30_000, Client: PreparingClient });
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

/**
 * Marks a statement to be prepared once per connection and then only executed: PostgreSQL skips parsing
 * and, once its plan cache settles on a generic plan, planning too. For the hot statements of fixed shape
 * (authentication, a record by id), where planning costs several times what executing does. Not for
 * lists and searches whose best plan depends on the values (a common city or a rare one).
 */
export function prepared<T>(query: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${sql.raw(PREPARE_MARK)}${query}`;
}

const PREPARE_MARK = '/* prepared */ ';

/**
 * Statement texts get names once, for the whole process, so every connection uses the same name for the
 * same text. A text's shape varies only with role permissions and custom fields, so the set stays small;
 * past the cap (a sign that something varies that should not) statements simply run unprepared.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED_STATEMENTS = 500;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `relata_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/** A pg client that runs marked statements as named (prepared) ones; Kysely calls query(text, values). */
class PreparingClient extends pg.Client {}
const plainQuery = pg.Client.prototype.query;
PreparingClient.prototype.query = function preparingQuery(this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  if (typeof config === 'string' && config.startsWith(PREPARE_MARK) && Array.isArray(values)) {
    const name = statementName(config);
    if (name !== undefined) return Reflect.apply(plainQuery, this, [{ name, text: config, values }, callback]);
  }
  return Reflect.apply(plainQuery, this, [config, values, callback]);
} as typeof plainQuery;

/**
 * A value that differs between executions of a statement shape (see executeShape): built into the
 * statement as a parameter, replaced by the execution's own value.
 */
export class Slot {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

const shapes = new Map<string, CompiledQuery>();
const MAX_SHAPES = 500;

/**
 * Runs a hot statement without building and compiling it again: the first execution for `key` builds
 * it with Slot parameters and keeps the compiled text; later ones substitute `values` for the slots.
 * Building the select list of a contact through Kysely cost about a quarter of a by-id request's CPU
 * and most of its allocation (ADR 17). `key` must name everything the text and the non-slot
 * parameters depend on (permissions, field definitions version, context); per-request values go
 * through slots. A null key, or the cap reached, builds the statement per execution as before.
 */
export async function executeShape<R>(db: Db | Tx, key: string | null, build: () => RawBuilder<R>, values: Readonly<Record<string, unknown>>): Promise<QueryResult<R>> {
  let compiled = key === null ? undefined : shapes.get(key);
  if (compiled === undefined) {
    compiled = build().compile(db);
    if (key !== null && shapes.size < MAX_SHAPES) shapes.set(key, compiled);
  }
  const parameters = compiled.parameters.map((p) => {
    if (!(p instanceof Slot)) return p;
    if (!Object.hasOwn(values, p.name)) throw new Error(`no value for slot ${p.name}`);
    return values[p.name];
  });
  return db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>);
}
