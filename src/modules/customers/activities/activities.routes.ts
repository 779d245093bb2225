import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { MAX_PAGE_SIZE } from '../../../platform/http/pagination.ts';
import { ACTIVITY_TYPES, ActivitySchema } from './activity-json.ts';
import { createActivity } from './create-activity.ts';
import { listActivities } from './list-activities.ts';

const Id = Type.String({ pattern: '^[0-9]{1,18}$' });

export function activitiesRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/activities', {
      config: { access: { object: 'activities', action: 'view' } },
      schema: {
        tags: ['activities'],
        querystring: Type.Object({
          contact_id: Type.Optional(Id),
          company_id: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: {
          200: Type.Object({ data: Type.Array(ActivitySchema), next_cursor: Type.Union([Type.String(), Type.Null()]), total: Type.Integer(), total_capped: Type.Boolean() }),
        },
      },
    }, async (request) => listActivities(db, principalOf(request), request.query));

    app.post('/activities', {
      config: { access: { object: 'activities', action: 'create' } },
      schema: {
        tags: ['activities'],
        body: Type.Object({
          type: Type.Enum(ACTIVITY_TYPES),
          subject: Type.String({ minLength: 1, maxLength: 500 }),
          outcome: Type.Optional(Type.String({ maxLength: 500 })),
          body: Type.Optional(Type.String({ maxLength: 10_000 })),
          occurred_at: Type.String({ format: 'date-time' }),
          duration_minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          contact_id: Type.Optional(Id),
          company_id: Type.Optional(Id),
        }, { additionalProperties: false }),
        response: { 201: ActivitySchema },
      },
    }, async (request, reply) => reply.status(201).send(await createActivity(db, principalOf(request), request.body)));
  };
}
