import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newUser, newWorkspace } from '../support/test-app.ts';
import { cliProcess } from '../support/cli-process.ts';

// Black-box: the real `relata export` command against this file's own database (DATABASE_URL).
const BIN = path.resolve('bin/relata.mjs');
const { db, dir, node } = await cliProcess('relata-cli-export-');

const relata = (...args: string[]) => node([BIN, ...args]);

async function insertContact(workspaceId: string, ownerId: string, name: string, phone: string | null = null): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into contacts (workspace_id, display_name, owner_id, phone, city)
    values (${workspaceId}, ${name}, ${ownerId}, ${phone}, '上海') returning id::text`.execute(db);
  return rows[0]!.id;
}

async function grantExport(workspaceId: string, roleKey: string): Promise<void> {
  await sql`update roles set permissions = jsonb_set(permissions, '{objects,contacts,actions}', '["view","export"]')
            where workspace_id = ${workspaceId} and key = ${roleKey}`.execute(db);
}

describe('relata export', () => {
  it('writes the file as the first administrator and prints { rows, file, seconds } with --json', async () => {
    const ws = await newWorkspace(db);
    const ids = [await insertContact(ws.workspaceId, ws.adminId, '李娜'), await insertContact(ws.workspaceId, ws.adminId, '=cmd|calc')];
    const file = path.join(dir, 'all.csv');
    const run = await relata('export', 'contacts', '--workspace', ws.workspaceId, '--format', 'csv', '--output', file, '--json');
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const out = JSON.parse(run.stdout) as { rows: number; file: string; seconds: number };
    expect(out).toEqual({ rows: 2, file, seconds: expect.any(Number) });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFid,first_name,last_name,display_name,')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(ids);
    expect(text).toContain(",'=cmd|calc,");
  });

  it('acts as --as EMAIL: that user\'s data scope and masking apply', async () => {
    const ws = await newWorkspace(db);
    await grantExport(ws.workspaceId, 'sales');
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const mine = await insertContact(ws.workspaceId, rep.id, 'Mine', '+8613812348000');
    await insertContact(ws.workspaceId, ws.adminId, 'Not mine', '+8613900001111');
    const file = path.join(dir, 'rep.csv');
    const run = await relata('export', 'contacts', '--as', rep.email, '--output', file, '--columns', 'id,display_name,phone', '--json');
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(JSON.parse(run.stdout).rows).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(`\uFEFFid,display_name,phone\r\n${mine},Mine,'+86138****8000\r\n`);
  });

  it('writes XLSX', async () => {
    const ws = await newWorkspace(db);
    await insertContact(ws.workspaceId, ws.adminId, '王五');
    const file = path.join(dir, 'all.xlsx');
    const run = await relata('export', 'contacts', '--workspace', ws.workspaceId, '--format', 'xlsx', '--output', file, '--columns', 'display_name,city', '--json');
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['display_name', 'city']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['王五', '上海']);
  });

  it('fails with the stable code and leaves no file for a bad filter or a user without the export permission', async () => {
    const ws = await newWorkspace(db);
    await insertContact(ws.workspaceId, ws.adminId, 'Someone');
    const file = path.join(dir, 'refused.csv');
    const bad = await relata('export', 'contacts', '--workspace', ws.workspaceId, '--output', file, '--filter', '{"field":"nope","op":"eq","value":1}', '--json');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('FILTER_INVALID');
    expect(fs.existsSync(file)).toBe(false);
    const viewer = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const denied = await relata('export', 'contacts', '--as', viewer.email, '--output', file, '--json');
    expect(denied.status).toBe(1);
    expect(JSON.parse(denied.stdout).error.code).toBe('PERMISSION_DENIED');
    expect(fs.existsSync(file)).toBe(false);
  });
});
