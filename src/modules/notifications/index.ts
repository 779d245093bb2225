import type { ModuleDeps, ModulePlugin } from '../../platform/module.ts';
import { notificationsRoutes } from './notifications.routes.ts';

export { notify, NOTIFICATION_KINDS, type NotificationKind, type NewNotification } from './notify.ts';
export { generateTaskReminders, DUE_SOON_HOURS } from './generate-task-reminders.ts';

/** In-app notifications: assignments, mentions, task reminders. Other modules call `notify` in their transaction. */
export function notificationsModule(deps: ModuleDeps): ModulePlugin {
  return async (app) => {
    await app.register(notificationsRoutes(deps));
  };
}
