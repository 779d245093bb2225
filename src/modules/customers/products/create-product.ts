import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { assertCurrency } from './currency.ts';
import { findProduct, isSkuConflict, PRODUCT_AUDIT_FIELDS, type ProductJson } from './product-json.ts';

export type NewProduct = { sku: string; name: string; price_minor: number; currency: string; active?: boolean };

export async function createProduct(db: Db, principal: Principal, input: NewProduct): Promise<ProductJson> {
  assertCurrency(input.currency);
  try {
    return await db.transaction().execute(async (tx) => {
      const { rows } = await sql<{ id: string }>`
        insert into products (workspace_id, sku, name, price_minor, currency, active)
        values (${principal.workspaceId}, ${input.sku.trim()}, ${input.name.normalize('NFC').trim()}, ${input.price_minor}, ${input.currency}, ${input.active ?? true})
        returning id::text`.execute(tx);
      const product = (await findProduct(tx, principal.workspaceId, rows[0]!.id))!;
      await recordAudit(tx, {
        workspaceId: principal.workspaceId, objectType: 'products', recordId: product.id, actorId: principal.userId, action: 'create',
        changes: diffFields(null, product, PRODUCT_AUDIT_FIELDS),
      });
      return product;
    });
  } catch (error) {
    if (isSkuConflict(error)) throw new AppError('UNIQUE_VIOLATION', `A product with SKU "${input.sku}" already exists`, { field: 'sku' });
    throw error;
  }
}
