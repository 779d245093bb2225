/**
 * Duplicate detection quality on the FEBRL synthetic data sets 1–3 (Christen 2008; the files in
 * /work/shared/data/febrl): each file goes into a fresh workspace with the fixed field mapping below,
 * the scan runs at the workspace's default threshold, and the pairs it proposes are checked against
 * the ground truth in rec_id (`rec-<n>-org` and `rec-<n>-dup-<k>` with the same n are one person).
 * Recall counts every true pair of the file, including those whose records could not be loaded
 * (a birth date that does not exist is a row error, as in an import).
 *
 *   npm run bench:febrl [-- --json] [--datasets 1,2,3] [--dir /work/shared/data/febrl]
 *
 * DATABASE_URL set: the workspaces are created there (and removed afterwards); otherwise a fresh
 * embedded PostgreSQL in a temporary directory. Writes bench/results/febrl-<date>.json.
 *
 * Mapping: rec_id → external_id; given_name → first_name; surname → last_name; address_1 → street;
 * suburb → city; postcode; state → region; date_of_birth (YYYYMMDD) → birthday; street_number,
 * address_2 → custom text fields; soc_sec_id → custom text field flagged as identifier.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createWorkspace, loadPrincipal } from '../src/modules/accounts/index.ts';
import { createFieldDefinition } from '../src/modules/customers/index.ts';
import { createImport, runImport, scanDuplicates } from '../src/modules/data/index.ts';
import { openDatabase, type Db } from '../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    datasets: { type: 'string', default: '1,2,3' },
    dir: { type: 'string', default: '/work/shared/data/febrl' },
  },
});

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

type Row = { recId: string; cells: Record<string, string> };
type Loaded = { rows: number; loaded: number; rowErrors: number; truePairs: number };

const COLUMNS = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'] as const;

function readFebrl(file: string): Row[] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',').map((h) => h.trim());
  for (const c of COLUMNS) if (!header.includes(c)) throw new Error(`${file}: no column ${c}`);
  // FEBRL files have no quoting; a space follows each comma
  return lines.slice(1).map((line) => {
    const cells = line.split(',').map((c) => c.trim());
    const record = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    return { recId: record.rec_id ?? '', cells: record };
  });
}

function entity(recId: string): string {
  return recId.split('-')[1] ?? recId;
}

function countTruePairs(rows: readonly Row[]): number {
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(entity(r.recId), (sizes.get(entity(r.recId)) ?? 0) + 1);
  let pairs = 0;
  for (const n of sizes.values()) pairs += (n * (n - 1)) / 2;
  return pairs;
}

/** FEBRL's columns → Relata's fields (the mapping a user would save for these files). */
const MAPPING: Record<string, string> = {
  rec_id: 'external_id', given_name: 'first_name', surname: 'last_name', street_number: 'attributes.street_number', address_1: 'street',
  address_2: 'attributes.address_2', suburb: 'city', postcode: 'postcode', state: 'region', date_of_birth: 'birthday', soc_sec_id: 'attributes.soc_sec_id',
};

/**
 * Loads a FEBRL file the way a user would: through the import engine (the same code as `relata import`),
 * with three custom text fields, soc_sec_id flagged as an identifier. Rows whose birth date does not
 * exist are refused by the import and count against recall.
 */
async function loadFebrl(db: Db, workspaceId: string, adminId: string, file: string, rows: readonly Row[]): Promise<Loaded> {
  const principal = await loadPrincipal(db, workspaceId, adminId);
  if (!principal) throw new Error('no admin principal');
  await createFieldDefinition(db, principal, { object: 'contacts', key: 'street_number', label: 'Street number', type: 'text' });
  await createFieldDefinition(db, principal, { object: 'contacts', key: 'address_2', label: 'Address line 2', type: 'text' });
  await createFieldDefinition(db, principal, { object: 'contacts', key: 'soc_sec_id', label: 'Social security id', type: 'text' });
  const { batchId } = await createImport(db, principal, {
    object: 'contacts', path: file, fileName: path.basename(file), mapping: MAPPING, mode: 'create', identifierFields: ['soc_sec_id'],
  });
  const batch = await runImport(db, workspaceId, batchId);
  if (batch.status !== 'succeeded') throw new Error(`import of ${file} ${batch.status}: ${batch.error?.message ?? ''}`);
  return { rows: rows.length, loaded: batch.rows_created, rowErrors: batch.rows_failed, truePairs: countTruePairs(rows) };
}

