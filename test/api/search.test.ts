import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { companySearchColumns, contactSearchColumns } from '../../src/modules/customers/index.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { client, logInAs, newDepartment, newUser, newWorkspace, testApp, type TestWorkspace } from '../support/test-app.ts';

const { app, db } = await testApp();

type NewContact = { name: string; first?: string; last?: string; email?: string; phone?: string; ownerId?: string; deleted?: boolean; companyId?: string };

async function insertContacts(db: Db, workspaceId: string, ownerId: string, contacts: NewContact[]): Promise<string[]> {
  const rows = contacts.map((c) => {
    const cols = contactSearchColumns({ displayName: c.name, firstName: c.first ?? null, lastName: c.last ?? null, emails: [c.email], phones: [c.phone] });
    return {
      display_name: c.name,
      first_name: c.first ?? null,
      last_name: c.last ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      owner_id: c.ownerId ?? ownerId,
      company_id: c.companyId ?? null,
      deleted: c.deleted ?? false,
      ...cols,
    };
  });
  const { rows: ids } = await sql<{ id: string }>`
    insert into contacts (workspace_id, display_name, first_name, last_name, email, emails, phone, phones, owner_id, company_id,
                          search_tokens, search_text, phone_rev, deleted_at)
    select ${workspaceId}, r.display_name, r.first_name, r.last_name, r.email,
           case when r.email is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('value', r.email, 'label', 'work')) end,
           r.phone, case when r.phone is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('value', r.phone, 'label', 'mobile')) end,
           r.owner_id, r.company_id,
           array_to_tsvector(r.search_tokens), r.search_text, r.phone_rev, case when r.deleted then now() end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(display_name text, first_name text, last_name text, email text, phone text,
         owner_id bigint, company_id bigint, deleted boolean, search_tokens text[], search_text text, phone_rev text)
    returning id::text`.execute(db);
  return ids.map((r) => r.id);
}

async function insertCompany(db: Db, workspaceId: string, ownerId: string, name: string, domain: string | null): Promise<string> {
  const cols = companySearchColumns({ name, domain });
  const { rows } = await sql<{ id: string }>`
    insert into companies (workspace_id, name, domain, owner_id, search_tokens, search_text)
    values (${workspaceId}, ${name}, ${domain}, ${ownerId}, array_to_tsvector(${cols.search_tokens}::text[]), ${cols.search_text})
    returning id::text`.execute(db);
  return rows[0]!.id;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '桂英', '建华', '志强'];

/** Thousands of look-alike names, so a hit is found through the index, not by luck. */
function crowd(n: number): NewContact[] {
  const out: NewContact[] = [];
  for (let i = 0; i < n; i++) {
    const s = SURNAMES[i % SURNAMES.length]!;
    const g = GIVEN[(i * 7 + Math.floor(i / 10)) % GIVEN.length]!;
    const name = s + g;
    if (name === '李娜') continue;
    out.push({ name, first: g, last: s, email: `user${i}@crowd.example.com`, phone: `+86139${String(10000000 + i).slice(-8)}` });
  }
  return out;
}

async function adminOf(ws: TestWorkspace) {
  return client(app, await logInAs(app, ws.adminEmail));
}

