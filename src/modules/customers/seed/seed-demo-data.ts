import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../../platform/db/database.ts';
import { hashPassword } from '../../accounts/index.ts';
import { pinyinKeys } from '../search/search-document.ts';
import { refreshContactAggregates } from './refresh-contact-aggregates.ts';
import { seedCustomers, type SeedResult } from './seed-customers.ts';

export type DemoOptions = {
  workspaceId: string;
  adminId: string;
  size: 'small' | 'full';
  /** the demo users' password; without one they are created unable to sign in until an admin sets it */
  password?: string;
  pool?: pg.Pool;
};

type DemoUser = { key: string; name: string; role: string; department: string; manager: string | null };

// 销售总监 → 区域经理 → 销售代表: the manager chain makes "本人及下属" scopes meaningful in the demo.
const DEMO_USERS: readonly DemoUser[] = [
  { key: 'director', name: '陈志强', role: 'manager', department: '销售部', manager: null },
  { key: 'east_lead', name: '王芳', role: 'manager', department: '华东区', manager: 'director' },
  { key: 'east_rep1', name: '李娜', role: 'sales', department: '华东区', manager: 'east_lead' },
  { key: 'east_rep2', name: '张伟', role: 'sales', department: '华东区', manager: 'east_lead' },
  { key: 'south_lead', name: '刘洋', role: 'manager', department: '华南区', manager: 'director' },
  { key: 'south_rep', name: 'Emily Huang', role: 'sales', department: '华南区', manager: 'south_lead' },
  { key: 'marketing', name: '赵敏', role: 'marketing', department: '市场部', manager: null },
  { key: 'service', name: '周静', role: 'service', department: '客服部', manager: null },
  { key: 'analyst', name: 'Daniel Wu', role: 'analyst', department: '总部', manager: null },
];

const SIZES = { small: { contacts: 200, companies: 40, ordersPerContact: 3 }, full: { contacts: 5000, companies: 400, ordersPerContact: 3 } };

/**
 * The demo workspace a first start shows: 总部 › 销售部 › 华东区/华南区, 市场部, 客服部; nine colleagues
 * with roles and managers; customers with orders, follow-ups, notes; tasks for the admin due today and
 * overdue. Does nothing when the workspace already has contacts, so a restart never duplicates it.
 */
