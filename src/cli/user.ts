import crypto from 'node:crypto';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { hashPassword } from '../modules/accounts/index.ts';
import { emit } from './output.ts';
import { openRelataDatabase } from './open-database.ts';
import { resolveWorkspace } from './workspace-option.ts';

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user (the password is generated and printed when not given)')
    .requiredOption('--email <email>')
    .option('--name <name>')
    .option('--password <password>')
    .option('--role <key>', 'role key: admin, manager, sales, marketing, service, analyst, viewer', 'sales')
    .option('--workspace <id>')
    .option('--json', 'print JSON')
    .action(async (o: { email: string; name?: string; password?: string; role: string; workspace?: string; json?: boolean }) => {
      const database = await openRelataDatabase();
      try {
        const workspaceId = await resolveWorkspace(database.db, o.workspace);
        const password = o.password ?? crypto.randomBytes(12).toString('base64url');
        if (password.length < 8) throw new Error('the password must have at least 8 characters');
        const hash = await hashPassword(password);
        const { rows } = await sql<{ id: string }>`
          insert into users (workspace_id, email, name, password_hash, role_id, department_id)
          select ${workspaceId}, ${o.email.toLowerCase()}, ${o.name ?? o.email.split('@')[0] ?? o.email}, ${hash}, r.id,
                 (select d.id from departments d where d.workspace_id = ${workspaceId} and d.parent_id is null order by d.id limit 1)
          from roles r where r.workspace_id = ${workspaceId} and r.key = ${o.role}
          on conflict (email) do nothing
          returning id::text`.execute(database.db);
        const row = rows[0];
        if (!row) throw new Error(`could not create ${o.email}: the email is taken or the role "${o.role}" does not exist`);
        const out = { id: row.id, email: o.email.toLowerCase(), role: o.role, workspace_id: workspaceId, ...(o.password ? {} : { password }) };
        emit(!!o.json, out, `created user ${out.email} (id ${row.id}, role ${o.role})${o.password ? '' : `, password: ${password}`}`);
      } finally {
        await database.shutdown();
      }
    });
}
