import { sql, type RawBuilder } from 'kysely';

/**
 * A deterministic pseudo-random integer in [0, 2^31) from a key, computed in SQL so that set-based
 * generation (orders, lines, activities) needs no round trip per row. hashint8extended is the hash that
 * hash partitioning relies on, so it is stable across PostgreSQL versions: a seed gives the same data.
 */
export function sqlHash(key: RawBuilder<unknown>, seed: number, salt: number): RawBuilder<number> {
  return sql<number>`(hashint8extended((${key})::bigint, ${sql.lit(seed * 1009 + salt)}::bigint) & 2147483647)`;
}
