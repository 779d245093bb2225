import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { refreshContactAggregates } from './contact-aggregates.ts';
import { orderVisibleSql } from './order-visibility.ts';

/** Soft delete (restorable); the contact's aggregates forget the order in the same transaction. */
export async function deleteOrder(db: Db, principal: Principal, id: string): Promise<void> {
  const visible = await orderVisibleSql(db, principal);
  await db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ contact_id: string | null }>`update orders o set deleted_at = now(), updated_at = now()
      where o.workspace_id = ${principal.workspaceId} and o.id = ${id} and o.deleted_at is null and ${visible}
      returning o.contact_id::text`.execute(tx);
    if (!rows[0]) throw notFound('Order');
    await refreshContactAggregates(tx, principal.workspaceId, rows[0].contact_id);
    await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'orders', recordId: id, actorId: principal.userId, action: 'delete' });
  });
}
