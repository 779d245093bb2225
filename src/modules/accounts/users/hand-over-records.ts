import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit, recordAuditMany } from '../../../platform/audit/audit.ts';
import { findUser } from './user-json.ts';

/**
 * Every kind of record a user can own. A new record type with an owner joins the hand-over by adding
 * one entry here. The table must have workspace_id, id, version and updated_at; names are constants,
 * never input, so they can be spliced into SQL as identifiers.
 */
export const OWNED_RECORD_TYPES = [
  { key: 'contacts', table: 'contacts', column: 'owner_id', objectType: 'contacts', openOnly: null },
  { key: 'companies', table: 'companies', column: 'owner_id', objectType: 'companies', openOnly: null },
  { key: 'orders', table: 'orders', column: 'owner_id', objectType: 'orders', openOnly: null },
  // finished tasks stay with whoever did them: they are history, not work to pick up
  { key: 'tasks', table: 'tasks', column: 'assignee_id', objectType: 'tasks', openOnly: 'done = false' },
] as const;

export type HandoverKey = (typeof OWNED_RECORD_TYPES)[number]['key'] | 'shares';
export type HandoverResult = { moved: Record<HandoverKey, number> };

/** What a hand-over reports it moved: each owned record type, then the shares (协作人) of the leaving user. */
export const HANDOVER_KEYS: readonly HandoverKey[] = [...OWNED_RECORD_TYPES.map((t) => t.key), 'shares'];

/**
 * 离职交接: moves everything `fromUserId` owns to `toUserId` in one transaction, so nobody ever sees a
 * half-moved book of business. Each moved record gets an audit row (its history shows the owner change)
 * and the user gets one summary row. Trashed records move too, so a restore does not revive an orphan.
 * Records shared with the leaving user (协作人) are shared with the successor instead, keeping the wider
 * access and the later expiry where the successor already had a share. Activities stay: like finished
 * tasks they record who did what.
 */
export async function handOverRecords(db: Db, principal: Principal, fromUserId: string, toUserId: string): Promise<HandoverResult> {
  const ws = principal.workspaceId;
  if (fromUserId === toUserId) {
    throw new AppError('BUSINESS_RULE_VIOLATED', 'Records cannot be handed over to the same user', { rule: 'handover_same_user', field: 'to_user_id' });
  }
  return db.transaction().execute(async (tx) => {
    // lock both users in id order, so two opposite hand-overs cannot deadlock
    const [first, second] = BigInt(fromUserId) < BigInt(toUserId) ? [fromUserId, toUserId] : [toUserId, fromUserId];
    const locked = [await findUser(tx, ws, first, { forUpdate: true }), await findUser(tx, ws, second, { forUpdate: true })];
    const from = locked.find((u) => u?.id === fromUserId);
    const to = locked.find((u) => u?.id === toUserId);
    if (!from) throw notFound('User');
    if (!to) throw new AppError('REFERENCE_INVALID', 'The target user does not exist', { field: 'to_user_id' });
    if (!to.active) {
      throw new AppError('BUSINESS_RULE_VIOLATED', 'Records can only be handed over to an active user', { rule: 'handover_target_inactive', field: 'to_user_id' });
    }
    const moved = {} as Record<HandoverKey, number>;
    for (const type of OWNED_RECORD_TYPES) {
      const owner = sql.ref(type.column);
      const { rows } = await sql<{ id: string }>`
        update ${sql.table(type.table)} set ${owner} = ${toUserId}, version = version + 1, updated_at = now()
        where workspace_id = ${ws} and ${owner} = ${fromUserId} ${type.openOnly ? sql`and ${sql.raw(type.openOnly)}` : sql``}
        returning id::text`.execute(tx);
      moved[type.key] = rows.length;
      await recordAuditMany(tx, ws, principal.userId, type.objectType, 'handover',
        rows.map((r) => ({ recordId: r.id, changes: { [type.column]: [fromUserId, toUserId] } })));
    }
    moved.shares = await moveShares(tx, ws, principal.userId, fromUserId, toUserId);
    await recordAudit(tx, {
      workspaceId: ws, objectType: 'user', recordId: fromUserId, actorId: principal.userId, action: 'handover',
      changes: { handed_over_to: [null, toUserId], moved: [null, moved] },
    });
    return { moved };
  });
}

/** Re-points the leaving user's live collaborator shares to the successor; one audit row per record. */
async function moveShares(tx: Tx, ws: string, actorId: string, fromUserId: string, toUserId: string): Promise<number> {
  const { rows } = await sql<{ object_type: string; record_id: string; access: string }>`
    with gone as (
      delete from record_collaborators where workspace_id = ${ws} and user_id = ${fromUserId}
        and (expires_at is null or expires_at > now())
      returning object_type, record_id, access, expires_at
    )
    insert into record_collaborators as rc (workspace_id, object_type, record_id, user_id, access, expires_at, created_by)
    select ${ws}, object_type, record_id, ${toUserId}, access, expires_at, ${actorId} from gone
    on conflict (workspace_id, object_type, record_id, user_id) do update
      set access = case when rc.access = 'write' or excluded.access = 'write' then 'write' else 'read' end,
          expires_at = case when rc.expires_at is null or excluded.expires_at is null then null else greatest(rc.expires_at, excluded.expires_at) end
    returning object_type, record_id::text, access`.execute(tx);
  // expired shares of the leaving user grant nothing: they go
  await sql`delete from record_collaborators where workspace_id = ${ws} and user_id = ${fromUserId}`.execute(tx);
  for (const objectType of new Set(rows.map((r) => r.object_type))) {
    await recordAuditMany(tx, ws, actorId, objectType, 'handover',
      rows.filter((r) => r.object_type === objectType).map((r) => ({ recordId: r.record_id, changes: { collaborator: [fromUserId, toUserId] } })));
  }
  return rows.length;
}
