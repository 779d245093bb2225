import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { MAX_PAGE_SIZE } from '../../../platform/http/pagination.ts';
import { getTimeline } from './get-timeline.ts';

export const TimelineItemSchema = Type.Object({
  kind: Type.String({ description: 'note | activity | order | task | audit (later modules add kinds)' }),
  id: Type.String(),
  occurred_at: Type.String(),
  actor_name: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
});

const Query = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
});
const Params = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) });
const Response = { 200: Type.Object({ data: Type.Array(TimelineItemSchema), next_cursor: Type.Union([Type.String(), Type.Null()]) }) };

export function timelineRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/contacts/:id/timeline', {
      config: { access: { object: 'contacts', action: 'view' } },
      schema: { tags: ['contacts'], params: Params, querystring: Query, response: Response },
    }, async (request) => getTimeline(db, principalOf(request), { type: 'contact', id: request.params.id }, request.query));

    app.get('/companies/:id/timeline', {
      config: { access: { object: 'companies', action: 'view' } },
      schema: { tags: ['companies'], params: Params, querystring: Query, response: Response },
    }, async (request) => getTimeline(db, principalOf(request), { type: 'company', id: request.params.id }, request.query));
  };
}
