import { Type, type TSchema } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { TaskSchema } from '../tasks/task-json.ts';
import { TimelineItemSchema } from '../timeline/timeline.routes.ts';
import { getDashboard } from './get-dashboard.ts';

const Counts = <T extends TSchema>(t: T) => Type.Object({ contacts: t, companies: t, orders: t, open_tasks: t });

const DashboardSchema = Type.Object({
  counts: Counts(Type.Integer()),
  counts_capped: Counts(Type.Boolean()),
  currency: Type.String(),
  revenue_by_month: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), total_minor: Type.Integer() }), {
    description: 'The last 12 months (workspace time zone and currency) of paid, shipped and completed orders whose owner is within ' +
      "the caller's orders data scope. Orders shared with the caller but owned outside the scope are in counts.orders and the " +
      'orders list, not in revenue.',
  }),
  recent_activity: Type.Array(Type.Intersect([
    TimelineItemSchema,
    Type.Object({ contact_id: Type.Union([Type.String(), Type.Null()]), company_id: Type.Union([Type.String(), Type.Null()]) }),
  ])),
  my_tasks: Type.Array(TaskSchema),
  today: Type.Object({ due_today: Type.Integer(), overdue: Type.Integer() }),
});

export function dashboardRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    // every signed-in user has a home page; each section is limited by the role's view rights and scopes
    app.get('/dashboard', {
      config: { access: { authenticated: true } },
      schema: { tags: ['dashboard'], response: { 200: DashboardSchema } },
    }, async (request) => getDashboard(db, principalOf(request)));
  };
}
