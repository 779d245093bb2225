import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { visibleOwnerIds } from '../../accounts/index.ts';
import { relatedCustomerVisibleSql, sharedIdsSql } from '../timeline/customer-access.ts';

/**
 * SQL predicate for `orders o`: the order's owner is within the role's `orders` scope, the order is
 * shared with the caller, or its contact/company is visible — whoever may see a customer sees what
 * the customer bought. Every branch is `column = any(…)`, so the planner can combine the owner,
 * primary-key, contact and company indexes (BitmapOr): a rep's count stays a few index scans at 5M
 * orders instead of a scan of all of them.
 */
export async function orderVisibleSql(db: Db | Tx, principal: Principal): Promise<RawBuilder<boolean>> {
  const owners = await visibleOwnerIds(db, principal, 'orders');
  if (owners === null) return sql<boolean>`true`;
  const related = await relatedCustomerVisibleSql(db, principal, 'o');
  return sql<boolean>`(o.owner_id = any(${owners}::bigint[]) or o.id = any(array(${sharedIdsSql(principal, 'orders')})) or ${related})`;
}