async function search(api: ReturnType<typeof client>, q: string, limit = 10) {
  const res = await api.get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`);
  return res;
}

describe('GET /search', () => {
  it('finds a 2-character Chinese name among thousands, exact name first, and not its reversal', async () => {
    const ws = await newWorkspace(db);
    await insertContacts(db, ws.workspaceId, ws.adminId, crowd(3000));
    const [lina, linana, nali] = await insertContacts(db, ws.workspaceId, ws.adminId, [
      { name: '李娜', first: '娜', last: '李', phone: '+8613812348000' },
      { name: '李娜娜', first: '娜娜', last: '李' },
      { name: '娜李', first: '李', last: '娜' },
    ]);
    const res = await search(await adminOf(ws), '李娜');
    expect(res.status).toBe(200);
    const ids = res.body.data.map((h: { id: string }) => h.id);
    expect(ids[0]).toBe(lina);
    expect(ids).toContain(linana);
    expect(ids).not.toContain(nali);
    expect(res.body.data[0]).toMatchObject({ type: 'contact', title: '李娜', matched: 'name' });
  });

  it('finds a 3-character name through its bigrams, and by full pinyin, initials and a pinyin prefix', async () => {
    const ws = await newWorkspace(db);
    await insertContacts(db, ws.workspaceId, ws.adminId, crowd(500));
    const [zsf] = await insertContacts(db, ws.workspaceId, ws.adminId, [{ name: '张三丰', first: '三丰', last: '张' }, { name: '张三', first: '三', last: '张' }]);
    const api = await adminOf(ws);
    for (const q of ['张三丰', 'zhangsanfeng', 'zsf', 'zhangs', 'zhang san']) {
      const res = await search(api, q);
      expect(res.status, q).toBe(200);
      expect(res.body.data.map((h: { id: string }) => h.id), q).toContain(zsf);
    }
    const initials = await search(api, 'zsf');
    expect(initials.body.data[0]).toMatchObject({ id: zsf, matched: 'pinyin' });
  });

  it('tolerates a typo in a Latin name', async () => {
    const ws = await newWorkspace(db);
    await insertContacts(db, ws.workspaceId, ws.adminId, [
      ...crowd(300),
      { name: 'Margaretha Oosterhuis', first: 'Margaretha', last: 'Oosterhuis', email: 'm.oosterhuis@example.nl' },
      { name: 'Pieter de Vries', first: 'Pieter', last: 'de Vries' },
    ]);
    const api = await adminOf(ws);
    // 'Osterhuis' has its typo in the first letters: only the trigram index finds it
    for (const q of ['Oosterhus', 'margaretha oosterhus', 'Margretha', 'Osterhuis']) {
      const res = await search(api, q);
      expect(res.status, q).toBe(200);
      expect(res.body.data.map((h: { title: string }) => h.title), q).toContain('Margaretha Oosterhuis');
      expect(res.body.data.map((h: { title: string }) => h.title), q).not.toContain('Pieter de Vries');
    }
    const prefix = await search(api, 'ooster');
    expect(prefix.body.data[0]).toMatchObject({ title: 'Margaretha Oosterhuis', matched: 'name' });
  });

  it('finds a contact by the last digits of any of its phones and by an email prefix', async () => {
    const ws = await newWorkspace(db);
    await insertContacts(db, ws.workspaceId, ws.adminId, crowd(2000));
    const [target] = await insertContacts(db, ws.workspaceId, ws.adminId, [{ name: '周杰', email: 'Jay.Zhou@music.example.com', phone: '+8613812345678' }]);
    await sql`update contacts set phones = '[{"value":"+8613812345678"},{"value":"+14155557531"}]',
              search_tokens = array_to_tsvector(${contactSearchColumns({ displayName: '周杰', emails: ['Jay.Zhou@music.example.com'], phones: ['+8613812345678', '+14155557531'] }).search_tokens}::text[])
              where id = ${target}`.execute(db);
    const api = await adminOf(ws);
    for (const q of ['5678', '12345678', '138 1234 5678', '7531', '415 555 7531']) {
      const res = await search(api, q);
      expect(res.status, q).toBe(200);
      expect(res.body.data[0], q).toMatchObject({ id: target, matched: 'phone' });
    }
    for (const q of ['jay.zhou@mus', 'JAY.ZHOU@', 'jay.zhou@music.example.com']) {
      const res = await search(api, q);
      expect(res.body.data.map((h: { id: string }) => h.id), q).toEqual([target]);
      expect(res.body.data[0].matched).toBe('email');
    }
  });

  it('finds companies by name and domain', async () => {
    const ws = await newWorkspace(db);
    const acme = await insertCompany(db, ws.workspaceId, ws.adminId, '上海艾克美贸易有限公司', 'acme-trade.cn');
    const api = await adminOf(ws);
    const byName = await search(api, '艾克美');
    expect(byName.body.data[0]).toMatchObject({ type: 'company', id: acme, title: '上海艾克美贸易有限公司', matched: 'name' });
    const byDomain = await search(api, 'acme-trade');
    expect(byDomain.body.data[0]).toMatchObject({ type: 'company', id: acme });
    expect(byDomain.body.data[0].subtitle).toContain('acme-trade.cn');
  });

  it('never returns another workspace’s records, nor deleted ones', async () => {
    const mine = await newWorkspace(db);
    const theirs = await newWorkspace(db);
    await insertContacts(db, theirs.workspaceId, theirs.adminId, [{ name: '李娜', email: 'lina@theirs.example.com', phone: '+8613800008000' }]);
    await insertCompany(db, theirs.workspaceId, theirs.adminId, '李娜商贸', 'lina.example.com');
    await insertContacts(db, mine.workspaceId, mine.adminId, [{ name: '李娜', deleted: true }]);
    const api = await adminOf(mine);
    for (const q of ['李娜', 'lina', 'ln', '8000', 'lina@theirs', 'Lina Theirs']) {
      const res = await search(api, q);
      expect(res.status, q).toBe(200);
      expect(res.body.data, q).toEqual([]);
    }
  });

  it('applies the data scope: an own-scope rep misses a colleague’s contact unless made a collaborator', async () => {
    const ws = await newWorkspace(db);
    const dept = await newDepartment(db, ws.workspaceId, '华东区', ws.departmentId);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales', departmentId: dept });
    const colleague = await newUser(db, ws.workspaceId, { roleKey: 'sales', departmentId: dept });
    const [mine, theirs] = await insertContacts(db, ws.workspaceId, ws.adminId, [
      { name: '王建华', ownerId: rep.id },
      { name: '王建国', ownerId: colleague.id },
    ]);
    const api = client(app, await logInAs(app, rep.email));
    const before = await search(api, '王建');
    expect(before.body.data.map((h: { id: string }) => h.id)).toEqual([mine]);

    await sql`insert into record_collaborators (workspace_id, object_type, record_id, user_id, access)
              values (${ws.workspaceId}, 'contacts', ${theirs}, ${rep.id}, 'read')`.execute(db);
    const after = await search(api, '王建');
    expect(after.body.data.map((h: { id: string }) => h.id).sort()).toEqual([mine, theirs].sort());

    await sql`update record_collaborators set expires_at = now() - interval '1 day' where record_id = ${theirs}`.execute(db);
    const expired = await search(api, 'wangjian');
    expect(expired.body.data.map((h: { id: string }) => h.id)).toEqual([mine]);
  });

  it('masks the phone and email in the subtitle for a role that masks them in lists', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const [id] = await insertContacts(db, ws.workspaceId, ws.adminId, [{ name: '陈静', email: 'chen.jing@example.com', phone: '+8613812348000', ownerId: rep.id }]);
    const res = await search(client(app, await logInAs(app, rep.email)), '8000');
    expect(res.body.data[0]).toMatchObject({ id, matched: 'phone' });
    expect(res.body.data[0].subtitle).toContain('138****8000');
    expect(res.body.data[0].subtitle).not.toContain('13812348000');
    expect(res.body.data[0].subtitle).not.toContain('chen.jing@');
    const admin = await search(await adminOf(ws), '8000');
    expect(admin.body.data[0].subtitle).toContain('+8613812348000');
  });

  it('does not search a hidden field, nor an object the role may not view', async () => {
    const ws = await newWorkspace(db);
    const perms = { objects: { contacts: { actions: ['view'], scope: 'all' } }, fields: { contacts: { phone: 'hidden', email: 'hidden' } }, masks: {} };
    await sql`insert into roles (workspace_id, key, name, permissions) values (${ws.workspaceId}, 'no_phone', 'No phone', ${JSON.stringify(perms)}::jsonb)`.execute(db);
    const user = await newUser(db, ws.workspaceId, { roleKey: 'no_phone' });
    await insertContacts(db, ws.workspaceId, ws.adminId, [{ name: '赵磊', phone: '+8613812348000', email: 'zhaolei@secret.example.com' }]);
    await insertCompany(db, ws.workspaceId, ws.adminId, '赵磊科技', null);
    const api = client(app, await logInAs(app, user.email));
    expect((await search(api, '8000')).body.data).toEqual([]);
    expect((await search(api, 'zhaolei@secret')).body.data).toEqual([]);
    const byName = await search(api, '赵磊');
    expect(byName.body.data.map((h: { type: string }) => h.type)).toEqual(['contact']);
    expect(byName.body.data[0].subtitle).not.toContain('8000');
    expect(byName.body.data[0].subtitle).not.toContain('secret');
  });

  it('treats tsquery operators in q as plain text and never fails', async () => {
    const ws = await newWorkspace(db);
    await insertContacts(db, ws.workspaceId, ws.adminId, [{ name: 'Anna Smith', email: 'anna@example.com' }]);
    const api = await adminOf(ws);
    for (const q of ["a & | ! : * ( ) '", '&', "'", '!!', 'anna:*', "anna' | 'x", '\\', 'smith & (', '<->', 'a <-> b', '%', '_']) {
      const res = await search(api, q);
      expect(res.status, q).toBe(200);
      expect(Array.isArray(res.body.data), q).toBe(true);
    }
    const injected = await search(api, 'anna:*');
    expect(injected.body.data.map((h: { title: string }) => h.title)).toEqual(['Anna Smith']);
  });

  it('refuses an empty q, a blank q and a bad limit with VALIDATION_FAILED', async () => {
    const ws = await newWorkspace(db);
    const api = await adminOf(ws);
    for (const url of ['/api/v1/search?q=', '/api/v1/search', '/api/v1/search?q=%20%20', '/api/v1/search?q=li&limit=0', '/api/v1/search?q=li&limit=500']) {
      const res = await api.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toBe('VALIDATION_FAILED');
    }
  });

  it('requires a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/search?q=li' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_REQUIRED');
  });
});
