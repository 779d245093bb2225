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
