import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { sharedIdsSql } from '../../accounts/index.ts';
import { keysetPredicate, orderBy, type Sort } from './sort.ts';

/**
 * Beyond this many owners in a reader's scope, one walk of the list index is cheaper than a walk per
 * owner (each costs a descent of the owner index, about 20 µs here).
 */
const MAX_OWNER_STREAMS = 256;

/** A record table whose `<table>_owner_idx` is (workspace_id, owner_id, updated_at desc, id desc) where deleted_at is null. */
type OwnedTable = 'contacts' | 'companies';

/** A filter or a quick text narrows the list: its own indexes lead (ADR 16), not the reader's owners. */
export function isFiltered(query: { filter?: string; q?: string }): boolean {
  return (query.filter ?? '').trim() !== '' || (query.q ?? '').trim() !== '';
}

function applies(input: OwnerStreamsInput): boolean {
  return !input.filtered && input.ownerIds !== null && input.ownerIds.length <= MAX_OWNER_STREAMS && input.sort.name === 'updated_at';
}

export type OwnerStreamsInput = {
  table: OwnedTable;
  alias: string;
  principal: Principal;
  /** the reader's owners (visibleOwnerIds); null = no data scope */
  ownerIds: string[] | null;
  sort: Sort;
  cursor: unknown[] | null;
  limit: number;
  /** the list has a filter or quick text: then the filter's own indexes lead, not the owners */
  filtered: boolean;
};

/**
 * The candidates for one page of a scoped, unfiltered list in updated-at order — the list a sales rep
 * lands on — as `alias.id = any(array(…))`, to AND into the page query (whose own WHERE still decides
 * visibility). Without it the planner walks the workspace's list index and visits the heap row of every
 * contact until `limit` of them belong to the reader's owners: a department holding 1.5 % of the
 * contacts meant about 3,500 heap visits (90–290 ms). Here each owner's rows come in order from the
 * owner index — `limit + 1` keys per owner, index-only — plus the records shared with the reader, and
 * only the best `limit + 1` of their union reach the heap. Every row of the true page is among the
 * first `limit + 1` of its owner's stream or of the shared stream, so the candidates contain the page.
 *
 * Returns null when the shape does not apply (no data scope, a filter, another sort, too many owners).
 */
export function ownerStreamCandidates(input: OwnerStreamsInput): RawBuilder<boolean> | null {
  const { table, alias, principal, ownerIds, sort, cursor, limit } = input;
  if (!applies(input) || ownerIds === null) return null;
  const t = sql.table(table);
  const a = sql.id(alias);
  const id = sql.ref(`${alias}.id`);
  const after = keysetPredicate(sort, cursor, id);
  const order = orderBy(sort, id);
  const take = limit + 1;
  const objectType = table;
  return sql<boolean>`${id} = any(array(
    select k.id from (
      select s.id, s.updated_at from unnest(${ownerIds}::bigint[]) as o(owner_id)
      cross join lateral (
        select ${id} as id, ${sql.ref(`${alias}.updated_at`)} as updated_at from ${t} ${a}
        where ${sql.ref(`${alias}.workspace_id`)} = ${principal.workspaceId} and ${sql.ref(`${alias}.owner_id`)} = o.owner_id
          and ${sql.ref(`${alias}.deleted_at`)} is null and ${after}
        order by ${order} limit ${take}) s
      union all
      (select ${id}, ${sql.ref(`${alias}.updated_at`)} from ${t} ${a}
        where ${sql.ref(`${alias}.workspace_id`)} = ${principal.workspaceId} and ${id} = any(array(${sharedIdsSql(principal, objectType)}))
          and ${sql.ref(`${alias}.deleted_at`)} is null and ${notOwnedBy(alias, ownerIds)} and ${after}
        order by ${order} limit ${take})
    ) k
    order by k.updated_at ${sort.desc ? sql`desc` : sql`asc`}, k.id ${sort.desc ? sql`desc` : sql`asc`} limit ${take}))`;
}

/**
 * The capped count of a scoped, unfiltered list, in two index-only parts: the rows of the reader's
 * owners (from the owner index) and the shared rows of other owners. The single OR'ed count had to visit
 * the heap row of each of up to 10,001 records.
 */
export function ownerStreamsCountFrom(input: OwnerStreamsInput): RawBuilder<unknown> | null {
  const { table, alias, principal, ownerIds } = input;
  if (!applies(input) || ownerIds === null) return null;
  const t = sql.table(table);
  const a = sql.id(alias);
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  return sql`from (
      select ${ref('id')} from ${t} ${a}
      where ${ref('workspace_id')} = ${principal.workspaceId} and ${ref('owner_id')} = any(${ownerIds}::bigint[]) and ${ref('deleted_at')} is null
      union all
      select ${ref('id')} from ${t} ${a}
      where ${ref('workspace_id')} = ${principal.workspaceId} and ${ref('id')} = any(array(${sharedIdsSql(principal, table)}))
        and ${ref('deleted_at')} is null and ${notOwnedBy(alias, ownerIds)}
    ) ${a}`;
}

/** The shared arm leaves out what an owner's stream already holds: a duplicate would take a page slot. */
function notOwnedBy(alias: string, ownerIds: string[]): RawBuilder<boolean> {
  return sql<boolean>`not coalesce(${sql.ref(`${alias}.owner_id`)} = any(${ownerIds}::bigint[]), false)`;
}
