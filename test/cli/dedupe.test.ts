import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newWorkspace } from '../support/test-app.ts';
import { cliProcess } from '../support/cli-process.ts';

// Black-box: `relata dedupe scan | list | dismiss` in its own process against this file's database.
const { db, node } = await cliProcess('relata-cli-dedupe-');

const relata = (...args: string[]) => node([path.resolve('bin/relata.mjs'), ...args]);

async function insertContact(workspaceId: string, ownerId: string, first: string, last: string, email: string, externalId: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into contacts (workspace_id, first_name, last_name, display_name, email, emails, owner_id, external_id)
    values (${workspaceId}, ${first}, ${last}, ${`${first} ${last}`}, ${email}, ${JSON.stringify([{ value: email, label: null }])}::jsonb, ${ownerId}, ${externalId})
    returning id::text`.execute(db);
  return rows[0]!.id;
}

describe('relata dedupe scan / list / dismiss', () => {
  it('scans, lists the open pairs as JSON, dismisses one and never lists it again', async () => {
    const ws = await newWorkspace(db);
    const a = await insertContact(ws.workspaceId, ws.adminId, 'Nora', 'Quinn', 'nora@example.com', 'crm-1');
    const b = await insertContact(ws.workspaceId, ws.adminId, 'Nora', 'Quinn', 'nora@example.com', 'crm-2');
    await insertContact(ws.workspaceId, ws.adminId, 'Otto', 'Berg', 'otto@example.com', 'crm-3');

    const scan = await relata('dedupe', 'scan', '--workspace', ws.workspaceId, '--json');
    expect(scan.status, scan.stderr).toBe(0);
    expect(JSON.parse(scan.stdout)).toMatchObject({ object: 'contacts', pairs: 1, new_pairs: 1 });

    const list = await relata('dedupe', 'list', '--workspace', ws.workspaceId, '--json');
    expect(list.status, list.stderr).toBe(0);
    const pairs = JSON.parse(list.stdout) as { id: string; a: Record<string, unknown>; b: Record<string, unknown>; score: number; reasons: { text: string }[] }[];
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.a).toMatchObject({ id: a, external_id: 'crm-1', display_name: 'Nora Quinn', email: 'nora@example.com' });
    expect(pairs[0]!.b).toMatchObject({ id: b, external_id: 'crm-2' });
    expect(pairs[0]!.score).toBeGreaterThanOrEqual(0.9);
    expect(pairs[0]!.reasons.map((r) => r.text)).toContain('same email');

    const human = await relata('dedupe', 'list', '--workspace', ws.workspaceId);
    expect(human.stdout).toContain('Nora Quinn');

    const dismissed = await relata('dedupe', 'dismiss', pairs[0]!.id, '--workspace', ws.workspaceId, '--json');
    expect(dismissed.status, dismissed.stderr).toBe(0);
    expect(JSON.parse(dismissed.stdout)).toMatchObject({ id: pairs[0]!.id, status: 'dismissed' });
    expect(JSON.parse((await relata('dedupe', 'scan', '--workspace', ws.workspaceId, '--json')).stdout)).toMatchObject({ pairs: 0, new_pairs: 0 });
    expect(JSON.parse((await relata('dedupe', 'list', '--workspace', ws.workspaceId, '--json')).stdout)).toEqual([]);
  }, 120_000); // four CLI processes, each starting Node and opening the database

  it('fails with stable codes', async () => {
    const ws = await newWorkspace(db);
    const unknown = await relata('dedupe', 'dismiss', '999999', '--workspace', ws.workspaceId, '--json');
    expect(unknown.status).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe('NOT_FOUND');
    const badObject = await relata('dedupe', 'list', '--object', 'people', '--workspace', ws.workspaceId, '--json');
    expect(badObject.status).toBe(1);
    expect(JSON.parse(badObject.stdout).error.message).toContain('unknown object');
  });
});
