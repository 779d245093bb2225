import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { assertFieldsWritable, fieldAccess } from '../../accounts/index.ts';
import { recordStore, type RecordStore } from '../../customers/index.ts';
import { closePairs, PAIR_OBJECT } from './duplicate-pairs.ts';
import { mergeFields, permissionKeyOf, type MergeObject } from './merge-fields.ts';
import { moveReferences } from './move-references.ts';
import { planMerge, resolveChoices, type Side } from './plan-merge.ts';
import { selectMerge } from './list-merges.ts';
import type { MergeJson } from './merge.schemas.ts';

export type MergeInput = {
  object: MergeObject;
  survivor_id: string;
  merged_id: string;
  fields?: Record<string, Side>;
  pair_id?: string;
  survivor_version?: number;
  merged_version?: number;
};

/** Checks that need no database: the role may edit the object, two different records, and only editable fields chosen from the merged side. */
export function assertMergeAllowed(principal: Principal, input: MergeInput): void {
  if (!can(principal, input.object, 'edit')) {
    throw new AppError('PERMISSION_DENIED', `Your role may not edit ${input.object}`, { object: input.object, action: 'edit' });
  }
  if (input.survivor_id === input.merged_id) {
    throw new AppError('MERGE_SAME_RECORD', 'A record cannot be merged with itself', { id: input.survivor_id });
  }
  // taking a value from the merged record writes that field: a hidden or read-only field cannot be chosen
  const choices = resolveChoices(mergeFields(input.object), input.fields ?? {});
  const chosen = Object.entries(choices).filter(([, side]) => side === 'merged').map(([key]) => permissionKeyOf(input.object, key));
  assertFieldsWritable(principal, input.object, chosen);
}

/** A pair named in the request must be the pair of these two records (another workspace's pair is not found either). */
async function assertPairOf(tx: Tx, object: MergeObject, workspaceId: string, pairId: string, a: string, b: string): Promise<void> {
  const { rows } = await sql`select 1 from duplicate_pairs
    where workspace_id = ${workspaceId} and id = ${pairId} and object_type = ${PAIR_OBJECT[object]}
      and a_id = least(${a}::bigint, ${b}::bigint) and b_id = greatest(${a}::bigint, ${b}::bigint)`.execute(tx);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'Duplicate pair not found for these two records', { field: 'pair_id' });
}

/**
 * Merges one record into another in the caller's transaction: both locked (in id order, so two merges
 * of the same records cannot deadlock) and checked writable by the caller, every reference moved, the
 * merged record retired with a pointer to the survivor, the survivor's fields written through its own
 * update path (a field the caller may not write keeps the survivor's value), an alias kept for the old id
 * and external id, duplicate pairs decided, and one audit row on each record. Returns the merge's id.
 */
export async function mergeInTransaction(tx: Tx, principal: Principal, input: MergeInput): Promise<string> {
  const ws = principal.workspaceId;
  const { object, survivor_id: survivorId, merged_id: mergedId } = input;
  const store = recordStore(object);
  const fields = mergeFields(object);
  const locks: [string, number | undefined][] = [[survivorId, input.survivor_version], [mergedId, input.merged_version]];
  locks.sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1));
  for (const [id, version] of locks) await store.lock(tx, principal, id, version);

  if (input.pair_id !== undefined) await assertPairOf(tx, object, ws, input.pair_id, survivorId, mergedId);

  const survivor = await store.load(tx, ws, survivorId);
  const merged = await store.load(tx, ws, mergedId);
  const dangling = { survivor: await store.danglingReferences(tx, ws, survivor), merged: await store.danglingReferences(tx, ws, merged) };
  // the default rules (fill an empty field, unite tags and lists) never write a field the caller may not
  const writable = (permissionKey: string) => fieldAccess(principal, object, permissionKey) === 'editable';
  const plan = planMerge(fields, survivor, merged, input.fields ?? {}, dangling, writable);

  const { rows } = await sql<{ id: string }>`
    insert into merges (workspace_id, object_type, survivor_id, merged_id, merged_display_name, survivor_before, survivor_after, merged_before,
                        choices, pair_id, created_by)
    values (${ws}, ${object}, ${survivorId}, ${mergedId}, ${store.title(merged)}, ${JSON.stringify(survivor)}::jsonb, '{}'::jsonb,
            ${JSON.stringify(merged)}::jsonb, ${JSON.stringify(plan.outcomes)}::jsonb, ${input.pair_id ?? null}, ${principal.userId})
    returning id::text`.execute(tx);
  const mergeId = rows[0]!.id;
  const ids = { workspaceId: ws, mergeId, survivorId, mergedId };

  const moved = await moveReferences(tx, object, ids);
  // retired first: a unique custom field taken over from the merged record is then free for the survivor
  await store.retire(tx, principal, mergedId, survivorId);
  await store.patch(tx, principal, survivorId, plan.patch, { action: 'merge', extra: { merged_from: [null, mergedId] } });
  const after = await store.load(tx, ws, survivorId);
  await sql`insert into record_aliases (workspace_id, object_type, alias_id, survivor_id, alias_external_id, merge_id)
            values (${ws}, ${object}, ${mergedId}, ${survivorId}, ${merged.external_id ?? null}, ${mergeId})`.execute(tx);
  const closed = await closePairs(tx, object, { workspaceId: ws, survivorId, mergedId, actorId: principal.userId });
  await sql`update merges set survivor_after = ${JSON.stringify(after)}::jsonb, moved = ${JSON.stringify(moved)}::jsonb,
              closed_pairs = ${JSON.stringify(closed)}::jsonb
            where workspace_id = ${ws} and id = ${mergeId}`.execute(tx);
  return mergeId;
}

/** `POST /merges`: one merge, one transaction; answers with the merge and the survivor as GET returns it. */
export async function mergeRecords(db: Db, principal: Principal, input: MergeInput): Promise<{ merge: MergeJson; survivor: Awaited<ReturnType<RecordStore['select']>> }> {
  assertMergeAllowed(principal, input);
  return db.transaction().execute(async (tx) => {
    const mergeId = await mergeInTransaction(tx, principal, input);
    const survivor = await recordStore(input.object).select(tx, principal, input.survivor_id);
    return { merge: await selectMerge(tx, principal, input.object, mergeId), survivor };
  });
}
