import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
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

export type HandoverKey = (typeof OWNED_RECORD_TYPES)[number]['key'];
export type HandoverResult = { moved: Record<HandoverKey, number> };

/**
 * 离职交接: moves everything `fromUserId` owns to `toUserId` in one transaction, so nobody ever sees a
 * half-moved book of business. Each moved record gets an audit row (its history shows the owner change)
 * and the user gets one summary row. Trashed records move too, so a restore does not revive an orphan.
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
    await recordAudit(tx, {
      workspaceId: ws, objectType: 'user', recordId: fromUserId, actorId: principal.userId, action: 'handover',
      changes: { handed_over_to: [null, toUserId], moved: [null, moved] },
    });
    return { moved };
  });
}
