import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { COUNT_CAP, decodeCursor, encodeCursor, pageSize } from '../../platform/http/pagination.ts';
import { generateTaskReminders } from './generate-task-reminders.ts';
import { notificationSelect, type NotificationJson } from './notification-json.ts';

/** The caller's own notifications, newest first, after materialising the reminders now due. */
export async function listNotifications(
  db: Db,
  principal: Principal,
  query: { limit?: number; cursor?: string; unread_only?: boolean },
): Promise<{ data: NotificationJson[]; next_cursor: string | null; unread: number }> {
  const limit = pageSize(query.limit);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor && (typeof cursor[0] !== 'string' || Number.isNaN(Date.parse(cursor[0])) || typeof cursor[1] !== 'string' || !/^\d{1,18}$/.test(cursor[1]))) {
    throw new AppError('CURSOR_INVALID', 'The cursor is malformed or belongs to another sort order');
  }
  await generateTaskReminders(db, principal.workspaceId, principal.userId);
  const mine = sql`n.workspace_id = ${principal.workspaceId} and n.user_id = ${principal.userId}`;
  const { columns, joins } = await notificationSelect(db, principal);
  const { rows } = await sql<NotificationJson>`
    select ${columns}
    from notifications n ${joins}
    where ${mine}
      ${query.unread_only ? sql`and n.read_at is null` : sql``}
      ${cursor ? sql`and (n.created_at, n.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::bigint)` : sql``}
    order by n.created_at desc, n.id desc
    limit ${limit + 1}`.execute(db);
  const { rows: counted } = await sql<{ unread: number }>`
    select count(*)::int as unread from (select 1 from notifications n where ${mine} and n.read_at is null limit ${COUNT_CAP}) x`.execute(db);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page,
    next_cursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    unread: counted[0]?.unread ?? 0,
  };
}
