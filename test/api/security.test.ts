import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/modules/accounts/index.ts';
import { ERROR_CODES } from '../../src/platform/http/errors.ts';
import { client, logInAs, newDepartment, newUser, newWorkspace, PASSWORD, testApp } from '../support/test-app.ts';

const { app, db, url } = await testApp();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function departmentCount(workspaceId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from departments where workspace_id = ${workspaceId}`.execute(db);
  return rows[0]?.n ?? 0;
}

describe('request bodies', () => {
  it('refuses a body over 1 MiB with 413 PAYLOAD_TOO_LARGE, creating nothing', async () => {
    const ws = await newWorkspace(db);
    const session = await logInAs(app, ws.adminEmail);
    const before = await departmentCount(ws.workspaceId);
    const res = await app.inject({
      method: 'POST', url: '/api/v1/departments',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await departmentCount(ws.workspaceId)).toBe(before);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: ws.adminEmail, password: 'p'.repeat(1_100_000) }) });
    expect(login.statusCode).toBe(413);
    expect(login.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses malformed JSON with 400 VALIDATION_FAILED, creating nothing', async () => {
    const ws = await newWorkspace(db);
    const session = await logInAs(app, ws.adminEmail);
    const before = await departmentCount(ws.workspaceId);
    const res = await app.inject({
      method: 'POST', url: '/api/v1/departments',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      payload: '{"name": "销售部",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await departmentCount(ws.workspaceId)).toBe(before);
  });

  it('refuses a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const ws = await newWorkspace(db);
    const session = await logInAs(app, ws.adminEmail);
    const before = await departmentCount(ws.workspaceId);
    const res = await app.inject({
      method: 'POST', url: '/api/v1/departments',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'text/xml' },
      payload: '<department name="x"/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await departmentCount(ws.workspaceId)).toBe(before);
  });

  it('refuses a settings write with a session but no CSRF header', async () => {
    const ws = await newWorkspace(db);
    const session = await logInAs(app, ws.adminEmail);
    const before = await departmentCount(ws.workspaceId);
    const res = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: { cookie: session.cookie }, payload: { name: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_MISSING');
    expect(await departmentCount(ws.workspaceId)).toBe(before);
  });
});

describe('workspace isolation of the accounts records', () => {
  it('never lists another workspace\'s users, departments, roles or API keys', async () => {
    const a = await newWorkspace(db, 'A Co');
    const b = await newWorkspace(db, 'B Co');
    const bUser = await newUser(db, b.workspaceId, { name: 'Only in B' });
    await newDepartment(db, b.workspaceId, 'B dept', b.departmentId);
    const bKey = await createApiKey(db, { workspaceId: b.workspaceId, userId: b.adminId, name: 'b-key', scopes: [], actorId: b.adminId });
    const apiA = client(app, await logInAs(app, a.adminEmail));
    const users = await apiA.get('/api/v1/users?limit=200');
    expect(users.body.data.map((u: { id: string }) => u.id)).toEqual([a.adminId]);
    expect((await apiA.get(`/api/v1/users?q=${encodeURIComponent('Only in B')}`)).body.data).toEqual([]);
    const departments = await apiA.get('/api/v1/departments');
    expect(departments.body.data.map((d: { id: string }) => d.id)).toEqual([a.departmentId]);
    const roles = await apiA.get('/api/v1/roles');
    const { rows: bRoles } = await sql<{ id: string }>`select id::text from roles where workspace_id = ${b.workspaceId}`.execute(db);
    expect(roles.body.data).toHaveLength(7);
    expect(roles.body.data.some((r: { id: string }) => bRoles.some((x) => x.id === r.id))).toBe(false);
    const keys = await apiA.get('/api/v1/api-keys');
    expect(keys.body.data.map((k: { id: string }) => k.id)).not.toContain(bKey.id);
    expect((await apiA.get(`/api/v1/users/${bUser.id}`)).status).toBe(404);
    expect((await apiA.get(`/api/v1/roles/${bRoles[0]!.id}`)).status).toBe(404);
  });

  it('answers 404 to PATCH, DELETE and actions on another workspace\'s ids, changing nothing', async () => {
    const a = await newWorkspace(db, 'A Co');
    const b = await newWorkspace(db, 'B Co');
    const bUser = await newUser(db, b.workspaceId);
    const bDept = await newDepartment(db, b.workspaceId, 'B dept', b.departmentId);
    const { rows: bRoles } = await sql<{ id: string }>`select id::text from roles where workspace_id = ${b.workspaceId} and key = 'viewer'`.execute(db);
    const bRole = bRoles[0]!.id;
    const bKey = await createApiKey(db, { workspaceId: b.workspaceId, userId: b.adminId, name: 'b-key', scopes: [], actorId: b.adminId });
    const snapshot = async () => (await sql`
      select (select json_agg(u order by u.id) from users u where u.workspace_id = ${b.workspaceId}) as users,
             (select json_agg(d order by d.id) from departments d where d.workspace_id = ${b.workspaceId}) as departments,
             (select json_agg(r order by r.id) from roles r where r.workspace_id = ${b.workspaceId}) as roles,
             (select json_agg(json_build_object('id', k.id, 'revoked_at', k.revoked_at) order by k.id) from api_keys k where k.workspace_id = ${b.workspaceId}) as keys,
             (select json_agg(w) from workspaces w where w.id = ${b.workspaceId}) as workspace`.execute(db)).rows[0];
    const before = await snapshot();
    const apiA = client(app, await logInAs(app, a.adminEmail));
    const attempts = [
      await apiA.patch(`/api/v1/users/${bUser.id}`, { name: 'hijacked' }),
      await apiA.post(`/api/v1/users/${bUser.id}/deactivate`),
      await apiA.post(`/api/v1/users/${bUser.id}/reactivate`),
      await apiA.post(`/api/v1/users/${bUser.id}/handover`, { to_user_id: a.adminId }),
      await apiA.patch(`/api/v1/departments/${bDept}`, { name: 'hijacked' }),
      await apiA.delete(`/api/v1/departments/${bDept}`),
      await apiA.patch(`/api/v1/roles/${bRole}`, { name: 'hijacked' }),
      await apiA.delete(`/api/v1/roles/${bRole}`),
      await apiA.delete(`/api/v1/api-keys/${bKey.id}`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    // and B's ids are no valid references inside A
    const asManager = await apiA.patch(`/api/v1/users/${a.adminId}`, { manager_id: bUser.id, department_id: bDept });
    expect(asManager.status).toBe(400);
    expect(asManager.body.error.code).toBe('REFERENCE_INVALID');
    const asParent = await apiA.post('/api/v1/departments', { name: 'x', parent_id: bDept });
    expect(asParent.body.error.code).toBe('REFERENCE_INVALID');
    const asRole = await apiA.post('/api/v1/users', { name: 'x', email: 'x-cross@example.com', role_id: bRole });
    expect(asRole.body.error.code).toBe('REFERENCE_INVALID');
    expect(await snapshot()).toEqual(before);
    expect((await apiA.patch('/api/v1/workspace', { name: 'A renamed' })).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });
});

describe('error catalogue', () => {
  it('documents every error code in docs/errors.md with its status, and nothing else', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/errors.md'), 'utf8');
    const documented = new Map<string, number>();
    for (const m of doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)) documented.set(m[1]!, Number(m[2]));
    expect([...documented.keys()].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, status] of Object.entries(ERROR_CODES)) expect(documented.get(code), code).toBe(status);
  });
});

const run = promisify(execFile);

// A separate process with the production logger at trace level, so its real stdout can be read:
// pino writes straight to file descriptor 1, which a test cannot intercept in-process.
const LOG_PROBE = `
import { buildServer } from ${JSON.stringify(path.join(ROOT, 'src/server.ts'))};
import { loadConfig } from ${JSON.stringify(path.join(ROOT, 'src/platform/config/config.ts'))};
import { openDatabase } from ${JSON.stringify(path.join(ROOT, 'src/platform/db/database.ts'))};
const env = process.env;
const database = openDatabase(env.PROBE_DB_URL, { max: 2 });
const app = await buildServer({ db: database.db, config: loadConfig({ LOG_LEVEL: 'trace' }), serveWeb: false });
// a careless handler logging everything it got: the logger's redaction must still hide the secrets
app.post('/api/v1/log-probe', { config: { access: { public: true } } }, async (request) => {
  request.log.info({ req: { headers: request.headers }, body: request.body, password: request.body.password }, 'probe');
  return {};
});
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: env.PROBE_EMAIL, password: env.PROBE_PASSWORD } });
const cookie = login.cookies.find((c) => c.name === 'relata_session').value;
const csrf = login.json().csrf_token;
const headers = { cookie: 'relata_session=' + cookie, 'x-csrf-token': csrf };
await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: env.PROBE_EMAIL, password: 'Wrong-Secret-77' } });
await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
const created = await app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload: { name: 'probe' } });
const key = created.json().key;
await app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: 'Bearer ' + key } });
await app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: 'Bearer ' + env.PROBE_API_KEY } });
await app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: { password: 'New-Secret-123', current_password: env.PROBE_PASSWORD } });
await app.inject({ method: 'POST', url: '/api/v1/log-probe', headers: { ...headers, authorization: 'Bearer ' + key }, payload: { password: env.PROBE_PASSWORD } });
process.stderr.write('SECRETS ' + JSON.stringify({ cookie, csrf, key }) + '\\n');
await app.close();
await database.close();
`;

describe('logs', () => {
  it('never write a password, session cookie, CSRF token or API key', async () => {
    const ws = await newWorkspace(db);
    const user = await newUser(db, ws.workspaceId, { roleKey: 'admin' });
    const apiKey = await createApiKey(db, { workspaceId: ws.workspaceId, userId: user.id, name: 'pre', scopes: [], actorId: user.id });
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', LOG_PROBE], {
      cwd: ROOT,
      env: { ...process.env, PROBE_DB_URL: url, PROBE_EMAIL: user.email, PROBE_PASSWORD: PASSWORD, PROBE_API_KEY: apiKey.key },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    const line = stderr.split('\n').find((l) => l.startsWith('SECRETS '));
    expect(line, stderr).toBeDefined();
    const made = JSON.parse(line!.slice('SECRETS '.length)) as { cookie: string; csrf: string; key: string };
    const lines = stdout.split('\n').filter(Boolean);
    // the probe really logged: requests, and the careless handler's line with its redacted fields
    expect(lines.length).toBeGreaterThan(10);
    const probe = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'probe');
    expect(probe).toMatchObject({ password: '[redacted]', body: { password: '[redacted]' } });
    for (const secret of [PASSWORD, 'Wrong-Secret-77', 'New-Secret-123', made.cookie, made.csrf, made.key, apiKey.key]) {
      expect(stdout.includes(secret), `a secret (${secret.slice(0, 4)}…) appears in the log`).toBe(false);
    }
  }, 90_000);
});
