import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { refreshContactAggregates } from './contact-aggregates.ts';
import { findOrder, ORDER_AUDIT_FIELDS, type OrderJson, type OrderStatus } from './order-json.ts';
import { orderVisibleSql } from './order-visibility.ts';

/**
 * Moves an order through its statuses (and fixes its channel). Optimistic on `version`; a
 * cancellation or refund takes the order out of the contact's aggregates in the same transaction.
 */
export async function updateOrder(db: Db, principal: Principal, id: string, input: { version: number; status?: OrderStatus; channel?: string | null }): Promise<OrderJson> {
  const visible = await orderVisibleSql(db, principal);
  return db.transaction().execute(async (tx) => {
    const { rows: found } = await sql<{ version: number }>`select o.version from orders o
      where o.workspace_id = ${principal.workspaceId} and o.id = ${id} and o.deleted_at is null and ${visible}`.execute(tx);
    if (!found[0]) throw notFound('Order');
    const before = (await findOrder(tx, principal.workspaceId, id))!;
    const sets: RawBuilder<unknown>[] = [sql`version = o.version + 1`, sql`updated_at = now()`];
    if (input.status !== undefined) sets.push(sql`status = ${input.status}`);
    if (input.channel !== undefined) sets.push(sql`channel = ${input.channel}`);
    const { rows } = await sql`update orders o set ${sql.join(sets)}
      where o.workspace_id = ${principal.workspaceId} and o.id = ${id} and o.deleted_at is null and o.version = ${input.version}
      returning o.id`.execute(tx);
    if (!rows[0]) throw new AppError('VERSION_CONFLICT', 'The order changed since you read it', { current_version: found[0].version });
    if (input.status !== undefined && input.status !== before.status) await refreshContactAggregates(tx, principal.workspaceId, before.contact_id);
    const after = (await findOrder(tx, principal.workspaceId, id))!;
    const changes = diffFields(before, after, ORDER_AUDIT_FIELDS);
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'orders', recordId: id, actorId: principal.userId, action: 'update', changes });
    }
    return after;
  });
}
