import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/config.ts';
import { buildServer } from '../../src/server.ts';
import { client, logInAs, newDepartment, newUser, newWorkspace, testApp, type Client } from '../support/test-app.ts';

// two API processes on one database, each keeping its principals (ADR 18)
const { app, db } = await testApp({ principalCache: true });
const other = await buildServer({ db, config: loadConfig({ LOG_LEVEL: 'silent' }), serveWeb: false, principalCache: true });
await other.ready();
afterAll(async () => {
  await other.close();
});

/** Polls until `check` holds: a notification crosses a connection, so another process sees a change within moments, not at once. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('the change did not reach the cached principal in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const status = async (api: Client, url = '/api/v1/contacts?limit=5') => (await api.get(url)).status;

/** Runs `change` with the principals' triggers off: what a process would see if no notification came. */
async function silently(table: string, change: () => Promise<unknown>): Promise<void> {
  await sql`alter table ${sql.table(table)} disable trigger ${sql.id(`${table}_principals`)}`.execute(db);
  try {
    await change();
  } finally {
    await sql`alter table ${sql.table(table)} enable trigger ${sql.id(`${table}_principals`)}`.execute(db);
  }
}

describe('the principal cache', () => {
  it('answers from the cache, and stops at once when the change is notified', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const session = await logInAs(app, rep.email);
    const api = client(other, session);
    expect(await status(api)).toBe(200);
    // the session is gone, but no notification said so: the cached principal still answers
    await silently('sessions', () => sql`delete from sessions where user_id = ${rep.id}`.execute(db));
    expect(await status(api)).toBe(200);
    await sql`select pg_notify('relata_principals', 'test')`.execute(db);
    await eventually(async () => (await status(api)) === 401);
  });

  it('another process follows role, user, department, session and API key changes made anywhere', async () => {
    const ws = await newWorkspace(db);
    const w = ws.workspaceId;
    const team = await newDepartment(db, w, '华东区', null);
    const elsewhere = await newDepartment(db, w, '华北区', null);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const role = await admin.post('/api/v1/roles', { key: 'dept_view', name: 'dept_view', permissions: { objects: { contacts: { actions: ['view'], scope: 'department' } } } });
    expect(role.status).toBe(201);
    const reader = await newUser(db, w, { departmentId: team });
    const colleague = await newUser(db, w, { departmentId: elsewhere });
    expect((await admin.patch(`/api/v1/users/${reader.id}`, { role_id: role.body.id })).status).toBe(200);
    await sql`insert into contacts (workspace_id, display_name, first_name, owner_id) values (${w}, '同事的客户', '同事的客户', ${colleague.id})`.execute(db);
    const api = client(other, await logInAs(app, reader.email));
    const names = async () => (await api.get<{ data: { display_name: string }[] }>('/api/v1/contacts')).body.data.map((c) => c.display_name);
    expect(await names()).toEqual([]);

    // a colleague joins the reader's department (users): their records come into the 本部门 scope
    await sql`update users set department_id = ${team} where id = ${colleague.id}`.execute(db);
    await eventually(async () => (await names()).includes('同事的客户'));

    // the role loses the right to view contacts (roles)
    await sql`update roles set permissions = jsonb_set(permissions, '{objects,contacts,actions}', '[]') where id = ${role.body.id}`.execute(db);
    await eventually(async () => (await status(api)) === 403);

    // the user is deactivated (users)
    const rep = await newUser(db, w, { roleKey: 'sales' });
    const repApi = client(other, await logInAs(app, rep.email));
    expect(await status(repApi)).toBe(200);
    await sql`update users set active = false where id = ${rep.id}`.execute(db);
    await eventually(async () => (await status(repApi)) === 401);

    // a session ended elsewhere (sessions)
    const second = await newUser(db, w, { roleKey: 'sales' });
    const secondApi = client(other, await logInAs(app, second.email));
    expect(await status(secondApi)).toBe(200);
    await sql`delete from sessions where user_id = ${second.id}`.execute(db);
    await eventually(async () => (await status(secondApi)) === 401);

    // an API key revoked elsewhere (api_keys)
    const owner = await newUser(db, w, { roleKey: 'sales' });
    const created = await client(app, await logInAs(app, owner.email)).post('/api/v1/api-keys', { name: 'etl' });
    expect(created.status).toBe(201);
    const keyApi = client(other, { bearer: created.body.key as string });
    expect(await status(keyApi)).toBe(200);
    await sql`update api_keys set revoked_at = now() where id = ${created.body.id}`.execute(db);
    await eventually(async () => (await status(keyApi)) === 401);

    // a department moved under the reader's (departments) widens a 本部门及下属 scope
    const tree = await admin.post('/api/v1/roles', { key: 'tree_view', name: 'tree_view', permissions: { objects: { contacts: { actions: ['view'], scope: 'department_tree' } } } });
    expect(tree.status).toBe(201);
    const branch = await newDepartment(db, w, '苏州', null);
    const lead = await newUser(db, w, { departmentId: team });
    expect((await admin.patch(`/api/v1/users/${lead.id}`, { role_id: tree.body.id })).status).toBe(200);
    const branchRep = await newUser(db, w, { departmentId: branch });
    await sql`insert into contacts (workspace_id, display_name, first_name, owner_id) values (${w}, '苏州客户', '苏州客户', ${branchRep.id})`.execute(db);
    const leadApi = client(other, await logInAs(app, lead.email));
    const leadNames = async () => (await leadApi.get<{ data: { display_name: string }[] }>('/api/v1/contacts')).body.data.map((c) => c.display_name);
    expect(await leadNames()).not.toContain('苏州客户');
    await sql`update departments set parent_id = ${team} where id = ${branch}`.execute(db);
    await eventually(async () => (await leadNames()).includes('苏州客户'));
  });

  it('the process that made a change follows it on its very next request', async () => {
    const ws = await newWorkspace(db);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const role = await admin.post('/api/v1/roles', { key: 'viewer2', name: 'viewer2', permissions: { objects: { contacts: { actions: ['view'], scope: 'all' } } } });
    const user = await newUser(db, ws.workspaceId);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { role_id: role.body.id })).status).toBe(200);
    const api = client(app, await logInAs(app, user.email));
    expect(await status(api)).toBe(200);
    // no wait: the API request that changed the role dropped this process's principals before answering
    await silently('roles', async () => {
      const res = await admin.patch(`/api/v1/roles/${role.body.id}`, { permissions: { objects: { contacts: { actions: [], scope: 'all' } } } });
      expect(res.status).toBe(200);
    });
    expect(await status(api)).toBe(403);
  });

  it('caches nothing while its listening connection is down, and listens again after', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const api = client(other, await logInAs(app, rep.email));
    expect(await status(api)).toBe(200);
    // both processes' listeners are cut; until they are back every request reads the database
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and query like 'listen relata_principals%' and pid <> pg_backend_pid()`.execute(db);
    await silently('sessions', () => sql`delete from sessions where user_id = ${rep.id}`.execute(db));
    // no notification comes (the trigger was off): only dropping the cache with the connection shows the change
    await eventually(async () => (await status(api)) === 401);
    // back again: a new session is cached, so a silent change goes unseen until notified
    const again = client(other, await logInAs(app, rep.email));
    await eventually(async () => {
      expect(await status(again)).toBe(200);
      const listeners = await sql<{ n: string }>`select count(*)::text as n from pg_stat_activity
        where datname = current_database() and query like 'listen relata_principals%'`.execute(db);
      return Number(listeners.rows[0]!.n) >= 2;
    });
    // the LISTEN shows in pg_stat_activity a moment before its client has the answer
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await status(again)).toBe(200);
    await silently('sessions', () => sql`delete from sessions where user_id = ${rep.id}`.execute(db));
    expect(await status(again)).toBe(200);
    await sql`select pg_notify('relata_principals', 'test')`.execute(db);
    await eventually(async () => (await status(again)) === 401);
  });
});
