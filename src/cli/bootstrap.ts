import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../platform/config/config.ts';
import type { Db } from '../platform/db/database.ts';
import { createWorkspace } from '../modules/accounts/index.ts';

export const DEMO_ADMIN_EMAIL = 'admin@example.com';

/**
 * First start: a demo workspace with an administrator. The password is RELATA_ADMIN_PASSWORD, or
 * generated and printed once (it is stored only as an argon2id hash). Later starts reuse the data.
 */
export async function ensureFirstWorkspace(db: Db, config: Config, print: (line: string) => void): Promise<{ created: boolean; workspaceId: string; adminId: string; password?: string }> {
  const { rows } = await sql<{ id: string; admin_id: string | null }>`
    select w.id::text, (select u.id::text from users u where u.workspace_id = w.id order by u.id limit 1) as admin_id
    from workspaces w order by w.id limit 1`.execute(db);
  if (rows[0]) return { created: false, workspaceId: rows[0].id, adminId: rows[0].admin_id ?? '' };
  const password = config.adminPassword ?? crypto.randomBytes(12).toString('base64url');
  const ws = await createWorkspace(db, {
    name: 'Relata 演示 Demo',
    adminEmail: DEMO_ADMIN_EMAIL,
    adminName: '管理员 Admin',
    adminPassword: password,
  });
  if (!config.adminPassword) {
    print(`Created ${DEMO_ADMIN_EMAIL} with the generated password: ${password}`);
    print('(shown once; set RELATA_ADMIN_PASSWORD to choose it yourself)');
  } else {
    print(`Created ${DEMO_ADMIN_EMAIL} with the password from RELATA_ADMIN_PASSWORD`);
  }
  return { created: true, workspaceId: ws.workspaceId, adminId: ws.adminId, password };
}
