import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { COUNT_CAP, encodeCursor, pageSize, type Page } from '../../../platform/http/pagination.ts';
import { assertCustomersVisible } from '../timeline/customer-access.ts';
import { decodeTimeCursor } from '../timeline/keyset.ts';
import { ACTIVITY_COLUMNS, ACTIVITY_FROM, type ActivityJson } from './activity-json.ts';

/**
 * Activities of a contact or company (which must be visible), newest first; without either, the
 * caller's own activities — an activity is only ever seen through its customer or by its owner.
 */
export async function listActivities(
  db: Db,
  principal: Principal,
  query: { contact_id?: string; company_id?: string; limit?: number; cursor?: string },
): Promise<Required<Page<ActivityJson>>> {
  const limit = pageSize(query.limit);
  const cursor = decodeTimeCursor(query.cursor);
  await assertCustomersVisible(db, principal, { contactId: query.contact_id, companyId: query.company_id });
  const where = sql`ac.workspace_id = ${principal.workspaceId} and ac.deleted_at is null
    ${query.contact_id ? sql`and ac.contact_id = ${query.contact_id}` : sql``}
    ${query.company_id ? sql`and ac.company_id = ${query.company_id}` : sql``}
    ${!query.contact_id && !query.company_id ? sql`and ac.owner_id = ${principal.userId}` : sql``}`;
  const { rows } = await sql<ActivityJson>`
    select ${ACTIVITY_COLUMNS} from ${ACTIVITY_FROM}
    where ${where} ${cursor ? sql`and (ac.occurred_at, ac.id) < (${cursor.at}::timestamptz, ${cursor.id}::bigint)` : sql``}
    order by ac.occurred_at desc, ac.id desc limit ${limit + 1}`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from activities ac where ${where} limit ${COUNT_CAP + 1}) x`.execute(db);
  const total = counted[0]?.n ?? 0;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page,
    next_cursor: rows.length > limit && last ? encodeCursor([last.occurred_at, last.id]) : null,
    total: Math.min(total, COUNT_CAP),
    total_capped: total > COUNT_CAP,
  };
}
