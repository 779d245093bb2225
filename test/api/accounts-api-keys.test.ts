import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function keyRows(workspaceId: string) {
  const { rows } = await sql<Record<string, unknown>>`select id::text, user_id::text, name, scopes, revoked_at from api_keys where workspace_id = ${workspaceId} order by id`.execute(db);
  return rows;
}

describe('API keys', () => {
  it('creates a key shown once, lists the prefix only, authenticates with Bearer without CSRF', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId);
    const api = client(app, await logInAs(app, rep.email));
    const created = await api.post('/api/v1/api-keys', { name: 'zapier' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^rk_/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    expect(created.body).toMatchObject({ name: 'zapier', scopes: [], user_id: rep.id, revoked_at: null });
    const list = await api.get('/api/v1/api-keys');
    expect(list.body.data).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    expect(list.body.data[0]).not.toHaveProperty('key');
    expect(list.body.data[0]).not.toHaveProperty('key_hash');
    const viaKey = client(app, { bearer: created.body.key });
    const me = await viaKey.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(rep.id);
    // a write with the key needs no CSRF header
    const write = await viaKey.patch('/api/v1/me', { name: 'Via key' });
    expect(write.status).toBe(200);
    const used = await api.get('/api/v1/api-keys');
    expect(used.body.data[0].last_used_at).not.toBeNull();
  });

  it('records last use at most once a minute, so reads with a key stay read-only', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId);
    const api = client(app, await logInAs(app, rep.email));
    const created = await api.post('/api/v1/api-keys', { name: 'etl' });
    const viaKey = client(app, { bearer: created.body.key });
    const lastUsed = async () => (await sql<{ t: string | null }>`select last_used_at::text as t from api_keys where workspace_id = ${ws.workspaceId}`.execute(db)).rows[0]!.t;
    const xmin = async () => (await sql<{ x: string }>`select xmin::text as x from api_keys where workspace_id = ${ws.workspaceId}`.execute(db)).rows[0]!.x;
    expect(await lastUsed()).toBeNull();
    expect((await viaKey.get('/api/v1/auth/me')).status).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    const version = await xmin();
    expect((await viaKey.get('/api/v1/auth/me')).status).toBe(200);
    expect(await xmin()).toBe(version); // the row was not rewritten
    expect(await lastUsed()).toBe(first);
    await sql`update api_keys set last_used_at = now() - interval '2 minutes' where workspace_id = ${ws.workspaceId}`.execute(db);
    const stale = await lastUsed();
    expect((await viaKey.get('/api/v1/auth/me')).status).toBe(200);
    expect(await lastUsed()).not.toBe(stale);
    await api.delete(`/api/v1/api-keys/${created.body.id}`);
    expect((await viaKey.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('lists only my keys, but all of the workspace for a settings administrator', async () => {
    const ws = await newWorkspace(db);
    const a = await newUser(db, ws.workspaceId);
    const b = await newUser(db, ws.workspaceId);
    const apiA = client(app, await logInAs(app, a.email));
    const apiB = client(app, await logInAs(app, b.email));
    await apiA.post('/api/v1/api-keys', { name: 'a-key' });
    const bKey = await apiB.post('/api/v1/api-keys', { name: 'b-key' });
    expect((await apiA.get('/api/v1/api-keys')).body.data.map((k: { name: string }) => k.name)).toEqual(['a-key']);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    expect((await admin.get('/api/v1/api-keys')).body.data.map((k: { name: string }) => k.name).sort()).toEqual(['a-key', 'b-key']);
    // A cannot revoke B's key: it does not exist for A
    const before = await keyRows(ws.workspaceId);
    const res = await apiA.delete(`/api/v1/api-keys/${bKey.body.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(await keyRows(ws.workspaceId)).toEqual(before);
    // the administrator can
    expect((await admin.delete(`/api/v1/api-keys/${bKey.body.id}`)).body.revoked_at).not.toBeNull();
  });

  it('revokes a key: it then answers 401 API_KEY_INVALID', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const created = await api.post('/api/v1/api-keys', { name: 'ci' });
    const revoked = await api.delete(`/api/v1/api-keys/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    const res = await client(app, { bearer: created.body.key }).get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('API_KEY_INVALID');
    const { rows } = await sql<{ action: string }>`select action from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'api_key' and record_id = ${created.body.id} order by id`.execute(db);
    expect(rows.map((r) => r.action)).toEqual(['create', 'revoke']);
  });

  it.each([
    ['an unknown scope', { name: 'x', scopes: ['contacts:admin'] }],
    ['an unknown object', { name: 'x', scopes: ['contact:read'] }],
    ['a blank name', { name: '   ' }],
    ['an extra field', { name: 'x', user_id: '1' }],
  ])('refuses %s and creates no key', async (_label, body) => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const res = await api.post('/api/v1/api-keys', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await keyRows(ws.workspaceId)).toEqual([]);
  });

  it('refuses a malformed or unknown Bearer key', async () => {
    for (const bearer of ['not-a-key', 'rk_unknownunknownunknown']) {
      const res = await client(app, { bearer }).get('/api/v1/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('API_KEY_INVALID');
    }
  });

  it('does not let a narrowed key mint a wider one', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const narrow = await api.post('/api/v1/api-keys', { name: 'narrow', scopes: ['contacts:read'] });
    const before = await keyRows(ws.workspaceId);
    const viaKey = client(app, { bearer: narrow.body.key });
    for (const scopes of [undefined, ['*'], ['contacts:write']]) {
      const res = await viaKey.post('/api/v1/api-keys', scopes ? { name: 'wider', scopes } : { name: 'wider' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('PERMISSION_DENIED');
    }
    expect(await keyRows(ws.workspaceId)).toEqual(before);
    expect((await viaKey.post('/api/v1/api-keys', { name: 'same', scopes: ['contacts:read'] })).status).toBe(201);
  });
});