export async function seedDemoData(db: Db, options: DemoOptions): Promise<{ created: boolean; users: number; customers?: SeedResult }> {
  const ws = options.workspaceId;
  const existing = await sql<{ n: string }>`select count(*)::text as n from (select 1 from contacts where workspace_id = ${ws} limit 1) x`.execute(db);
  if (existing.rows[0]!.n !== '0') return { created: false, users: 0 };

  const passwordHash = options.password ? await hashPassword(options.password) : null;
  const { departments, userIds } = await db.transaction().execute(async (tx) => {
    const { rows: admin } = await sql<{ department_id: string | null; email: string }>`
      select department_id::text, email::text from users where workspace_id = ${ws} and id = ${options.adminId}`.execute(tx);
    if (!admin[0]) throw new Error(`admin ${options.adminId} is not in workspace ${ws}`);
    let hq = admin[0].department_id;
    if (hq) await sql`update departments set name = '总部' where workspace_id = ${ws} and id = ${hq}`.execute(tx);
    else hq = (await sql<{ id: string }>`insert into departments (workspace_id, name) values (${ws}, '总部') returning id::text`.execute(tx)).rows[0]!.id;
    const departments: Record<string, string> = { 总部: hq };
    for (const [name, parent] of [['销售部', '总部'], ['华东区', '销售部'], ['华南区', '销售部'], ['市场部', '总部'], ['客服部', '总部']] as const) {
      const { rows } = await sql<{ id: string }>`
        insert into departments (workspace_id, name, parent_id) values (${ws}, ${name}, ${departments[parent]!}) returning id::text`.execute(tx);
      departments[name] = rows[0]!.id;
    }
    const domain = admin[0].email.split('@')[1] ?? 'example.com';
    const userIds: Record<string, string> = {};
    for (const user of DEMO_USERS) {
      const handle = pinyinKeys(user.name)[0] ?? user.name.toLowerCase().replace(/[^a-z]+/g, '.');
      // user emails are unique across workspaces: a second demo workspace on the same domain gets a suffix
      const taken = await sql`select 1 from users where email = ${`${handle}@${domain}`}`.execute(tx);
      const email = taken.rows.length ? `${handle}+w${ws}@${domain}` : `${handle}@${domain}`;
      const { rows } = await sql<{ id: string }>`
        insert into users (workspace_id, email, name, password_hash, department_id, manager_id, role_id)
        select ${ws}, ${email}, ${user.name}, ${passwordHash}, ${departments[user.department]!},
               ${user.manager ? userIds[user.manager]! : options.adminId}, id
        from roles where workspace_id = ${ws} and key = ${user.role}
        returning id::text`.execute(tx);
      if (!rows[0]) throw new Error(`role ${user.role} missing in workspace ${ws}`);
      userIds[user.key] = rows[0].id;
    }
    return { departments, userIds };
  });
  void departments;

  const size = SIZES[options.size];
  const sellers = ['director', 'east_lead', 'east_rep1', 'east_rep2', 'south_lead', 'south_rep'].map((k) => userIds[k]!);
  const customers = await seedCustomers(db, {
    workspaceId: ws,
    contacts: size.contacts,
    companies: size.companies,
    ordersPerContact: size.ordersPerContact,
    ownerIds: [...sellers, ...sellers, options.adminId],
    seed: 2026,
    pool: options.pool,
  });
  await adminAgenda(db, ws, options.adminId);
  return { created: true, users: DEMO_USERS.length, customers };
}

/** What the admin sees on the first dashboard: tasks overdue and due today, and their own follow-ups. */
async function adminAgenda(db: Db, ws: string, adminId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { rows: tz } = await sql<{ timezone: string }>`select timezone from workspaces where id = ${ws}`.execute(tx);
    const zone = tz[0]?.timezone ?? 'Asia/Shanghai';
    const { rows: contacts } = await sql<{ id: string; company_id: string | null }>`
      select id::text, company_id::text from contacts where workspace_id = ${ws} order by id limit 8`.execute(tx);
    const agenda: [string, string][] = [
      ['回访上周下单的客户', `now() - interval '3 days'`],
      ['确认合同细节', `now() - interval '1 day'`],
      ['发送新品报价', 'today 10:00'],
      ['电话跟进 VIP 客户', 'today 23:30'],
      ['准备季度客户复盘', `now() + interval '4 days'`],
    ];
    for (const [i, [title, when]] of agenda.entries()) {
      const contact = contacts[i % Math.max(1, contacts.length)];
      const due = when.startsWith('today')
        ? sql`(date_trunc('day', now() at time zone ${zone}) + ${when.slice(6)}::time) at time zone ${zone}`
        : sql.raw(when);
      await sql`insert into tasks (workspace_id, title, due_at, assignee_id, contact_id, company_id, created_by)
                values (${ws}, ${title}, ${due}, ${adminId}, ${contact?.id ?? null}, ${contact?.company_id ?? null}, ${adminId})`.execute(tx);
    }
    for (const contact of contacts.slice(0, 4)) {
      await sql`insert into notes (workspace_id, contact_id, body, author_id) values (${ws}, ${contact.id}, '客户希望下次拜访时带上新品样品。', ${adminId})`.execute(tx);
      await sql`insert into activities (workspace_id, type, subject, outcome, occurred_at, contact_id, owner_id)
                values (${ws}, 'call', '电话回访', '有意向', now() - interval '2 hours', ${contact.id}, ${adminId})`.execute(tx);
    }
    await refreshContactAggregates(tx, ws);
  });
}
