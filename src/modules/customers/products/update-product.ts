import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { assertCurrency } from './currency.ts';
import { findProduct, isSkuConflict, PRODUCT_AUDIT_FIELDS, type ProductJson } from './product-json.ts';

export type ProductChanges = { version: number; sku?: string; name?: string; price_minor?: number; currency?: string; active?: boolean };

/** Optimistic update on `version`; no row → 404 if the product is gone, 409 if it changed. */
export async function updateProduct(db: Db, principal: Principal, id: string, input: ProductChanges): Promise<ProductJson> {
  if (input.currency !== undefined) assertCurrency(input.currency);
  try {
    return await db.transaction().execute(async (tx) => {
      const before = await findProduct(tx, principal.workspaceId, id);
      if (!before) throw notFound('Product');
      const sets: RawBuilder<unknown>[] = [sql`version = p.version + 1`, sql`updated_at = now()`];
      if (input.sku !== undefined) sets.push(sql`sku = ${input.sku.trim()}`);
      if (input.name !== undefined) sets.push(sql`name = ${input.name.normalize('NFC').trim()}`);
      if (input.price_minor !== undefined) sets.push(sql`price_minor = ${input.price_minor}`);
      if (input.currency !== undefined) sets.push(sql`currency = ${input.currency}`);
      if (input.active !== undefined) sets.push(sql`active = ${input.active}`);
      const { rows } = await sql`update products p set ${sql.join(sets)}
        where p.workspace_id = ${principal.workspaceId} and p.id = ${id} and p.version = ${input.version} returning p.id`.execute(tx);
      if (!rows[0]) throw new AppError('VERSION_CONFLICT', 'The product changed since you read it', { current_version: before.version });
      const after = (await findProduct(tx, principal.workspaceId, id))!;
      const changes = diffFields(before, after, PRODUCT_AUDIT_FIELDS);
      if (Object.keys(changes).length > 0) {
        await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'products', recordId: id, actorId: principal.userId, action: 'update', changes });
      }
      return after;
    });
  } catch (error) {
    if (isSkuConflict(error)) throw new AppError('UNIQUE_VIOLATION', `A product with SKU "${input.sku}" already exists`, { field: 'sku' });
    throw error;
  }
}
