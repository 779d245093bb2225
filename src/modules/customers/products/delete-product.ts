import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';

/**
 * Removes a product nobody ordered. Order lines keep pointing at their product, so a product that
 * was sold cannot go (RECORD_IN_USE): deactivate it instead (`active: false`).
 */
export async function deleteProduct(db: Db, principal: Principal, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { rows: used } = await sql`select 1 from order_lines where workspace_id = ${principal.workspaceId} and product_id = ${id} limit 1`.execute(tx);
    if (used.length > 0) throw new AppError('RECORD_IN_USE', 'The product appears on orders; deactivate it instead', { object: 'products' });
    const { rows } = await sql`delete from products where workspace_id = ${principal.workspaceId} and id = ${id} returning id`.execute(tx);
    if (!rows[0]) throw notFound('Product');
    await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'products', recordId: id, actorId: principal.userId, action: 'delete' });
  });
}
