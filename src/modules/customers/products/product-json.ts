import { sql } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Db, Tx } from '../../../platform/db/database.ts';

export const ProductSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  sku: Type.String(),
  name: Type.String(),
  price_minor: Type.Integer(),
  currency: Type.String(),
  active: Type.Boolean(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type ProductJson = Static<typeof ProductSchema>;

// price_minor is bigint in SQL; writes are capped at 2^53-1, so it is exact as a JSON number
export const PRODUCT_COLUMNS = sql`p.id::text, p.version, p.sku, p.name, p.price_minor::float8 as price_minor, p.currency, p.active,
  to_json(p.created_at)#>>'{}' as created_at, to_json(p.updated_at)#>>'{}' as updated_at`;

export const PRODUCT_AUDIT_FIELDS = ['sku', 'name', 'price_minor', 'currency', 'active'] as const;

export async function findProduct(db: Db | Tx, workspaceId: string, id: string): Promise<ProductJson | undefined> {
  const { rows } = await sql<ProductJson>`select ${PRODUCT_COLUMNS} from products p where p.workspace_id = ${workspaceId} and p.id = ${id}`.execute(db);
  return rows[0];
}

/** The SKU unique index names the conflict; anything else is rethrown. */
export function isSkuConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'products_workspace_id_sku_key';
}
