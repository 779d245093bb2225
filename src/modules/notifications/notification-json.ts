import { sql, type RawBuilder } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { can, type Principal } from '../../platform/http/access.ts';
import { readableDisplayName, readableField, visibilityFor } from '../accounts/index.ts';
import { NOTIFICATION_KINDS } from './notify.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** The parts of a notification, so that a client can word it in the reader's language. */
export const NotificationPayloadSchema = Type.Object({
  actor_name: Nullable(Type.String({ description: 'who assigned the task or wrote the mentioning note' })),
  task_title: Nullable(Type.String({ description: 'assignment, task_due, task_overdue' })),
  record_type: Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Null()]),
  record_name: Nullable(Type.String({ description: 'the customer a mention is about; null when the reader may not see it' })),
  due_at: Nullable(Type.String({ description: 'task_due, task_overdue: the due time (ISO-8601)' })),
}, { description: 'Parts of the sentence; `title` is the same sentence in English, for kinds a client does not know' });

export const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(NOTIFICATION_KINDS),
  title: Type.String(),
  payload: NotificationPayloadSchema,
  link: Type.Union([Type.String(), Type.Null()]),
  read_at: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
});
export type NotificationJson = Static<typeof NotificationSchema>;

/**
 * Select list and joins for `notifications n`. Names are looked up when read, not frozen when written:
 * a renamed colleague or customer shows under the current name, and a customer the reader may not
 * see (or whose name their role hides) is named by nobody — a mention must not leak it.
 */
export async function notificationSelect(db: Db, principal: Principal): Promise<{ columns: RawBuilder<unknown>; joins: RawBuilder<unknown> }> {
  const visible = async (object: 'contacts' | 'companies', alias: string) =>
    can(principal, object, 'view') ? visibilityFor(db, principal, object, alias) : sql<boolean>`false`;
  const [contactVisible, companyVisible] = await Promise.all([visible('contacts', 'c'), visible('companies', 'co')]);
  const contactName = readableDisplayName(principal, { displayName: sql`c.display_name`, firstName: sql`c.first_name`, lastName: sql`c.last_name` }, 'list');
  const companyName = readableField(principal, 'companies', 'name', sql`co.name`, 'text', 'list');
  const id = (key: string) => sql`case when n.payload->>${key} ~ '^[0-9]{1,18}$' then (n.payload->>${key})::bigint end`;
  const columns = sql`n.id::text, n.kind, n.title, n.link, to_json(n.read_at)#>>'{}' as read_at, to_json(n.created_at)#>>'{}' as created_at,
    json_build_object(
      'actor_name', actor.name,
      'task_title', case when n.kind in ('assignment', 'task_due', 'task_overdue') then n.payload->>'title' end,
      'record_type', rec.type,
      'record_name', rec.name,
      'due_at', case when n.kind in ('task_due', 'task_overdue') then n.payload->>'due_at' end
    ) as payload`;
  const joins = sql`
    left join users actor on actor.workspace_id = n.workspace_id and actor.id = coalesce(${id('assigned_by')}, ${id('author_id')})
    left join lateral (
      select 'contact' as type, ${contactName}::text as name from contacts c
      where c.workspace_id = n.workspace_id and c.id = ${id('contact_id')} and c.deleted_at is null and ${contactVisible}
      union all
      select 'company', ${companyName}::text from companies co
      where co.workspace_id = n.workspace_id and co.id = ${id('company_id')} and co.deleted_at is null and ${companyVisible}
      limit 1
    ) rec on n.kind = 'mention'`;
  return { columns, joins };
}
