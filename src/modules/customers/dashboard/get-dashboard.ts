import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { generateTaskReminders } from '../../notifications/index.ts';
import { listOrders } from '../orders/list-orders.ts';
import { listTasks } from '../tasks/list-tasks.ts';
import type { TaskJson } from '../tasks/task-json.ts';
import { countCustomers } from './count-customers.ts';
import { recentActivity, type RecentItem } from './recent-activity.ts';
import { revenueByMonth } from './revenue-by-month.ts';

type Counted = { n: number; capped: boolean };

/** Counts like list totals: exact up to COUNT_CAP, then capped (see ARCHITECTURE, lists and counts). */
function counted(c: { total: number; total_capped: boolean }): Counted {
  return { n: c.total, capped: c.total_capped };
}

export type Dashboard = {
  counts: { contacts: number; companies: number; orders: number; open_tasks: number };
  counts_capped: { contacts: boolean; companies: boolean; orders: boolean; open_tasks: boolean };
  currency: string;
  revenue_by_month: { month: string; total_minor: number }[];
  recent_activity: RecentItem[];
  my_tasks: TaskJson[];
  today: { due_today: number; overdue: number };
};

const NONE: Counted = { n: 0, capped: false };

/**
 * The home page ("my day"): what the caller may see, counted; revenue; what happened lately; my open
 * tasks. Every figure goes through the same visibility rules as the lists it summarises. Task
 * reminders owed to the caller are materialised here too, as on GET /notifications.
 */
export async function getDashboard(db: Db, principal: Principal): Promise<Dashboard> {
  const ws = principal.workspaceId;
  await generateTaskReminders(db, ws, principal.userId);
  const [contacts, companies, orders, tasks, revenue, recent, today, workspace] = await Promise.all([
    can(principal, 'contacts', 'view') ? countCustomers(db, principal, 'contact').then(counted) : NONE,
    can(principal, 'companies', 'view') ? countCustomers(db, principal, 'company').then(counted) : NONE,
    // the orders list's own total: the same visibility and the same branch-by-branch count
    can(principal, 'orders', 'view') ? listOrders(db, principal, { limit: 1 }).then(counted) : NONE,
    can(principal, 'tasks', 'view') ? listTasks(db, principal, { assignee_id: 'me', done: false, limit: 10 }) : null,
    revenueByMonth(db, principal),
    recentActivity(db, principal, 10),
    sql<{ due_today: number; overdue: number }>`
      select count(*) filter (where t.due_at >= d.start_at and t.due_at < d.start_at + interval '1 day')::int as due_today,
             count(*) filter (where t.due_at < now())::int as overdue
      from (select (date_trunc('day', now() at time zone timezone) at time zone timezone) as start_at from workspaces where id = ${ws}) d
      join tasks t on t.workspace_id = ${ws} and t.assignee_id = ${principal.userId} and t.done = false and t.deleted_at is null
                  and t.due_at < d.start_at + interval '1 day'`.execute(db),
    sql<{ currency: string }>`select currency from workspaces where id = ${ws}`.execute(db),
  ]);
  return {
    counts: { contacts: contacts.n, companies: companies.n, orders: orders.n, open_tasks: tasks?.total ?? 0 },
    counts_capped: { contacts: contacts.capped, companies: companies.capped, orders: orders.capped, open_tasks: tasks?.total_capped ?? false },
    currency: workspace.rows[0]?.currency ?? 'CNY',
    revenue_by_month: revenue,
    recent_activity: recent,
    my_tasks: tasks?.data ?? [],
    today: today.rows[0] ?? { due_today: 0, overdue: 0 },
  };
}
