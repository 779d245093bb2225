import type { Command } from 'commander';
import { emit } from './output.ts';
import { openRelataDatabase } from './open-database.ts';
import { migrate } from '../platform/db/migrate.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const database = await openRelataDatabase({ migrate: false });
      try {
        const applied = await migrate(database.url);
        emit(!!options.json, { applied }, applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await database.shutdown();
      }
    });
}
