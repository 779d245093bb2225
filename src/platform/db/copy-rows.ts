import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './database.ts';

export type ColumnType = 'text' | 'bigint' | 'int' | 'boolean' | 'date' | 'timestamptz' | 'jsonb' | 'text[]' | 'tsvector';
export type Column = { name: string; type: ColumnType };
export type Value = string | number | boolean | null | readonly string[] | Record<string, unknown> | readonly unknown[];

/** A tsvector literal from verbatim lexemes: the same value array_to_tsvector() gives. */
export function tsvectorLiteral(lexemes: readonly string[]): string {
  let out = '';
  for (const l of lexemes) {
    const safe = l.includes('\\') || l.includes("'") ? l.replace(/\\/g, '\\\\').replace(/'/g, "''") : l;
    out += out ? ` '${safe}'` : `'${safe}'`;
  }
  return out;
}

export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** COPY's text format: backslash escapes for the separator, line breaks and the backslash itself. */
const NEEDS_ESCAPE = /[\\\n\r\t]/;

function copyEscape(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

function copyField(value: Value, type: ColumnType): string {
  if (value === null) return '\\N';
  switch (type) {
    case 'boolean':
      return value ? 't' : 'f';
    case 'jsonb':
      return copyEscape(JSON.stringify(value));
    case 'text[]':
      return copyEscape(textArrayLiteral(value as readonly string[]));
    case 'tsvector':
      return copyEscape(tsvectorLiteral(value as readonly string[]));
    default:
      return copyEscape(String(value));
  }
}

export function copyLine(row: readonly Value[], columns: readonly Column[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += '\t';
    line += copyField(row[i] ?? null, columns[i]!.type);
  }
  return line + '\n';
}

/** Where generated rows go: COPY FROM STDIN when a pg pool is at hand, batched INSERTs otherwise. */
export type RowSink = { write: (rows: readonly (readonly Value[])[]) => Promise<void>; end: () => Promise<void> };

export async function openSink(db: Db, pool: pg.Pool | undefined, table: string, columns: readonly Column[]): Promise<RowSink> {
  if (pool) return copySink(pool, table, columns);
  return insertSink(db, table, columns);
}

async function copySink(pool: pg.Pool, table: string, columns: readonly Column[]): Promise<RowSink> {
  const client = await pool.connect();
  const stream = client.query(copyFrom(`copy ${table} (${columns.map((c) => c.name).join(', ')}) from stdin`));
  let failure: Error | null = null;
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', (e: Error) => {
      failure = e;
      reject(e);
    });
  });
  done.catch(() => undefined);
  return {
    write: async (rows) => {
      if (failure) throw failure;
      let chunk = '';
      for (const row of rows) chunk += copyLine(row, columns);
      if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
    },
    end: async () => {
      try {
        stream.end();
        await done;
      } finally {
        client.release();
      }
    },
  };
}

function insertSink(db: Db, table: string, columns: readonly Column[]): RowSink {
  // jsonb_to_recordset turns one JSON parameter into typed rows: one statement per batch, no SQL text built from values
  const recordType = sql.raw(columns.map((c) => `${c.name} ${c.type === 'tsvector' ? 'text[]' : c.type}`).join(', '));
  const targets = sql.raw(columns.map((c) => c.name).join(', '));
  const selects = sql.raw(columns.map((c) => (c.type === 'tsvector' ? `array_to_tsvector(r.${c.name})` : `r.${c.name}`)).join(', '));
  return {
    write: async (rows) => {
      if (rows.length === 0) return;
      const objects = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? null])));
      await sql`insert into ${sql.table(table)} (${targets})
                select ${selects} from jsonb_to_recordset(${JSON.stringify(objects)}::jsonb) as r(${recordType})`.execute(db);
    },
    end: async () => undefined,
  };
}

/**
 * One COPY FROM STDIN of `rows` on a client the caller holds — inside the caller's transaction when it
 * opened one, so that a chunk of rows and the checkpoint that counts them commit together.
 */
export async function copyRows(client: pg.PoolClient, table: string, columns: readonly Column[], rows: readonly (readonly Value[])[]): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`copy ${table} (${columns.map((c) => c.name).join(', ')}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let chunk = '';
  for (const row of rows) {
    chunk += copyLine(row, columns);
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await Promise.race([new Promise<void>((resolve) => stream.once('drain', resolve)), done]);
      chunk = '';
    }
  }
  stream.end(chunk);
  await done;
}
