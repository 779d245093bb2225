/**
 * The data benchmark (issue 4): a dirty 1M-row contacts CSV imported with `relata import` against the
 * physical floor (COPY of the same file into a bare table, same run), a 6M-row import (time, peak RSS),
 * a dedupe scan over the 1M contacts, FEBRL precision/recall/F1, and a 1M-contact CSV export.
 *
 *   npm run bench:data -- [--rows 1000000] [--big-rows 6000000] [--skip-big] [--json]
 *
 * Everything runs on a fresh embedded PostgreSQL; the CLI runs as child processes (as a user would run
 * it), so their peak RSS is their own. The last line with --json holds every figure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { createWorkspace } from '../src/modules/accounts/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { writeDirtyContacts } from './dirty-contacts.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.join(HERE, '..', 'bin', 'relata.mjs');
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'big-rows': { type: 'string', default: '6000000' },
    'skip-big': { type: 'boolean', default: false },
    'skip-febrl': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const BIG_ROWS = Number(args['big-rows']);
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-bench-data-'));
const filesDir = path.join(dataDir, 'files');
fs.mkdirSync(filesDir);
log(`embedded PostgreSQL in ${dataDir}`);
const pgHandle = await startEmbeddedPostgres({ dataDir, database: 'relata_bench' });
const figures: Record<string, number | string | null> = { rows: ROWS };
try {
  await migrate(pgHandle.url);
  const database = openDatabase(pgHandle.url, { max: 4 });
  const env = { ...process.env, DATABASE_URL: pgHandle.url, LOG_LEVEL: 'warn' };
  const cli = (...cliArgs: string[]) => {
    const started = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...cliArgs, '--json'], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) throw new Error(`relata ${cliArgs.join(' ')} failed: ${r.stdout}`);
    return { seconds, out: JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown> };
  };

  const file = path.join(filesDir, 'contacts-1m.csv');
  log(`writing ${ROWS} dirty contacts to ${file}`);
  const written = await writeDirtyContacts(file, ROWS, 7);
  figures.file_mb = Math.round(written.bytes / 1048576);
  figures.duplicate_rows = written.duplicates;

  // the physical floor: COPY of the same file into a bare table with the same (text) columns
  await database.pool.query(`create table bare_copy (${written.headers.map((h) => `"${h}" text`).join(', ')})`);
  const client = await database.pool.connect();
  const copyStarted = performance.now();
  try {
    await pipeline(fs.createReadStream(file), client.query(copyFrom(`copy bare_copy from stdin with (format csv, header true)`)));
  } finally {
    client.release();
  }
  const copySeconds = (performance.now() - copyStarted) / 1000;
  figures.copy_seconds = round(copySeconds);
  figures.copy_rows_per_s = Math.round(ROWS / copySeconds);
  log(`raw COPY: ${figures.copy_rows_per_s} rows/s`);

  const ws = await createWorkspace(database.db, { name: 'Bench Data', adminEmail: 'admin@bench.example', adminName: 'Admin', adminPassword: 'Bench-Password-1' });
  log('relata import (1M)');
  const imported = cli('import', 'contacts', file, '--workspace', ws.workspaceId);
  figures.import_seconds = round(imported.seconds);
  figures.import_rows_per_s = Math.round(ROWS / imported.seconds);
  figures.import_created = Number(imported.out.rows_created);
  figures.import_failed = Number(imported.out.rows_failed);
  figures.import_peak_rss_mb = Number(imported.out.peak_rss_mb ?? null);
  figures.import_vs_copy_ratio = round(copySeconds / imported.seconds, 3);
  log(`import: ${figures.import_rows_per_s} rows/s, ratio to COPY ${figures.import_vs_copy_ratio}`);

  log('relata export (1M contacts to CSV)');
  const exported = cli('export', 'contacts', '--format', 'csv', '--output', path.join(filesDir, 'export.csv'), '--workspace', ws.workspaceId);
  figures.export_rows = Number(exported.out.rows);
  figures.export_rows_per_s = Math.round(Number(exported.out.rows) / exported.seconds);

  const scan = spawnSync(process.execPath, [BIN, 'dedupe', 'scan', '--workspace', ws.workspaceId, '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (scan.status === 0) {
    const out = JSON.parse(scan.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    figures.dedupe_scan_seconds = Number(out.seconds ?? null);
    figures.dedupe_pairs = Number(out.pairs ?? null);
  } else {
    figures.dedupe_scan_seconds = null;
    log(`dedupe scan failed: ${scan.stdout}`);
  }

  if (!args['skip-febrl']) {
    const febrl = spawnSync(process.execPath, [path.join(HERE, 'febrl.ts'), '--json'], { env: { ...process.env, LOG_LEVEL: 'warn' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (febrl.status === 0) {
      const out = JSON.parse(febrl.stdout.trim().split('\n').pop()!) as Record<string, number>;
      for (const [k, v] of Object.entries(out)) if (typeof v === 'number') figures[`febrl_${k}`] = v;
    } else {
      log(`febrl failed: ${febrl.stdout}`);
    }
  }

  if (!args['skip-big']) {
    const big = path.join(filesDir, 'contacts-big.csv');
    log(`writing ${BIG_ROWS} dirty contacts`);
    await writeDirtyContacts(big, BIG_ROWS, 11);
    const ws2 = await createWorkspace(database.db, { name: 'Bench Big', adminEmail: 'admin@big.example', adminName: 'Admin', adminPassword: 'Bench-Password-1' });
    log(`relata import (${BIG_ROWS})`);
    const bigRun = cli('import', 'contacts', big, '--workspace', ws2.workspaceId);
    figures.big_rows = BIG_ROWS;
    figures.big_import_seconds = round(bigRun.seconds);
    figures.big_import_rows_per_s = Math.round(BIG_ROWS / bigRun.seconds);
    figures.big_import_peak_rss_mb = Number(bigRun.out.peak_rss_mb ?? null);
  }
  await database.close();
} finally {
  await pgHandle.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const resultsDir = path.join(HERE, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19);
fs.writeFileSync(path.join(resultsDir, `data-${stamp}.json`), JSON.stringify({ ...figures, cpus: os.cpus().length, load: os.loadavg()[0] }, null, 2) + '\n');
for (const [k, v] of Object.entries(figures)) log(`${k}: ${v}`);
if (args.json) process.stdout.write(JSON.stringify(figures) + '\n');
