import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DEFAULT_ROLES } from '../roles/default-roles.ts';

export type NewWorkspace = {
  name: string;
  adminEmail: string;
  adminName: string;
  adminPassword: string;
  timezone?: string;
  currency?: string;
  defaultRegion?: string;
  locale?: string;
};

/** A workspace with its default roles, a root department and its first administrator, in one transaction. */
export async function createWorkspace(db: Db, input: NewWorkspace): Promise<{ workspaceId: string; adminId: string; departmentId: string }> {
  const passwordHash = await hashPassword(input.adminPassword);
  return db.transaction().execute(async (tx) => {
    const ws = await sql<{ id: string }>`
      insert into workspaces (name, timezone, currency, default_region, locale)
      values (${input.name}, ${input.timezone ?? 'Asia/Shanghai'}, ${input.currency ?? 'CNY'}, ${input.defaultRegion ?? 'CN'}, ${input.locale ?? 'zh-CN'})
      returning id::text`.execute(tx);
    const workspaceId = ws.rows[0]!.id;
    for (const role of DEFAULT_ROLES) {
      await sql`insert into roles (workspace_id, key, name, permissions, is_system)
                values (${workspaceId}, ${role.key}, ${role.name}, ${JSON.stringify(role.permissions)}::jsonb, true)`.execute(tx);
    }
    const dept = await sql<{ id: string }>`
      insert into departments (workspace_id, name) values (${workspaceId}, ${input.name}) returning id::text`.execute(tx);
    const departmentId = dept.rows[0]!.id;
    const admin = await sql<{ id: string }>`
      insert into users (workspace_id, email, name, password_hash, department_id, role_id)
      select ${workspaceId}, ${input.adminEmail.toLowerCase()}, ${input.adminName}, ${passwordHash}, ${departmentId}, id
      from roles where workspace_id = ${workspaceId} and key = 'admin'
      returning id::text`.execute(tx);
    return { workspaceId, adminId: admin.rows[0]!.id, departmentId };
  });
}
