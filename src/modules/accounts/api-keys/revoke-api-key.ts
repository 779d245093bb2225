import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { findApiKey, type ApiKeyJson } from './api-key-json.ts';

/** Revoking is final and idempotent; the row stays so the list shows when a key died. */
export async function revokeApiKey(db: Db, principal: Principal, id: string): Promise<ApiKeyJson> {
  // settings administrators may revoke anyone's key (a leak reported by a colleague); others only their own
  const onlyUser = can(principal, 'settings', 'edit') ? null : principal.userId;
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: string }>`
      update api_keys set revoked_at = coalesce(revoked_at, now())
      where workspace_id = ${principal.workspaceId} and id = ${id} ${onlyUser ? sql`and user_id = ${onlyUser}` : sql``}
      returning id::text`.execute(tx);
    if (!rows[0]) throw notFound('API key');
    await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'api_key', recordId: id, actorId: principal.userId, action: 'revoke' });
    const key = await findApiKey(tx, principal.workspaceId, id, null);
    if (!key) throw notFound('API key');
    return key;
  });
}
