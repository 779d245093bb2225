import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/platform/http/access.ts';
import { DEFAULT_ROLES } from '../../src/modules/accounts/index.ts';
import { encodeCursor } from '../../src/platform/http/pagination.ts';
import { contactListQuery } from '../../src/modules/customers/contacts/list-contacts.ts';
import { cappedCount } from '../../src/modules/customers/filter/count.ts';
import { client, logInAs, newUser, newWorkspace, testApp, type Client } from '../support/test-app.ts';

const { app, db } = await testApp();

async function adminOf(): Promise<{ api: Client; ws: Awaited<ReturnType<typeof newWorkspace>> }> {
  const ws = await newWorkspace(db);
  return { api: client(app, await logInAs(app, ws.adminEmail)), ws };
}

const q = (filter: unknown) => `/api/v1/contacts?filter=${encodeURIComponent(typeof filter === 'string' ? filter : JSON.stringify(filter))}&limit=200`;

/** A small, varied population with custom fields, and a helper that lists display names for a filter. */
async function population() {
  const { api, ws } = await adminOf();
  const defs = [
    { object: 'contacts', key: 'score', label: 'Score', type: 'number' },
    { object: 'contacts', key: 'spend', label: 'Spend', type: 'money' },
    { object: 'contacts', key: 'joined', label: 'Joined', type: 'date' },
    { object: 'contacts', key: 'member', label: 'Member', type: 'boolean' },
    { object: 'contacts', key: 'level', label: 'Level', type: 'select', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
    { object: 'contacts', key: 'hobbies', label: 'Hobbies', type: 'multi_select', options: [{ value: 'golf', label: 'Golf' }, { value: 'tea', label: 'Tea' }, { value: 'go', label: 'Go' }] },
    { object: 'contacts', key: 'note', label: 'Note', type: 'text' },
  ];
  for (const d of defs) expect((await api.post('/api/v1/custom-fields', d)).status).toBe(201);
  const people = [
    { first_name: 'Ann', last_name: 'Alpha', city: '上海', birthday: '1990-01-01', gender: 'female', tags: ['VIP'], attributes: { score: 10, spend: 1000, joined: '2020-01-01', member: true, level: 'a', hobbies: ['golf', 'tea'], note: '50% off' } },
    { first_name: 'Bob', last_name: 'Beta', city: '北京', birthday: '1985-06-15', gender: 'male', tags: ['VIP', 'new'], attributes: { score: 20, spend: 2500, joined: '2021-06-01', member: false, level: 'b', hobbies: ['tea'] } },
    { first_name: 'Cat', last_name: 'Gamma', city: '上海', gender: 'female', tags: [], attributes: { score: 30, joined: '2022-03-03', hobbies: ['go'] } },
    { first_name: 'Dan', last_name: 'Delta', city: null, birthday: '2000-12-31', tags: ['new'], attributes: {} },
    { first_name: '娜', last_name: '李', city: '深圳', tags: [], attributes: { score: 5.5, note: 'under_score' } },
  ];
  const ids: Record<string, string> = {};
  for (const p of people) {
    const res = await api.post('/api/v1/contacts', p);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[res.body.first_name] = res.body.id;
  }
  const names = async (filter: unknown): Promise<string[]> => {
    const res = await api.get(q(filter));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.data as { first_name: string }[]).map((c) => c.first_name).sort();
  };
  return { api, ws, ids, names };
}

