import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { batchJson, createImport, IMPORT_MODES, IMPORT_OBJECTS, loadBatch, undoImport, type ImportBatchRow, type ImportMode, type ImportObject } from '../modules/data/index.ts';
import { Worker } from 'node:worker_threads';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker.ts';
import { actingUser } from './acting-user.ts';
import { emit, fail } from './output.ts';
import { principalFor, withDatabase } from './with-database.ts';

type Common = { as?: string; workspace?: string; json?: boolean };
type ImportOptions = Common & {
  map?: string; mode?: string; match?: string; createCustomFields?: boolean; identifierFields?: string; allOrNothing?: boolean; createMissingContacts?: boolean;
};

/** The import worker's heap cap: twice what a 6M-row import was seen to keep alive. */
const WORKER_HEAP_MB = 192;
/**
 * Its young generation: every converted row is garbage a moment later, and with a worker's default
 * (a few MB) the scavenger ran so often that it took 12.5 % of a 200k-row import; at 32 MB, 6.8 %,
 * and the import took 25 % less time (43.7 → 32.7 s).
 */
const WORKER_YOUNG_MB = 32;

/** Runs the engine on a worker thread (see import-worker.ts), resolving with the finished batch. */
function runInWorker(data: ImportWorkerData, onProgress: (done: number, total: number | null, phase: string) => void) {
  return new Promise<ImportBatchRow>((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    let settled = false;
    worker.on('message', (m: ImportWorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done, m.total, m.phase);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.batch);
      } else {
        settled = true;
        reject(Object.assign(new Error(m.message), { code: m.code ?? undefined }));
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the import worker stopped (exit code ${code})`));
    });
  });
}

/** Runs a batch with a progress bar on stderr (stdout stays one JSON document with --json). */
async function runWithBar(url: string, workspaceId: string, batchId: string, label: string) {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted} | {phase}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let barStarted = false;
  try {
    const batch = await runInWorker({ url, workspaceId, batchId }, (done, total, phase) => {
      const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
      if (!barStarted) bar.start(Math.max(total ?? done, 1), 0, { rate, phase });
      barStarted = true;
      if (total !== null) bar.setTotal(Math.max(total, done, 1));
      bar.update(done, { rate, phase });
    });
    return { batch, seconds: Math.round((Date.now() - started) / 100) / 10 };
  } finally {
    bar.stop();
  }
}

/** The process's peak resident memory: imports must stay bounded whatever the file size. */
function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function summary(b: ReturnType<typeof batchJson>, seconds: number): string {
  const lines = [`import ${b.id} ${b.status}: ${b.rows_created} created, ${b.rows_updated} updated, ${b.rows_unchanged} unchanged, ${b.rows_failed} failed (${seconds} s)`];
  if (b.error) lines.push(`${b.error.code}: ${b.error.message}`);
  if (b.rows_failed > 0) lines.push(`error report: GET /api/v1/imports/${b.id}/errors.csv`);
  return lines.join('\n');
}

export function registerImport(program: Command): void {
  const command = program.command('import').description('import contacts, companies, orders or products from CSV/XLSX; undo or resume an import');
  for (const object of IMPORT_OBJECTS) {
    command
      .command(object)
      .description(`import ${object} from a CSV or XLSX file (UTF-8 or GBK/GB18030)`)
      .argument('<file>', 'CSV or XLSX file')
      .option('--map <file.json>', 'column mapping {"header": "field" | null}; default: headers matching field names and aliases (中文 too)')
      .option('--mode <mode>', `${IMPORT_MODES.join(' | ')} (default: upsert when a match key column exists, else create)`)
      .option('--match <key>', 'natural key to match existing records (contacts: external_id, email, phone)')
      .option('--create-custom-fields', 'turn unmapped columns into custom fields with inferred types')
      .option('--identifier-fields <keys>', 'comma-separated custom fields to flag as identifiers (member no., ID number …)')
      .option('--all-or-nothing', 'load nothing when any row fails')
      .option('--create-missing-contacts', 'orders: create a minimal contact when the customer key matches nobody')
      .option('--as <email>', 'act as this user (default: the first administrator of the workspace)')
      .option('--workspace <id>')
      .option('--json', 'print JSON')
      .action(async (file: string, o: ImportOptions) => {
        const json = !!o.json;
        const mode = o.mode === undefined ? undefined : IMPORT_MODES.find((m): m is ImportMode => m === o.mode);
        if (o.mode !== undefined && !mode) fail(`unknown mode "${o.mode}": use ${IMPORT_MODES.join(', ')}`, 'CLI_ERROR', json);
        const resolved = path.resolve(file);
        if (!fs.existsSync(resolved)) fail(`no file ${resolved}`, 'CLI_ERROR', json);
        let mapping: Record<string, string | null> | undefined;
        if (o.map) {
          try {
            mapping = JSON.parse(fs.readFileSync(path.resolve(o.map), 'utf8')) as Record<string, string | null>;
          } catch (error) {
            fail(`cannot read the mapping file: ${error instanceof Error ? error.message : String(error)}`, 'IMPORT_MAPPING_INVALID', json);
          }
        }
        await withDatabase(json, async (db, url) => {
          const principal = await principalFor(db, o);
          const { batchId } = await createImport(db, principal, {
            object: object as ImportObject, path: resolved, fileName: path.basename(resolved), mapping, mode, match: o.match ?? null,
            createCustomFields: !!o.createCustomFields, identifierFields: o.identifierFields?.split(',').map((k) => k.trim()).filter(Boolean),
            allOrNothing: !!o.allOrNothing, createMissingContacts: !!o.createMissingContacts,
          });
          if (!json) process.stderr.write(`import ${batchId}: if interrupted, continue with "relata import resume ${batchId}"\n`);
          const { batch, seconds } = await runWithBar(url, principal.workspaceId, batchId, object);
          const out = batchJson(batch);
          emit(json, { ...out, seconds, peak_rss_mb: peakRssMb() }, summary(out, seconds));
          if (batch.status === 'failed') process.exitCode = 1;
        });
      });
  }
  command
    .command('resume')
    .description('continue an import that was interrupted (killed process, lost connection)')
    .argument('<batch>', 'import batch id')
    .option('--workspace <id>')
    .option('--json', 'print JSON')
    .action(async (batchId: string, o: Common) => {
      const json = !!o.json;
      await withDatabase(json, async (db, url) => {
        const { workspaceId } = await actingUser(db, undefined, o.workspace);
        const { batch, seconds } = await runWithBar(url, workspaceId, batchId, 'resume');
        const out = batchJson(batch);
        emit(json, { ...out, seconds, peak_rss_mb: peakRssMb() }, summary(out, seconds));
      });
    });
  command
    .command('undo')
    .description('undo an import: remove what it created (custom fields too), restore what it updated (later edits are kept and reported)')
    .argument('<batch>', 'import batch id')
    .option('--as <email>')
    .option('--workspace <id>')
    .option('--json', 'print JSON')
    .action(async (batchId: string, o: Common) => {
      const json = !!o.json;
      await withDatabase(json, async (db) => {
        const principal = await principalFor(db, o);
        await loadBatch(db, principal.workspaceId, batchId);
        const result = await undoImport(db, principal, batchId);
        emit(json, result, `undone: ${result.removed} removed, ${result.restored} restored, ${result.fields_removed} custom fields removed, ${result.conflicts.length} kept (edited or in use since)`);
      });
    });
}
