import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../platform/module.ts';
import { principalOf } from '../../platform/http/access.ts';
import { MAX_PAGE_SIZE } from '../../platform/http/pagination.ts';
import { listNotifications } from './list-notifications.ts';
import { markAllRead, markRead } from './mark-read.ts';
import { NotificationSchema } from './notification-json.ts';

// Notifications are personal: any signed-in user, and every query is bound to principal.userId.
const mine = { access: { authenticated: true as const } };

export function notificationsRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/notifications', {
      config: mine,
      schema: {
        tags: ['notifications'],
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          unread_only: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ data: Type.Array(NotificationSchema), next_cursor: Type.Union([Type.String(), Type.Null()]), unread: Type.Integer() }) },
      },
    }, async (request) => listNotifications(db, principalOf(request), request.query));

    app.post('/notifications/read-all', {
      config: mine,
      schema: { tags: ['notifications'], response: { 200: Type.Object({ updated: Type.Integer() }) } },
    }, async (request) => ({ updated: await markAllRead(db, principalOf(request)) }));

    app.post('/notifications/:id/read', {
      config: mine,
      schema: {
        tags: ['notifications'],
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }),
        response: { 200: NotificationSchema },
      },
    }, async (request) => markRead(db, principalOf(request), request.params.id));
  };
}
