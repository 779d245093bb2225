import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { COUNT_CAP } from '../../../platform/http/pagination.ts';

/**
 * An exact count up to `cap`, "cap+" beyond: counting over `LIMIT cap+1` stops early, so a list of a
 * million rows still answers in milliseconds (an exact count(*) would take seconds).
 * `fromWhere` is everything after SELECT: `from contacts c where …`.
 */
export async function cappedCount(db: Db | Tx, fromWhere: RawBuilder<unknown>, cap: number = COUNT_CAP): Promise<{ total: number; total_capped: boolean }> {
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from (select 1 ${fromWhere} limit ${cap + 1}) t`.execute(db);
  return cappedTotal(Number(rows[0]?.n ?? 0), cap);
}

export function cappedTotal(counted: number, cap: number): { total: number; total_capped: boolean } {
  return counted > cap ? { total: cap, total_capped: true } : { total: counted, total_capped: false };
}

/**
 * A list's page (fetched with `limit + 1` rows to tell whether there is a next one) and its capped total.
 * A first page that is not full is the whole list, so its length is the total and the count — which
 * would scan the same rows again — is skipped; otherwise the count runs after the page.
 */
export async function pageAndCount<R>(
  db: Db | Tx,
  page: RawBuilder<R>,
  countFrom: RawBuilder<unknown>,
  limit: number,
  firstPage: boolean,
): Promise<{ rows: R[]; total: number; total_capped: boolean }> {
  const { rows } = await page.execute(db);
  const count = firstPage && rows.length <= limit ? cappedTotal(rows.length, COUNT_CAP) : await cappedCount(db, countFrom);
  return { rows, ...count };
}

/**
 * Runs a list's queries with planner costs for a database that lives in its cache (ADR 16). With the
 * defaults the planner ANDs a bitmap of every record of the reader's owners (a department: 15,000 entries,
 * 14–16 ms to build) to a filter index's few hundred rows, rather than checking those rows' owners on the
 * heap (1 ms). Set per transaction, only for lists: other statements (search, reads by id) keep the
 * defaults, which suit them.
 */
export async function withListPlanning<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('random_page_cost', '1.1', true), set_config('cpu_index_tuple_cost', '0.02', true)`.execute(tx);
    return run(tx);
  });
}
