import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadPrincipal } from '../modules/accounts/index.ts';
import { discardFile, EXPORT_FORMATS, EXPORT_OBJECTS, exportRecords, type ExportFormat, type ExportObject } from '../modules/customers/index.ts';
import { emit, fail } from './output.ts';
import { openRelataDatabase } from './open-database.ts';
import { actingUser } from './acting-user.ts';

type Options = { format: string; output: string; filter?: string; sort?: string; columns?: string; lines?: boolean; as?: string; workspace?: string; json?: boolean };

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export contacts, companies or orders to CSV or XLSX, with the data scope, hidden fields and masking of the acting user')
    .argument('<object>', EXPORT_OBJECTS.join(' | '))
    .requiredOption('--output <file>', 'file to write')
    .option('--format <format>', EXPORT_FORMATS.join(' | '), 'csv')
    .option('--filter <json>', 'filter in the list filter language, e.g. {"field":"city","op":"eq","value":"上海"}')
    .option('--sort <field>', 'sort field, - for descending (default: by id)')
    .option('--columns <list>', 'comma-separated columns, in order (default: all the user may read)')
    .option('--lines', 'orders: one row per order line')
    .option('--as <email>', 'act as this user (default: the first administrator of the workspace)')
    .option('--workspace <id>')
    .option('--json', 'print JSON')
    .action(async (objectArg: string, o: Options) => {
      const json = !!o.json;
      const object = EXPORT_OBJECTS.find((x): x is ExportObject => x === objectArg);
      if (!object) fail(`unknown object "${objectArg}": use ${EXPORT_OBJECTS.join(', ')}`, 'CLI_ERROR', json);
      const format = EXPORT_FORMATS.find((x): x is ExportFormat => x === o.format);
      if (!format) fail(`unknown format "${o.format}": use ${EXPORT_FORMATS.join(' or ')}`, 'CLI_ERROR', json);
      if (o.lines && object !== 'orders') fail('--lines applies to orders only', 'CLI_ERROR', json);
      const file = path.resolve(o.output);
      const database = await openRelataDatabase();
      let bar: cliProgress.SingleBar | undefined;
      let failure: unknown;
      try {
        const acting = await actingUser(database.db, o.as, o.workspace);
        const principal = await loadPrincipal(database.db, acting.workspaceId, acting.userId);
        if (!principal) throw new Error('the acting user is not active');
        // progress goes to stderr so that --json output stays one clean document on stdout
        bar = new cliProgress.SingleBar(
          { format: `${object} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        const started = Date.now();
        let barStarted = false;
        const out = fs.createWriteStream(file);
        const columns = o.columns?.split(',').map((c) => c.trim()).filter((c) => c !== '');
        const result = await exportRecords(database.db, principal, { object, format, filter: o.filter, sort: o.sort, columns, lines: !!o.lines }, out, {
          onProgress: (done, total) => {
            if (!barStarted) bar?.start(Math.max(total, 1), 0, { rate: 0 });
            barStarted = true;
            bar?.update(done, { rate: Math.round(done / Math.max((Date.now() - started) / 1000, 0.001)) });
          },
        }).catch(async (error: unknown) => {
          await discardFile(out, file);
          throw error;
        });
        bar.stop();
        const seconds = Math.round((Date.now() - started) / 100) / 10;
        emit(json, { rows: result.rows, file, seconds }, `exported ${result.rows} ${object} to ${file} in ${seconds} s`);
      } catch (error) {
        bar?.stop();
        failure = error;
      } finally {
        await database.shutdown();
      }
      if (failure !== undefined) {
        // refusals keep their stable code (FILTER_INVALID, PERMISSION_DENIED, EXPORT_TOO_LARGE …)
        const code = (failure as { code?: unknown }).code;
        fail(failure instanceof Error ? failure.message : String(failure), typeof code === 'string' ? code : 'CLI_ERROR', json);
      }
    });
}
