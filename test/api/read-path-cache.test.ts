import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { executeShape, openDatabase, prepared, Slot } from '../../src/platform/db/database.ts';
import { pageAndCount } from '../../src/modules/customers/filter/count.ts';
import { client, logInAs, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db, url } = await testApp();

describe('prepared statements', () => {
  // one connection, so every statement below runs on the session pg_prepared_statements describes
  const single = openDatabase(url, { max: 1 });
  afterAll(() => single.close());

  it('prepares a marked statement once per connection and answers each call with its own parameters', async () => {
    const query = (n: number) => prepared(sql<{ n: number; marker: string }>`select ${n}::int + 1 as n, 'read-path-cache-marked' as marker`);
    expect((await query(1).execute(single.db)).rows).toEqual([{ n: 2, marker: 'read-path-cache-marked' }]);
    expect((await query(41).execute(single.db)).rows).toEqual([{ n: 42, marker: 'read-path-cache-marked' }]);
    await sql`select 'read-path-cache-unmarked' as marker`.execute(single.db);

    const { rows } = await sql<{ name: string; statement: string }>`
      select name, statement from pg_prepared_statements where statement like '%read-path-cache-%' and statement not like '%pg_prepared_statements%'`.execute(single.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toMatch(/^relata_\d+$/);
    expect(rows[0]!.statement).toContain('read-path-cache-marked');
  });

  it('reports a failing prepared statement as an error and keeps the connection usable', async () => {
    await expect(prepared(sql`select 1 / ${0}::int as n`).execute(single.db)).rejects.toThrow(/division by zero/);
    expect((await prepared(sql<{ n: number }>`select 1 / ${1}::int as n`).execute(single.db)).rows).toEqual([{ n: 1 }]);
  });
});

describe('custom field definitions on read paths', () => {
  it('bumps the workspace fields_version on every change of a definition, however it is made', async () => {
    const ws = await newWorkspace(db);
    const version = async () => (await sql<{ v: string }>`select fields_version::text as v from workspaces where id = ${ws.workspaceId}`.execute(db)).rows[0]!.v;
    const v0 = Number(await version());
    await sql`insert into field_definitions (workspace_id, object_type, key, label, type) values (${ws.workspaceId}, 'contacts', 'grade', 'Grade', 'text')`.execute(db);
    const v1 = Number(await version());
    await sql`update field_definitions set label = 'Grade 2' where workspace_id = ${ws.workspaceId}`.execute(db);
    const v2 = Number(await version());
    await sql`delete from field_definitions where workspace_id = ${ws.workspaceId}`.execute(db);
    const v3 = Number(await version());
    expect([v1 > v0, v2 > v1, v3 > v2]).toEqual([true, true, true]);
  });

  it('shows a new custom field on the next read of a record and a list, after earlier reads were cached', async () => {
    const ws = await newWorkspace(db);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const contact = (await admin.post('/api/v1/contacts', { last_name: 'Cache' })).body;
    expect((await admin.get(`/api/v1/contacts/${contact.id}`)).body.attributes).toEqual({});
    expect((await admin.get('/api/v1/contacts')).body.data[0].attributes).toEqual({});

    // a definition written behind the API's back (another process, a migration) is seen too
    await sql`insert into field_definitions (workspace_id, object_type, key, label, type) values (${ws.workspaceId}, 'contacts', 'grade', 'Grade', 'text')`.execute(db);
    await sql`update contacts set attributes = '{"grade": "A"}' where workspace_id = ${ws.workspaceId} and id = ${contact.id}`.execute(db);
    expect((await admin.get(`/api/v1/contacts/${contact.id}`)).body.attributes).toEqual({ grade: 'A' });
    expect((await admin.get('/api/v1/contacts')).body.data[0].attributes).toEqual({ grade: 'A' });
    const filtered = await admin.get(`/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ field: 'attributes.grade', op: 'eq', value: 'A' }))}`);
    expect(filtered.status).toBe(200);
    expect(filtered.body.data.map((c: { id: string }) => c.id)).toEqual([contact.id]);

    await sql`delete from field_definitions where workspace_id = ${ws.workspaceId}`.execute(db);
    const unknown = await admin.get(`/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ field: 'attributes.grade', op: 'eq', value: 'A' }))}`);
    expect(unknown.status).toBe(400);
  });
});

describe('list totals', () => {
  it('takes the total of a short first page from the page and counts otherwise', async () => {
    const ws = await newWorkspace(db);
    await sql`insert into contacts (workspace_id, display_name, last_name) select ${ws.workspaceId}, 'P' || g, 'P' || g from generate_series(1, 7) g`.execute(db);
    const page = (limit: number) => sql<{ id: string }>`select id::text from contacts where workspace_id = ${ws.workspaceId} order by id limit ${limit + 1}`;
    const countFrom = sql`from contacts where workspace_id = ${ws.workspaceId}`;
    expect((await pageAndCount(db, page(10), countFrom, 10, true)).total).toBe(7);
    const full = await pageAndCount(db, page(3), countFrom, 3, true);
    expect([full.rows.length, full.total, full.total_capped]).toEqual([4, 7, false]);
    // a later page never stands for the whole list
    expect((await pageAndCount(db, page(10), countFrom, 10, false)).total).toBe(7);
  });

  it('counts records shared with a scoped user, and only those, in a filtered list', async () => {
    const ws = await newWorkspace(db);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const repApi = client(app, await logInAs(app, rep.email));
    const ids: string[] = [];
    for (const name of ['Shared', 'Hidden']) ids.push((await admin.post('/api/v1/contacts', { last_name: name, city: '上海', tags: ['VIP'] })).body.id);
    expect((await admin.post(`/api/v1/contacts/${ids[0]}/collaborators`, { user_id: rep.id, access: 'read' })).status).toBe(201);
    const filter = encodeURIComponent(JSON.stringify({ and: [{ field: 'city', op: 'eq', value: '上海' }, { field: 'tags', op: 'has_tag', value: 'VIP' }] }));
    const list = await repApi.get(`/api/v1/contacts?filter=${filter}`);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(list.body.total).toBe(1);
  });

  it('runs a cached statement shape with each execution\'s own slot values, and refuses a missing one', async () => {
    const n = new Slot('n');
    let builds = 0;
    const run = (value: number) => executeShape<{ n: number }>(db, 'read-path-cache:shape', () => {
      builds++;
      return sql<{ n: number }>`select ${n}::int * ${10}::int as n`;
    }, { n: value });
    expect((await run(1)).rows).toEqual([{ n: 10 }]);
    expect((await run(7)).rows).toEqual([{ n: 70 }]);
    expect(builds).toBe(1);
    await expect(executeShape(db, 'read-path-cache:shape', () => sql`select 1`, {})).rejects.toThrow(/no value for slot n/);
  });

  it('reads a contact by id under the role as it is now, after the role changed between two reads', async () => {
    const ws = await newWorkspace(db);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const role = await admin.post('/api/v1/roles', {
      key: 'shape_reader', name: 'Shape reader',
      permissions: { objects: { contacts: { actions: ['view'], scope: 'all' } } },
    });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const reader = await newUser(db, ws.workspaceId, { roleKey: 'shape_reader' });
    const api = client(app, await logInAs(app, reader.email));
    const created = await admin.post('/api/v1/contacts', { first_name: 'Ada', last_name: 'Quillfeather', phone: '+8613812348000' });
    const first = await api.get(`/api/v1/contacts/${created.body.id}`);
    expect(first.body).toMatchObject({ last_name: 'Quillfeather', phone: '+8613812348000' });
    const changed = await admin.patch(`/api/v1/roles/${role.body.id}`, {
      permissions: { objects: { contacts: { actions: ['view'], scope: 'all' } }, fields: { contacts: { last_name: 'hidden' } }, masks: { contacts: { phone: 'everywhere' } } },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const second = await api.get(`/api/v1/contacts/${created.body.id}`);
    expect(second.body.last_name).toBeNull();
    expect(second.body.phone).not.toBe('+8613812348000');
    expect(JSON.stringify(second.body)).not.toContain('Quillfeather');
    // another workspace's contact id is still a 404 through the cached shape
    const other = await newWorkspace(db);
    const otherAdmin = client(app, await logInAs(app, other.adminEmail));
    const foreign = await otherAdmin.post('/api/v1/contacts', { first_name: 'Foreign' });
    expect((await api.get(`/api/v1/contacts/${foreign.body.id}`)).status).toBe(404);
  });
});
