import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newWorkspace } from '../support/test-app.ts';
import { cliProcess } from '../support/cli-process.ts';

// Black-box: the merge commands in their own process against this file's database (DATABASE_URL), mounted
// under a `dedupe` command exactly as src/cli/dedupe.ts mounts them.
const { db, node } = await cliProcess('relata-cli-merge-');

const HARNESS = `
import { Command } from 'commander';
import { registerDedupeMergeCommands } from ${JSON.stringify(pathToFileURL(path.resolve('src/cli/dedupe-merge.ts')).href)};
const program = new Command('relata');
registerDedupeMergeCommands(program.command('dedupe'));
await program.parseAsync(process.argv);
`;

const relata = (...args: string[]) => node(['--input-type=module', '-e', HARNESS, '--', 'relata', ...args]);

async function insertContact(workspaceId: string, ownerId: string, name: string, city: string | null = null): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into contacts (workspace_id, display_name, last_name, owner_id, city)
    values (${workspaceId}, ${name}, ${name}, ${ownerId}, ${city}) returning id::text`.execute(db);
  return rows[0]!.id;
}

describe('relata dedupe merge / merge-bulk / undo-merge', () => {
  it('refuses a self-merge with its stable code, and a malformed --field', async () => {
    const ws = await newWorkspace(db);
    const a = await insertContact(ws.workspaceId, ws.adminId, 'Wang');
    const self = await relata('dedupe', 'merge', a, a, '--workspace', ws.workspaceId, '--json');
    expect(self.status).toBe(1);
    expect(JSON.parse(self.stdout).error.code).toBe('MERGE_SAME_RECORD');
    const bad = await relata('dedupe', 'merge', a, '1', '--workspace', ws.workspaceId, '--field', 'city=theirs', '--json');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error.message).toContain('key=survivor or key=merged');
  });

  it('merges with field choices and undoes the merge', async () => {
    const ws = await newWorkspace(db);
    const a = await insertContact(ws.workspaceId, ws.adminId, 'Wang', '上海');
    const b = await insertContact(ws.workspaceId, ws.adminId, 'Wang', '北京');
    await sql`insert into notes (workspace_id, contact_id, body) values (${ws.workspaceId}, ${b}, 'hi')`.execute(db);

    const run = await relata('dedupe', 'merge', a, b, '--workspace', ws.workspaceId, '--field', 'city=merged', '--json');
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const out = JSON.parse(run.stdout) as { merge: { id: string; moved: Record<string, number> }; survivor: { city: string } };
    expect(out.merge.moved).toEqual({ notes: 1 });
    expect(out.survivor.city).toBe('北京');

    const undo = await relata('dedupe', 'undo-merge', out.merge.id, '--workspace', ws.workspaceId);
    expect(undo.status, undo.stderr).toBe(0);
    expect(undo.stdout).toContain(`#${b} is back`);
    const { rows } = await sql`select id::text, city, deleted_at is null as live from contacts where workspace_id = ${ws.workspaceId} order by id`.execute(db);
    expect(rows).toEqual([{ id: a, city: '上海', live: true }, { id: b, city: '北京', live: true }]);
  });

  it('bulk-merges the pairs above the score and prints JSON on stdout (the progress bar goes to stderr)', async () => {
    const ws = await newWorkspace(db);
    const a = await insertContact(ws.workspaceId, ws.adminId, 'Li', '上海');
    const b = await insertContact(ws.workspaceId, ws.adminId, 'Li');
    const c = await insertContact(ws.workspaceId, ws.adminId, 'Zhou');
    const d = await insertContact(ws.workspaceId, ws.adminId, 'Zhou');
    await sql`insert into duplicate_pairs (workspace_id, object_type, a_id, b_id, score)
              values (${ws.workspaceId}, 'contact', ${a}, ${b}, 0.98), (${ws.workspaceId}, 'contact', ${c}, ${d}, 0.6)`.execute(db);
    const run = await relata('dedupe', 'merge-bulk', '--min-score', '0.95', '--workspace', ws.workspaceId, '--json');
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ merged: 1, skipped: 0, seconds: expect.any(Number) });
    const { rows } = await sql`select id::text, merged_into_id::text from contacts where workspace_id = ${ws.workspaceId} and deleted_at is not null`.execute(db);
    expect(rows).toEqual([{ id: b, merged_into_id: a }]);
  });
});