describe('filter operators', () => {
  it('filters standard fields with every operator', async () => {
    const { names, ws } = await population();
    const owner = ws.adminId;
    expect(await names({ field: 'city', op: 'eq', value: '上海' })).toEqual(['Ann', 'Cat']);
    expect(await names({ field: 'city', op: 'neq', value: '上海' })).toEqual(['Bob', 'Dan', '娜']);
    expect(await names({ field: 'city', op: 'in', value: ['北京', '深圳'] })).toEqual(['Bob', '娜']);
    expect(await names({ field: 'last_name', op: 'contains', value: 'amm' })).toEqual(['Cat']);
    expect(await names({ field: 'last_name', op: 'starts_with', value: 'de' })).toEqual(['Dan']);
    expect(await names({ field: 'birthday', op: 'gt', value: '1990-01-01' })).toEqual(['Dan']);
    expect(await names({ field: 'birthday', op: 'gte', value: '1990-01-01' })).toEqual(['Ann', 'Dan']);
    expect(await names({ field: 'birthday', op: 'lt', value: '1990-01-01' })).toEqual(['Bob']);
    expect(await names({ field: 'birthday', op: 'lte', value: '1990-01-01' })).toEqual(['Ann', 'Bob']);
    expect(await names({ field: 'birthday', op: 'between', value: ['1985-01-01', '1995-01-01'] })).toEqual(['Ann', 'Bob']);
    expect(await names({ field: 'city', op: 'is_empty', value: true })).toEqual(['Dan']);
    expect(await names({ field: 'birthday', op: 'is_empty', value: false })).toEqual(['Ann', 'Bob', 'Dan']);
    expect(await names({ field: 'tags', op: 'has_tag', value: 'VIP' })).toEqual(['Ann', 'Bob']);
    expect(await names({ field: 'tags', op: 'in', value: ['new', 'nope'] })).toEqual(['Bob', 'Dan']);
    expect(await names({ field: 'tags', op: 'is_empty', value: true })).toEqual(['Cat', '娜']);
    expect(await names({ field: 'gender', op: 'eq', value: 'female' })).toEqual(['Ann', 'Cat']);
    expect(await names({ field: 'owner_id', op: 'in', value: [owner] })).toHaveLength(5);
    expect(await names({ field: 'owner_id', op: 'neq', value: owner })).toEqual([]);
  });

  it('filters custom fields by their defined type', async () => {
    const { names } = await population();
    expect(await names({ field: 'attributes.score', op: 'gt', value: 10 })).toEqual(['Bob', 'Cat']);
    expect(await names({ field: 'attributes.score', op: 'eq', value: 5.5 })).toEqual(['娜']);
    expect(await names({ field: 'attributes.score', op: 'between', value: [6, 25] })).toEqual(['Ann', 'Bob']);
    expect(await names({ field: 'attributes.spend', op: 'gte', value: 2000 })).toEqual(['Bob']);
    expect(await names({ field: 'attributes.joined', op: 'lt', value: '2021-01-01' })).toEqual(['Ann']);
    expect(await names({ field: 'attributes.member', op: 'eq', value: false })).toEqual(['Bob']);
    expect(await names({ field: 'attributes.level', op: 'in', value: ['a', 'b'] })).toEqual(['Ann', 'Bob']);
    expect(await names({ field: 'attributes.level', op: 'is_empty', value: true })).toEqual(['Cat', 'Dan', '娜']);
    expect(await names({ field: 'attributes.hobbies', op: 'eq', value: 'tea' })).toEqual(['Ann', 'Bob']);
    expect(await names({ field: 'attributes.hobbies', op: 'in', value: ['golf', 'go'] })).toEqual(['Ann', 'Cat']);
    expect(await names({ field: 'attributes.hobbies', op: 'has_tag', value: 'golf' })).toEqual(['Ann']);
    expect(await names({ field: 'attributes.note', op: 'contains', value: '%' })).toEqual(['Ann']);
    expect(await names({ field: 'attributes.note', op: 'contains', value: '_' })).toEqual(['娜']);
  });

  it('nests AND and OR groups', async () => {
    const { names } = await population();
    const filter = {
      or: [
        { and: [{ field: 'city', op: 'eq', value: '上海' }, { field: 'tags', op: 'has_tag', value: 'VIP' }] },
        { and: [{ field: 'attributes.score', op: 'lt', value: 10 }, { or: [{ field: 'city', op: 'eq', value: '深圳' }, { field: 'city', op: 'is_empty', value: true }] }] },
      ],
    };
    expect(await names(filter)).toEqual(['Ann', '娜']);
  });

  it('finds contacts by quick text: name, pinyin, phone tail, email', async () => {
    const { api } = await adminOf();
    await api.post('/api/v1/contacts', { first_name: '三丰', last_name: '张', phone: '13812348000' });
    await api.post('/api/v1/contacts', { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.mil' });
    const find = async (text: string) => ((await api.get(`/api/v1/contacts?q=${encodeURIComponent(text)}`)).body.data as { display_name: string }[]).map((c) => c.display_name);
    expect(await find('张三')).toEqual(['张三丰']);
    expect(await find('zsf')).toEqual(['张三丰']);
    expect(await find('8000')).toEqual(['张三丰']);
    expect(await find('grace@navy')).toEqual(['Grace Hopper']);
    expect(await find('hop')).toEqual(['Grace Hopper']);
    expect(await find("'; drop table contacts; --")).toEqual([]);
  });
});

describe('malformed filters and injection attempts', () => {
  it('refuses bad filters with FILTER_INVALID and changes nothing', async () => {
    const { api, ws } = await population();
    const bad: unknown[] = [
      '{"field":"city","op":"eq"',
      'not json',
      '[]',
      { field: 'city', op: 'regex', value: '.*' },
      { field: 'nope', op: 'eq', value: 'x' },
      { field: 'city) or 1=1 --', op: 'eq', value: 'x' },
      { field: 'attributes.score', op: 'gt', value: 'ten' },
      { field: 'attributes.unknown', op: 'eq', value: 1 },
      { field: 'birthday', op: 'eq', value: "1990-01-01' or '1'='1" },
      { field: 'owner_id', op: 'in', value: ['1 or 1=1'] },
      { field: 'city', op: 'eq', value: { $ne: null } },
      { and: [{ field: 'city', op: 'eq', value: 'x' }], or: [] },
      { and: [{ and: [{ and: [{ and: [{ and: [{ and: [{ field: 'city', op: 'eq', value: 'x' }] }] }] }] }] }] },
    ];
    for (const filter of bad) {
      const res = await api.get(q(filter));
      expect(res.status, JSON.stringify(filter)).toBe(400);
      expect(res.body.error.code).toBe('FILTER_INVALID');
    }
    const harmless = await api.get(q({ field: 'city', op: 'eq', value: "上海'; delete from contacts; --" }));
    expect(harmless.status).toBe(200);
    expect(harmless.body.data).toHaveLength(0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from contacts where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(rows[0]!.n).toBe(5);
    expect((await api.get('/api/v1/contacts?sort=password_hash')).body.error.code).toBe('SORT_INVALID');
    expect((await api.get('/api/v1/contacts?cursor=garbage')).body.error.code).toBe('CURSOR_INVALID');
  });
});

describe('sorting and pagination', () => {
  it('pages through every sort without duplicates or gaps', async () => {
    const { api, ws } = await adminOf();
    // identical updated_at for many rows: the id tie-breaker must keep pages disjoint
    await sql`insert into contacts (workspace_id, display_name, first_name, birthday, city, owner_id, updated_at)
      select ${ws.workspaceId}, 'P' || lpad(g::text, 3, '0'), 'P' || (g % 7), case when g % 3 = 0 then null else date '1980-01-01' + (g % 11) end,
             case when g % 4 = 0 then null else 'city' || (g % 5) end, ${ws.adminId}, timestamptz '2024-01-01' + ((g % 4) || ' microseconds')::interval
      from generate_series(1, 57) g`.execute(db);
    for (const sort of ['-updated_at', 'updated_at', 'display_name', '-display_name', 'birthday', '-birthday', 'city', '-created_at']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: { data: { id: string }[]; next_cursor: string | null; total: number } } = await api.get(
          `/api/v1/contacts?sort=${sort}&limit=10${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(57);
        seen.push(...res.body.data.map((c) => c.id));
        cursor = res.body.next_cursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(pages, sort).toBe(6);
      expect(new Set(seen).size, sort).toBe(57);
    }
    const names = (await api.get('/api/v1/contacts?sort=display_name&limit=3')).body.data.map((c: { display_name: string }) => c.display_name);
    expect(names).toEqual(['P001', 'P002', 'P003']);
  });

  it('caps the total and says so', async () => {
    const { ws } = await adminOf();
    await sql`insert into contacts (workspace_id, display_name, owner_id) select ${ws.workspaceId}, 'n' || g, ${ws.adminId} from generate_series(1, 5) g`.execute(db);
    const from = sql`from contacts c where c.workspace_id = ${ws.workspaceId}`;
    expect(await cappedCount(db, from, 3)).toEqual({ total: 3, total_capped: true });
    expect(await cappedCount(db, from, 5)).toEqual({ total: 5, total_capped: false });
    expect(await cappedCount(db, from)).toEqual({ total: 5, total_capped: false });
  });
});

describe('query plans', () => {
  it('serves the first page from the list indexes, scoped or not', async () => {
    const { ws } = await adminOf();
    const reps = [];
    for (let i = 0; i < 5; i++) reps.push(await newUser(db, ws.workspaceId, { roleKey: 'sales' }));
    const owners = [ws.adminId, ...reps.map((r) => r.id)];
    await sql`insert into contacts (workspace_id, display_name, owner_id, city, updated_at)
      select ${ws.workspaceId}, 'c' || g, (${owners}::bigint[])[1 + g % ${owners.length}], 'city' || (g % 50), now() - (g || ' seconds')::interval
      from generate_series(1, 5000) g`.execute(db);
    await sql`analyze contacts`.execute(db);
    const base = { workspaceId: ws.workspaceId, roleId: '0', departmentId: null, via: 'session' as const, scopes: [], csrfToken: null };
    const admin: Principal = { ...base, userId: ws.adminId, roleKey: 'admin', permissions: DEFAULT_ROLES.find((r) => r.key === 'admin')!.permissions };
    const rep: Principal = { ...base, userId: reps[0]!.id, roleKey: 'sales', permissions: DEFAULT_ROLES.find((r) => r.key === 'sales')!.permissions };
    for (const principal of [admin, rep]) {
      const { page } = await contactListQuery(db, principal, {});
      const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${page}`.execute(db);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan, plan).toMatch(/contacts_(list|owner)_idx/);
      expect(plan, plan).not.toMatch(/Seq Scan on contacts/);
    }
  });
  it('pages a scoped list from each owner\'s stream in contacts_owner_idx, never walking the workspace\'s list index', async () => {
    const { ws } = await adminOf();
    const reps = [];
    for (let i = 0; i < 20; i++) reps.push(await newUser(db, ws.workspaceId, { roleKey: 'sales' }));
    const owners = [ws.adminId, ...reps.map((r) => r.id)];
    await sql`insert into contacts (workspace_id, display_name, owner_id, updated_at)
      select ${ws.workspaceId}, 's' || g, (${owners}::bigint[])[1 + g % ${owners.length}], now() - (g || ' seconds')::interval
      from generate_series(1, 20000) g`.execute(db);
    await sql`vacuum analyze contacts`.execute(db);
    const base = { workspaceId: ws.workspaceId, roleId: '0', departmentId: null, via: 'session' as const, scopes: [], csrfToken: null };
    const rep: Principal = { ...base, userId: reps[0]!.id, roleKey: 'sales', permissions: DEFAULT_ROLES.find((r) => r.key === 'sales')!.permissions };
    const cursor = encodeCursor([new Date().toISOString(), '999999999']);
    for (const query of [{}, { sort: 'updated_at' }, { cursor }]) {
      const { page, countFrom } = await contactListQuery(db, rep, query);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${page}`.execute(db);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan, plan).toMatch(/Index Only Scan (Backward )?using contacts_owner_idx/);
      expect(plan, plan).not.toMatch(/contacts_list_idx|Seq Scan on contacts/);
      const counted = await sql<{ 'QUERY PLAN': string }>`explain select 1 ${countFrom}`.execute(db);
      const countPlan = counted.rows.map((r) => r['QUERY PLAN']).join('\n');
      // index-only where the visibility map allows it, a bitmap of the owners' entries otherwise: either way, the owner index
      expect(countPlan, countPlan).toMatch(/(Index Only Scan|Bitmap Index Scan) on contacts_owner_idx|Index Only Scan using contacts_owner_idx/);
      expect(countPlan, countPlan).not.toMatch(/Seq Scan on contacts|contacts_list_idx|BitmapOr/);
    }
  });
  it('tests several common values in one GIN scan (contacts_filter_idx), not one bitmap per condition', async () => {
    const { ws } = await adminOf();
    await sql`insert into contacts (workspace_id, display_name, owner_id, city, tags, attributes)
      select ${ws.workspaceId}, 'f' || g, ${ws.adminId}, 'city' || (g % 4),
             case when g % 13 = 0 then array['VIP'] else array['t' || (g % 7)] end,
             jsonb_build_object('industry', 'i' || (g % 20))
      from generate_series(1, 40000) g`.execute(db);
    await sql`analyze contacts`.execute(db);
    const base = { workspaceId: ws.workspaceId, roleId: '0', departmentId: null, via: 'session' as const, scopes: [], csrfToken: null };
    const admin: Principal = { ...base, userId: ws.adminId, roleKey: 'admin', permissions: DEFAULT_ROLES.find((r) => r.key === 'admin')!.permissions };
    const filter = JSON.stringify({ and: [
      { field: 'city', op: 'eq', value: 'city3' },
      { field: 'tags', op: 'has_tag', value: 'VIP' },
      { field: 'attributes.industry', op: 'eq', value: 'i7' },
    ] });
    await sql`insert into field_definitions (workspace_id, object_type, key, label, type) values (${ws.workspaceId}, 'contacts', 'industry', 'Industry', 'text')`.execute(db);
    const { page } = await contactListQuery(db, admin, { filter });
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${page}`.execute(db);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan, plan).toMatch(/Bitmap Index Scan on contacts_filter_idx[^\n]*\n\s+Index Cond: \(\(city = 'city3'::text\) AND \(tags @> '\{VIP\}'::text\[\]\) AND \(attributes @> '\{"industry": "i7"\}'::jsonb\)\)/);
    expect(plan, plan).not.toMatch(/BitmapAnd/);
  });
});
