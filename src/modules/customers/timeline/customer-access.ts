import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { sharedIdsSql, visibilityFor, visibleOwnerIds } from '../../accounts/index.ts';

/**
 * "May this principal see that contact / company?" for the records that hang off a customer
 * (notes, tasks, activities, orders, the timeline). A record that is not visible answers 404, exactly
 * like one that does not exist, so ids of other workspaces or other owners reveal nothing.
 * Kept here until contacts/companies export their own helper.
 */
export type CustomerRef = { contactId?: string | null | undefined; companyId?: string | null | undefined };
export type CustomerType = 'contact' | 'company';

const TABLE = { contact: sql`contacts`, company: sql`companies` } as const;
const OBJECT = { contact: 'contacts', company: 'companies' } as const;

export async function isCustomerVisible(db: Db | Tx, principal: Principal, type: CustomerType, id: string, access: 'read' | 'write' = 'read'): Promise<boolean> {
  const predicate = await visibilityFor(db, principal, OBJECT[type], 'r', access);
  const { rows } = await sql`select 1 from ${TABLE[type]} r
    where r.workspace_id = ${principal.workspaceId} and r.id = ${id} and r.deleted_at is null and ${predicate}`.execute(db);
  return rows.length > 0;
}

/** Throws NOT_FOUND (with the offending field) unless every referenced customer is visible. */
export async function assertCustomersVisible(db: Db | Tx, principal: Principal, ref: CustomerRef): Promise<void> {
  if (ref.contactId && !(await isCustomerVisible(db, principal, 'contact', ref.contactId))) {
    throw new AppError('NOT_FOUND', 'Contact not found', { field: 'contact_id' });
  }
  if (ref.companyId && !(await isCustomerVisible(db, principal, 'company', ref.companyId))) {
    throw new AppError('NOT_FOUND', 'Company not found', { field: 'company_id' });
  }
}

/** Visible, live customers of one type under a restricted scope: owned within it (owner index) or shared. */
function visibleIdsSql(principal: Principal, type: CustomerType, owners: string[]): RawBuilder<unknown> {
  const ws = principal.workspaceId;
  return sql`select r.id from ${TABLE[type]} r where r.workspace_id = ${ws} and r.owner_id = any(${owners}::bigint[]) and r.deleted_at is null
    union all
    select r.id from ${TABLE[type]} r where r.workspace_id = ${ws} and r.id = any(array(${sharedIdsSql(principal, OBJECT[type])})) and r.deleted_at is null`;
}

/**
 * SQL predicate for a row `alias` with contact_id / company_id columns: its contact or its company is
 * visible. Under a restricted scope the visible ids are computed once (an InitPlan) and matched with
 * `= any(array(…))`, which an OR of index conditions (BitmapOr) can use — a per-row EXISTS cannot, and
 * a count of a rep's orders would then walk the whole table.
 */
export async function relatedCustomerVisibleSql(db: Db | Tx, principal: Principal, alias: string): Promise<RawBuilder<boolean>> {
  const [contactOwners, companyOwners] = await Promise.all([
    visibleOwnerIds(db, principal, 'contacts'),
    visibleOwnerIds(db, principal, 'companies'),
  ]);
  const part = (type: CustomerType, owners: string[] | null) => {
    const column = sql.ref(`${alias}.${type}_id`);
    if (owners === null) {
      return sql`exists (select 1 from ${TABLE[type]} r where r.workspace_id = ${sql.ref(alias)}.workspace_id and r.id = ${column} and r.deleted_at is null)`;
    }
    return sql`${column} = any(array(${visibleIdsSql(principal, type, owners)}))`;
  };
  return sql<boolean>`(${part('contact', contactOwners)} or ${part('company', companyOwners)})`;
}

/**
 * How many live customers of one type the principal sees, capped like list totals. Under a restricted
 * scope it counts owned-within-scope ∪ shared ids from their indexes (union: a shared record the
 * caller also owns counts once), never scanning the table behind an OR it cannot index.
 */
export async function countVisibleCustomers(db: Db | Tx, principal: Principal, type: CustomerType, cap: number): Promise<number> {
  const owners = await visibleOwnerIds(db, principal, OBJECT[type]);
  const ws = principal.workspaceId;
  const ids = owners === null
    ? sql`select r.id from ${TABLE[type]} r where r.workspace_id = ${ws} and r.deleted_at is null`
    : sql`select r.id from ${TABLE[type]} r where r.workspace_id = ${ws} and r.owner_id = any(${owners}::bigint[]) and r.deleted_at is null
          union
          select r.id from ${TABLE[type]} r where r.workspace_id = ${ws} and r.id = any(array(${sharedIdsSql(principal, OBJECT[type])})) and r.deleted_at is null`;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (select 1 from (${ids}) v limit ${cap}) x`.execute(db);
  return rows[0]?.n ?? 0;
}
