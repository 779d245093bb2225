import type { Command } from 'commander';
import { sql } from 'kysely';
import { createApiKey } from '../modules/accounts/index.ts';
import { emit } from './output.ts';
import { openRelataDatabase } from './open-database.ts';

export function registerApiKey(program: Command): void {
  const apikey = program.command('apikey').description('manage API keys');
  apikey
    .command('create')
    .description('create an API key for a user and print it (shown once)')
    .requiredOption('--user <email>')
    .requiredOption('--name <name>')
    .option('--scopes <list>', 'comma-separated, e.g. contacts:read,orders:write (default: the user\'s full permissions)')
    .option('--json', 'print JSON')
    .action(async (o: { user: string; name: string; scopes?: string; json?: boolean }) => {
      const database = await openRelataDatabase();
      try {
        const { rows } = await sql<{ id: string; workspace_id: string }>`
          select id::text, workspace_id::text from users where email = ${o.user.toLowerCase()} and active`.execute(database.db);
        const user = rows[0];
        if (!user) throw new Error(`no active user ${o.user}`);
        const scopes = o.scopes ? o.scopes.split(',').map((s) => s.trim()).filter(Boolean) : [];
        const key = await createApiKey(database.db, { workspaceId: user.workspace_id, userId: user.id, name: o.name, scopes, actorId: null });
        emit(!!o.json, key, key.key);
      } finally {
        await database.shutdown();
      }
    });
}
