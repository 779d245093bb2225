import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function adminOf() {
  const ws = await newWorkspace(db);
  return { ws, api: client(app, await logInAs(app, ws.adminEmail)) };
}

async function workspaceRow(id: string) {
  const { rows } = await sql<Record<string, unknown>>`select name, timezone, trim(currency) as currency, trim(default_region) as default_region, locale, version from workspaces where id = ${id}`.execute(db);
  return rows[0];
}

describe('workspace settings', () => {
  it('reads the workspace for any signed-in user', async () => {
    const { ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const res = await client(app, await logInAs(app, rep.email)).get('/api/v1/workspace');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ws.workspaceId, name: 'Test Co', timezone: 'Asia/Shanghai', currency: 'CNY', default_region: 'CN', locale: 'zh-CN', version: 1 });
  });

  it('updates name, timezone, currency, region and locale, audited field by field', async () => {
    const { ws, api } = await adminOf();
    const res = await api.patch('/api/v1/workspace', { name: '华东贸易', timezone: 'europe/berlin', currency: 'EUR', default_region: 'DE', locale: 'en', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '华东贸易', timezone: 'Europe/Berlin', currency: 'EUR', default_region: 'DE', locale: 'en', version: 2 });
    const { rows } = await sql<{ changes: Record<string, unknown> }>`select changes from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'workspace'`.execute(db);
    expect(rows[0]?.changes).toMatchObject({ currency: ['CNY', 'EUR'], timezone: ['Asia/Shanghai', 'Europe/Berlin'] });
  });

  it.each([
    ['timezone', { timezone: 'Mars/Olympus' }, 'VALIDATION_FAILED'],
    ['timezone offset', { timezone: '+08:00' }, 'VALIDATION_FAILED'],
    ['currency', { currency: 'XYZ' }, 'VALIDATION_FAILED'],
    ['currency case', { currency: 'cny' }, 'VALIDATION_FAILED'],
    ['region', { default_region: 'ZZ' }, 'VALIDATION_FAILED'],
    ['locale', { locale: 'fr' }, 'VALIDATION_FAILED'],
    ['unknown field', { owner: 'me' }, 'VALIDATION_FAILED'],
  ])('refuses a bad %s and changes nothing', async (_label, body, code) => {
    const { ws, api } = await adminOf();
    const before = await workspaceRow(ws.workspaceId);
    const res = await api.patch('/api/v1/workspace', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(await workspaceRow(ws.workspaceId)).toEqual(before);
  });

  it('refuses a stale version with 409 and keeps the newer edit', async () => {
    const { ws, api } = await adminOf();
    expect((await api.patch('/api/v1/workspace', { name: 'First', version: 1 })).status).toBe(200);
    const res = await api.patch('/api/v1/workspace', { name: 'Second', version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VERSION_CONFLICT');
    expect((await workspaceRow(ws.workspaceId))?.name).toBe('First');
  });

  it('refuses a user without settings rights', async () => {
    const { ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'manager' });
    const before = await workspaceRow(ws.workspaceId);
    const res = await client(app, await logInAs(app, rep.email)).patch('/api/v1/workspace', { name: 'Mine now' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
    expect(await workspaceRow(ws.workspaceId)).toEqual(before);
  });
});