type DatasetResult = Loaded & {
  dataset: string; proposed: number; true_positives: number; precision: number; recall: number; f1: number;
  threshold: number; candidates: number; scan_seconds: number;
};

async function runDataset(db: Db, name: string, file: string): Promise<DatasetResult> {
  const rows = readFebrl(file);
  const ws = await createWorkspace(db, { name: `FEBRL ${name}`, adminEmail: `febrl-${name}-${Date.now()}@bench.example`, adminName: 'Bench', adminPassword: 'Bench-Password-1' });
  try {
    const loaded = await loadFebrl(db, ws.workspaceId, ws.adminId, file, rows);
    const scan = await scanDuplicates(db, { workspaceId: ws.workspaceId, object: 'contacts' });
    const { rows: pairs } = await sql<{ a: string; b: string }>`
      select ca.external_id as a, cb.external_id as b from duplicate_pairs p
      join contacts ca on ca.workspace_id = p.workspace_id and ca.id = p.a_id
      join contacts cb on cb.workspace_id = p.workspace_id and cb.id = p.b_id
      where p.workspace_id = ${ws.workspaceId} and p.object_type = 'contact' and p.status = 'open'`.execute(db);
    const tp = pairs.filter((p) => entity(p.a) === entity(p.b)).length;
    const precision = pairs.length === 0 ? 0 : tp / pairs.length;
    const recall = loaded.truePairs === 0 ? 0 : tp / loaded.truePairs;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const round = (x: number) => Math.round(x * 10_000) / 10_000;
    return {
      dataset: name, ...loaded, proposed: pairs.length, true_positives: tp, precision: round(precision), recall: round(recall), f1: round(f1),
      threshold: scan.threshold, candidates: scan.candidates, scan_seconds: scan.seconds,
    };
  } finally {
    await sql`delete from workspaces where id = ${ws.workspaceId}`.execute(db);
  }
}

const external = process.env.DATABASE_URL;
const dataDir = external ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'relata-febrl-'));
const pgHandle = dataDir ? await startEmbeddedPostgres({ dataDir, database: 'relata_febrl' }) : null;
const url = external ?? pgHandle!.url;
try {
  await migrate(url);
  const database = openDatabase(url, { max: 4 });
  try {
    const results: DatasetResult[] = [];
    for (const n of args.datasets.split(',').map((s) => s.trim()).filter(Boolean)) {
      const file = path.join(args.dir, `dataset${n}.csv`);
      log(`dataset ${n}: ${file}`);
      const r = await runDataset(database.db, n, file);
      results.push(r);
      const line = `dataset ${n}: ${r.loaded}/${r.rows} records loaded (${r.rowErrors} row errors), ${r.candidates} candidates, ` +
        `${r.proposed} pairs proposed at threshold ${r.threshold}: precision ${r.precision.toFixed(4)}, recall ${r.recall.toFixed(4)} ` +
        `(of ${r.truePairs} true pairs), F1 ${r.f1.toFixed(4)}, scan ${r.scan_seconds} s`;
      if (args.json) log(line);
      else process.stdout.write(line + '\n');
    }
    // flat figures first (d1_precision, d1_recall, d1_f1 …) for scripts that collect numbers, then the details
    const figures = Object.fromEntries(results.flatMap((r) => [[`d${r.dataset}_precision`, r.precision], [`d${r.dataset}_recall`, r.recall], [`d${r.dataset}_f1`, r.f1]]));
    const summary = { bench: 'febrl', date: new Date().toISOString(), ...figures, results };
    const out = path.join(HERE, 'results', `febrl-${summary.date.slice(0, 19).replace(/[:T]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
    log(`results written to ${path.relative(process.cwd(), out)}`);
    process.stdout.write(JSON.stringify(summary) + '\n');
  } finally {
    await database.close();
  }
} finally {
  await pgHandle?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
