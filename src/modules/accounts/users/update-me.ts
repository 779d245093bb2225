import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { sha256 } from '../auth/tokens.ts';
import { findUser, type UserJson } from './user-json.ts';

export type MePatch = { name?: string; locale?: string | null; password?: string; current_password?: string };

/**
 * The signed-in user's own profile. A new password needs the current one (a borrowed, unlocked session
 * must not be enough to take the account over) and ends every other session of the user.
 */
export async function updateMe(db: Db, principal: Principal, patch: MePatch, currentSessionToken: string | undefined): Promise<UserJson> {
  const ws = principal.workspaceId;
  const me = principal.userId;
  let passwordHash: string | null = null;
  if (patch.password !== undefined) {
    if (!patch.current_password) throw new AppError('FIELD_REQUIRED', 'Enter your current password to set a new one', { field: 'current_password' });
    const { rows } = await sql<{ password_hash: string | null }>`select password_hash from users where workspace_id = ${ws} and id = ${me}`.execute(db);
    if (!(await verifyPassword(rows[0]?.password_hash ?? null, patch.current_password))) {
      throw new AppError('CURRENT_PASSWORD_WRONG', 'The current password is wrong', { field: 'current_password' });
    }
    passwordHash = await hashPassword(patch.password);
  }
  return db.transaction().execute(async (tx) => {
    const before = await findUser(tx, ws, me, { forUpdate: true });
    if (!before) throw notFound('User');
    const name = patch.name === undefined ? before.name : patch.name.normalize('NFC').trim();
    if (!name) throw new AppError('FIELD_REQUIRED', 'Your name cannot be empty', { field: 'name' });
    const after = { name, locale: patch.locale === undefined ? before.locale : patch.locale };
    const changes = diffFields(before, after, ['name', 'locale']);
    await sql`update users set name = ${after.name}, locale = ${after.locale}, password_hash = coalesce(${passwordHash}, password_hash),
              version = version + 1, updated_at = now() where workspace_id = ${ws} and id = ${me}`.execute(tx);
    if (passwordHash) {
      const keep = currentSessionToken ? sha256(currentSessionToken) : null;
      await sql`delete from sessions where workspace_id = ${ws} and user_id = ${me} and (${keep}::bytea is null or token_hash <> ${keep})`.execute(tx);
      changes['password'] = ['[redacted]', '[redacted]'];
    }
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { workspaceId: ws, objectType: 'user', recordId: me, actorId: me, action: 'update', changes });
    }
    const updated = await findUser(tx, ws, me);
    if (!updated) throw notFound('User');
    return updated;
  });
}
