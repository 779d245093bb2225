import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { ADMIN_ROLE_KEY } from '../roles/role-json.ts';
import { assertAnotherActiveAdmin, roleKeyOf } from './user-references.ts';
import { findUser, type UserJson } from './user-json.ts';

/**
 * 停用: the user can no longer sign in, their sessions end at once and their API keys are revoked (a key
 * outliving its owner's departure is the classic leak). Their records stay theirs until a hand-over.
 */
export async function deactivateUser(db: Db, principal: Principal, id: string): Promise<UserJson> {
  const ws = principal.workspaceId;
  if (id === principal.userId) {
    throw new AppError('BUSINESS_RULE_VIOLATED', 'You cannot deactivate yourself', { rule: 'deactivate_self' });
  }
  return db.transaction().execute(async (tx) => {
    const before = await findUser(tx, ws, id, { forUpdate: true });
    if (!before) throw notFound('User');
    if (before.active) {
      if ((await roleKeyOf(tx, ws, before.role_id)) === ADMIN_ROLE_KEY) await assertAnotherActiveAdmin(tx, ws, id);
      await sql`update users set active = false, deactivated_at = now(), version = version + 1, updated_at = now()
                where workspace_id = ${ws} and id = ${id}`.execute(tx);
      await sql`delete from sessions where workspace_id = ${ws} and user_id = ${id}`.execute(tx);
      const revoked = await sql<{ id: string }>`update api_keys set revoked_at = now()
                where workspace_id = ${ws} and user_id = ${id} and revoked_at is null returning id::text`.execute(tx);
      await recordAudit(tx, {
        workspaceId: ws, objectType: 'user', recordId: id, actorId: principal.userId, action: 'deactivate',
        changes: { active: [true, false], revoked_api_keys: [null, revoked.rows.map((r) => r.id)] },
      });
    }
    const user = await findUser(tx, ws, id);
    if (!user) throw notFound('User');
    return user;
  });
}

export async function reactivateUser(db: Db, principal: Principal, id: string): Promise<UserJson> {
  const ws = principal.workspaceId;
  return db.transaction().execute(async (tx) => {
    const before = await findUser(tx, ws, id, { forUpdate: true });
    if (!before) throw notFound('User');
    if (!before.active) {
      // revoked API keys stay revoked: the user makes new ones
      await sql`update users set active = true, deactivated_at = null, version = version + 1, updated_at = now()
                where workspace_id = ${ws} and id = ${id}`.execute(tx);
      await recordAudit(tx, { workspaceId: ws, objectType: 'user', recordId: id, actorId: principal.userId, action: 'reactivate', changes: { active: [false, true] } });
    }
    const user = await findUser(tx, ws, id);
    if (!user) throw notFound('User');
    return user;
  });
}
