import { sql } from 'kysely';
import validator from 'validator';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { lockOrgTree } from '../departments/org-tree.ts';
import { checkUserLinks } from './user-references.ts';
import { findUser, type UserJson } from './user-json.ts';

export type NewUser = {
  name: string;
  email: string;
  /** Without one the user exists (owner pickers, hand-over targets) but cannot sign in until an admin sets it. */
  password?: string;
  department_id?: string | null;
  manager_id?: string | null;
  role_id?: string;
  locale?: string | null;
};

/** The role a user gets when the form leaves it out: the narrowest everyday role, never admin. */
const DEFAULT_ROLE_KEY = 'sales';

export function normaliseEmail(email: string): string {
  const value = email.normalize('NFC').trim().toLowerCase();
  if (!validator.isEmail(value)) throw new AppError('VALIDATION_FAILED', `"${email}" is not a valid email address`, { field: 'email' });
  return value;
}

export async function createUser(db: Db, principal: Principal, input: NewUser): Promise<UserJson> {
  const ws = principal.workspaceId;
  const email = normaliseEmail(input.email);
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new AppError('FIELD_REQUIRED', 'A user needs a name', { field: 'name' });
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    await lockOrgTree(tx, ws);
    let roleId = input.role_id;
    if (!roleId) {
      const { rows } = await sql<{ id: string }>`select id::text from roles where workspace_id = ${ws} and key = ${DEFAULT_ROLE_KEY}`.execute(tx);
      roleId = rows[0]?.id;
      if (!roleId) throw new AppError('FIELD_REQUIRED', 'Choose a role for the user', { field: 'role_id' });
    }
    const links = { department_id: input.department_id ?? null, manager_id: input.manager_id ?? null, role_id: roleId };
    await checkUserLinks(tx, ws, null, links);
    // emails are unique across workspaces because sign-in is by email alone
    const { rows } = await sql<{ id: string }>`
      insert into users (workspace_id, email, name, password_hash, department_id, manager_id, role_id, locale)
      values (${ws}, ${email}, ${name}, ${passwordHash}, ${links.department_id}, ${links.manager_id}, ${links.role_id}, ${input.locale ?? null})
      on conflict (email) do nothing returning id::text`.execute(tx);
    const id = rows[0]?.id;
    if (!id) throw new AppError('UNIQUE_VIOLATION', `A user with the email ${email} already exists`, { field: 'email' });
    await recordAudit(tx, {
      workspaceId: ws, objectType: 'user', recordId: id, actorId: principal.userId, action: 'create',
      changes: { email: [null, email], name: [null, name], department_id: [null, links.department_id], manager_id: [null, links.manager_id], role_id: [null, links.role_id] },
    });
    const created = await findUser(tx, ws, id);
    if (!created) throw notFound('User');
    return created;
  });
}
