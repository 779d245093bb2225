import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { newWorkspace } from '../support/test-app.ts';
import { testDatabase } from '../support/test-db.ts';

// Crash safety, black-box: the real CLI is killed (SIGKILL) while it stages rows and again while it
// applies them; `relata import resume` must then finish with every row loaded exactly once.
const BIN = path.resolve('bin/relata.mjs');
const { database, url } = await testDatabase();
const db = database.db;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-import-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' };
const ROWS = 60_000;

function writeFile(): string {
  const file = path.join(dir, 'contacts.csv');
  const out: string[] = ['external_id,first_name,last_name,email,phone,city'];
  for (let i = 1; i <= ROWS; i++) {
    // every 1000th row has a broken email: it goes to the error report, never into the table
    const email = i % 1000 === 0 ? `broken-${i}` : `person${i}@example.com`;
    out.push(`C${i},Name${i},Family${i % 97},${email},+86138${String(10_000_000 + i).slice(-8)},City${i % 50}`);
  }
  fs.writeFileSync(file, out.join('\n') + '\n');
  return file;
}

async function batchState(ws: string): Promise<{ id: string; status: string; rows_staged: number } | undefined> {
  const { rows } = await sql<{ id: string; status: string; rows_staged: number }>`
    select id::text, status, rows_staged from import_batches where workspace_id = ${ws} order by id desc limit 1`.execute(db);
  return rows[0];
}

async function killWhen(args: string[], ready: () => Promise<boolean>): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (await ready()) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  await exited;
}

async function importedCount(ws: string): Promise<{ total: number; distinct: number }> {
  const { rows } = await sql<{ total: number; distinct: number }>`
    select count(*)::int as total, count(distinct external_id)::int as distinct from contacts where workspace_id = ${ws}`.execute(db);
  return rows[0]!;
}

it('a killed import loses nothing and loads nothing twice', async () => {
  const w = await newWorkspace(db);
  const file = writeFile();
  await killWhen(['import', 'contacts', file, '--workspace', w.workspaceId, '--json'], async () => ((await batchState(w.workspaceId))?.rows_staged ?? 0) > 0);
  const staged = await batchState(w.workspaceId);
  expect(staged?.status).toBe('staging');
  expect(staged!.rows_staged).toBeLessThan(ROWS);
  expect((await importedCount(w.workspaceId)).total).toBe(0);

  // killed again in the middle of the apply transaction: it rolls back as a whole
  await killWhen(['import', 'resume', staged!.id, '--workspace', w.workspaceId, '--json'], async () => (await batchState(w.workspaceId))?.status === 'applying');
  expect((await importedCount(w.workspaceId)).total).toBe(0);

  const resumed = spawnSync(process.execPath, [BIN, 'import', 'resume', staged!.id, '--workspace', w.workspaceId, '--json'], { env, encoding: 'utf8', timeout: 240_000 });
  expect(resumed.status, resumed.stderr).toBe(0);
  const result = JSON.parse(resumed.stdout.trim().split('\n').pop()!) as { status: string; rows_created: number; rows_failed: number };
  expect(result).toMatchObject({ status: 'succeeded', rows_created: ROWS - ROWS / 1000, rows_failed: ROWS / 1000 });
  expect(await importedCount(w.workspaceId)).toEqual({ total: ROWS - ROWS / 1000, distinct: ROWS - ROWS / 1000 });
}, 400_000);
