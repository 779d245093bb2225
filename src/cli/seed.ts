import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { sql } from 'kysely';
import { seedCustomers, type SeedProgress } from '../modules/customers/index.ts';
import { emit } from './output.ts';
import { openRelataDatabase } from './open-database.ts';
import { resolveWorkspace } from './workspace-option.ts';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('generate realistic synthetic customers with orders, activities, notes and tasks')
    .requiredOption('--contacts <n>', 'number of contacts')
    .option('--orders-per-contact <k>', 'mean orders per contact', '5')
    .option('--workspace <id>')
    .option('--seed <n>', 'random seed (same seed, same data)', '42')
    .option('--rebuild-indexes', 'drop secondary indexes during the load and rebuild them after (large loads into a quiet database)')
    .option('--json', 'print JSON')
    .action(async (o: { contacts: string; ordersPerContact: string; workspace?: string; seed: string; rebuildIndexes?: boolean; json?: boolean }) => {
      const contacts = Number(o.contacts);
      const ordersPerContact = Number(o.ordersPerContact);
      if (!Number.isInteger(contacts) || contacts < 1) throw new Error('--contacts must be a positive integer');
      if (!Number.isFinite(ordersPerContact) || ordersPerContact < 0) throw new Error('--orders-per-contact must be a number ≥ 0');
      const database = await openRelataDatabase();
      try {
        const workspaceId = await resolveWorkspace(database.db, o.workspace);
        const { rows } = await sql<{ id: string }>`select id::text from users where workspace_id = ${workspaceId} and active order by id`.execute(database.db);
        // progress goes to stderr so that --json output stays one clean document on stdout
        const bar = new cliProgress.SingleBar(
          { format: '{phase} [{bar}] {percentage}% | {value}/{total} | {rate} rows/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        let phase = '';
        let phaseStarted = Date.now();
        const started = Date.now();
        const onProgress = (p: SeedProgress) => {
          if (p.phase !== phase) {
            if (phase) bar.stop();
            phase = p.phase;
            phaseStarted = Date.now();
            bar.start(Math.max(p.total, 1), 0, { phase: p.phase.padEnd(10), rate: 0 });
          }
          const rate = Math.round(p.done / Math.max((Date.now() - phaseStarted) / 1000, 0.001));
          bar.update(p.done, { phase: p.phase.padEnd(10), rate });
        };
        const result = await seedCustomers(database.db, {
          workspaceId,
          contacts,
          ordersPerContact,
          ownerIds: rows.map((r) => r.id),
          seed: Number(o.seed),
          pool: database.pool,
          rebuildIndexes: !!o.rebuildIndexes,
          onProgress,
        });
        if (phase) bar.stop();
        const total = (Date.now() - started) / 1000;
        emit(!!o.json, { workspace_id: workspaceId, ...result, total_seconds: total },
          `seeded ${result.contacts} contacts, ${result.companies} companies, ${result.orders} orders (${result.orderLines} lines), ` +
          `${result.activities} activities, ${result.notes} notes, ${result.tasks} tasks in ${total.toFixed(1)} s`);
      } finally {
        await database.shutdown();
      }
    });
}
