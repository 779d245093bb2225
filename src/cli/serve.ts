import type { Command } from 'commander';
import { buildServer } from '../server.ts';
import { seedDemoData } from '../modules/customers/index.ts';
import { Jobs } from '../platform/jobs/jobs.ts';
import { ensureFirstWorkspace } from './bootstrap.ts';
import { openRelataDatabase } from './open-database.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API, the web UI and the job workers')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--role <role>', 'api | worker | all', 'all')
    .action(async (options: { port?: string; role: string }) => {
      if (!['api', 'worker', 'all'].includes(options.role)) throw new Error('--role must be api, worker or all');
      const say = (line: string) => process.stdout.write(line + '\n');
      const database = await openRelataDatabase({ log: say });
      const { config } = database;
      const first = await ensureFirstWorkspace(database.db, config, say);
      if (first.created && config.demoData !== 'none') {
        const started = Date.now();
        // demo users (managers, sales reps …) get the admin's password so every data scope can be tried
        const demo = await seedDemoData(database.db, { workspaceId: first.workspaceId, adminId: first.adminId, size: config.demoData, password: first.password, pool: database.pool });
        say(`demo data (${config.demoData}): ${demo.users} users, ${demo.customers?.contacts ?? 0} contacts, ${demo.customers?.orders ?? 0} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      const jobs = new Jobs({ db: database.db });
      const app = await buildServer({ db: database.db, config, jobs, principalCache: config.principalCache });
      await jobs.start({ work: options.role !== 'api' });
      const port = options.port ? Number(options.port) : config.port;
      await app.listen({ port, host: config.host });
      say(`Relata is running at http://${['127.0.0.1', '0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host}:${port}`);

      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        say(`${signal}: stopping…`);
        await app.close();
        await jobs.stop();
        await database.shutdown();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });
}
