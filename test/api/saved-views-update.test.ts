import { describe, expect, it } from 'vitest';
import { adminAndTwoReps, testApp, type Client } from '../support/test-app.ts';

const { app, db } = await testApp();

const setup = () => adminAndTwoReps(app, db);

const shanghai = { and: [{ field: 'city', op: 'eq', value: '上海' }] };

async function view(api: Client, body: Record<string, unknown> = {}) {
  const res = await api.post('/api/v1/saved-views', { object: 'contacts', name: '上海客户', filter: shanghai, sort: '-updated_at', columns: ['display_name', 'city'], ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; object: string; name: string; filter: unknown; sort: string | null; columns: string[] | null; created_at: string };
}

async function listed(api: Client, object = 'contacts') {
  const res = await api.get('/api/v1/saved-views?object=' + object);
  expect(res.status).toBe(200);
  return res.body.data as Array<Record<string, unknown>>;
}

describe('PATCH /saved-views/:id', () => {
  it('renames a view and leaves the rest alone; the list shows the new name', async () => {
    const { a } = await setup();
    const created = await view(a);
    const res = await a.patch(`/api/v1/saved-views/${created.id}`, { name: '  华东客户  ' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ...created, name: '华东客户' });
    expect(await listed(a)).toEqual([res.body]);
  });

  it('replaces the filter, the sort and the columns, one at a time or together, and clears them with null', async () => {
    const { a } = await setup();
    const created = await view(a);
    const beijing = { or: [{ field: 'city', op: 'eq', value: '北京' }, { field: 'tags', op: 'has_tag', value: 'vip' }] };

    let res = await a.patch(`/api/v1/saved-views/${created.id}`, { filter: beijing });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ...created, filter: beijing });

    res = await a.patch(`/api/v1/saved-views/${created.id}`, { sort: 'display_name' });
    expect(res.body).toEqual({ ...created, filter: beijing, sort: 'display_name' });

    res = await a.patch(`/api/v1/saved-views/${created.id}`, { columns: ['display_name', 'email', 'phone'] });
    expect(res.body).toEqual({ ...created, filter: beijing, sort: 'display_name', columns: ['display_name', 'email', 'phone'] });
    expect(await listed(a)).toEqual([res.body]);

    const all = { name: 'Everything', filter: shanghai, sort: '-created_at', columns: ['display_name'] };
    res = await a.patch(`/api/v1/saved-views/${created.id}`, all);
    expect(res.body).toEqual({ ...created, ...all });

    res = await a.patch(`/api/v1/saved-views/${created.id}`, { filter: null, sort: null, columns: null });
    expect(res.body).toEqual({ ...created, name: 'Everything', filter: null, sort: null, columns: null });
    expect(await listed(a)).toEqual([res.body]);

    // an empty body changes nothing and answers the view
    res = await a.patch(`/api/v1/saved-views/${created.id}`, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...created, name: 'Everything', filter: null, sort: null, columns: null });
  });

  it('validates like create, against the view\'s own object, and applies nothing of a refused change', async () => {
    const { a } = await setup();
    const created = await view(a);
    const company = await view(a, { object: 'companies', name: 'Firms', filter: null, sort: 'name', columns: null });

    const unknownField = { field: 'nope', op: 'eq', value: 1 };
    const onCreate = await a.post('/api/v1/saved-views', { object: 'contacts', name: 'bad', filter: unknownField });
    expect(onCreate.status).toBe(400);

    for (const [id, body, code] of [
      [created.id, { name: 'renamed', filter: unknownField }, onCreate.body.error.code],
      [created.id, { name: 'renamed', filter: '{oops' }, 'FILTER_INVALID'],
      [created.id, { name: 'renamed', filter: { field: 'city', op: 'between', value: 'x' } }, 'FILTER_INVALID'],
      [created.id, { name: 'renamed', sort: 'secret' }, 'SORT_INVALID'],
      [created.id, { name: '   ' }, 'FIELD_REQUIRED'],
      [created.id, { name: '' }, 'VALIDATION_FAILED'],
      [created.id, { name: 'x'.repeat(201) }, 'VALIDATION_FAILED'],
      [created.id, { object: 'companies' }, 'VALIDATION_FAILED'],
      [created.id, { columns: 'display_name' }, 'VALIDATION_FAILED'],
      // a contacts field on a companies view: checked against the companies registry
      [company.id, { filter: { field: 'birthday', op: 'eq', value: '2000-01-01' } }, 'FILTER_INVALID'],
      [company.id, { sort: 'display_name' }, 'SORT_INVALID'],
    ] as const) {
      const res = await a.patch(`/api/v1/saved-views/${id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code, JSON.stringify(body)).toBe(code);
    }
    expect(onCreate.body.error.code).toBe('FILTER_INVALID');
    expect(await listed(a)).toEqual([created]);
    expect(await listed(a, 'companies')).toEqual([company]);
  });

  it('answers 404 for another user\'s view, another workspace\'s view and a missing one, and changes none', async () => {
    const { a, b, admin } = await setup();
    const created = await view(a);
    const other = await setup();

    for (const caller of [b, admin, other.admin, other.a]) {
      const res = await caller.patch(`/api/v1/saved-views/${created.id}`, { name: 'taken over', filter: null });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await a.patch('/api/v1/saved-views/999999999', { name: 'ghost' })).status).toBe(404);
    expect((await a.patch('/api/v1/saved-views/abc', { name: 'ghost' })).status).toBe(400);
    expect(await listed(a)).toEqual([created]);
    expect(await listed(b)).toEqual([]);
  });
});
