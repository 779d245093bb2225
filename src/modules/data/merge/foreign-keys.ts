import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { refreshContactAggregates } from '../../customers/index.ts';
import type { MergeObject } from './merge-fields.ts';

/** One column somewhere in the database that holds a foreign key to a contact (or company) id. */
export type Reference = {
  /** `orders`, or `schema.table` outside public */
  table: string;
  column: string;
  /** the row key recorded for undo: the primary key column besides workspace_id, when it is a single integer */
  keyColumn: string | null;
  hasWorkspace: boolean;
  /** the column is part of a primary key or unique index: one row per record (per-record state), never re-pointed blindly */
  perRecord: boolean;
};

type CatalogRow = {
  schema_name: string;
  table_name: string;
  column_name: string;
  has_workspace: boolean;
  per_record: boolean;
  pk_columns: string[] | null;
  pk_integer: boolean[] | null;
};

/**
 * Every column that references `object`'s id through a declared foreign key, read from pg_catalog at run
 * time: a table added later (tickets, opportunities …) with `foreign key (workspace_id, contact_id)
 * references contacts (workspace_id, id)` is re-pointed by a merge with no code change. The column that
 * maps onto the referenced `id` is the reference; `workspace_id` in the same key keeps it inside the tenant.
 */
export async function referencesTo(tx: Tx, object: MergeObject): Promise<Reference[]> {
  const { rows } = await sql<CatalogRow>`
    select n.nspname::text as schema_name, cl.relname::text as table_name, a.attname::text as column_name,
           exists (select 1 from pg_attribute w
                   where w.attrelid = c.conrelid and w.attname = 'workspace_id' and w.attnum > 0 and not w.attisdropped) as has_workspace,
           exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indisunique and a.attnum = any(i.indkey::int2[])) as per_record,
           (select array_agg(pa.attname::text order by pa.attnum) from pg_index pi
              join pg_attribute pa on pa.attrelid = pi.indrelid and pa.attnum = any(pi.indkey::int2[])
            where pi.indrelid = c.conrelid and pi.indisprimary) as pk_columns,
           (select array_agg(pa.atttypid in ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) order by pa.attnum) from pg_index pi
              join pg_attribute pa on pa.attrelid = pi.indrelid and pa.attnum = any(pi.indkey::int2[])
            where pi.indrelid = c.conrelid and pi.indisprimary) as pk_integer
    from pg_constraint c
    cross join lateral unnest(c.conkey, c.confkey) as k(src, dst)
    join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = k.dst and ra.attname = 'id'
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.src
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where c.contype = 'f' and c.confrelid = to_regclass(${object}::text)
    order by n.nspname, cl.relname, a.attname`.execute(tx);
  return rows.map((r) => {
    const keys = (r.pk_columns ?? []).map((name, i) => ({ name, integer: r.pk_integer?.[i] ?? false })).filter((k) => k.name !== 'workspace_id');
    const key = keys.length === 1 && keys[0]!.integer ? keys[0]!.name : null;
    return {
      table: r.schema_name === 'public' ? r.table_name : `${r.schema_name}.${r.table_name}`,
      column: r.column_name,
      keyColumn: key,
      hasWorkspace: r.has_workspace,
      perRecord: r.per_record,
    };
  });
}

/** What a merge does with a reference it must not re-point row by row, and why. */
export type SpecialReference =
  | { handling: 'skip'; reason: string }
  | { handling: 'recompute'; reason: string; recompute: (tx: Tx, workspaceId: string, id: string) => Promise<unknown> };

/**
 * The references a merge treats specially, by `table.column`. Everything not named here is re-pointed
 * (or, when it is per-record state the registry does not know, left with the merged record: nothing is
 * lost, and undo has nothing to move back).
 */
export const SPECIAL_REFERENCES: Record<string, SpecialReference> = {
  'contacts.merged_into_id': {
    handling: 'skip',
    reason: 'the pointer of an earlier merge into the merged record is history; old ids resolve through the chain, and undoing the later merge needs no rewrite',
  },
  'companies.merged_into_id': {
    handling: 'skip',
    reason: 'the pointer of an earlier merge into the merged record is history (see contacts.merged_into_id)',
  },
  'contact_aggregates.contact_id': {
    handling: 'recompute',
    reason: 'one row per contact (primary key): after the orders and activities move, both contacts are recomputed from them',
    recompute: (tx, workspaceId, id) => refreshContactAggregates(tx, workspaceId, { fromId: id, toId: id }),
  },
};

export function specialReference(ref: Reference): SpecialReference | undefined {
  return SPECIAL_REFERENCES[`${ref.table}.${ref.column}`];
}
