import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { readableDisplayName, readableField, visibilityFor } from '../../accounts/index.ts';
import type { FieldRegistry, FilterField, FilterFieldType } from '../filter/field-registry.ts';
import { filterPredicate } from '../filter/filter-predicate.ts';
import { assertSortable, parseSort, type SortRegistry } from '../filter/sort.ts';
import { ORDER_STATUSES } from '../orders/order-json.ts';
import { orderVisibleSql } from '../orders/order-visibility.ts';
import { readableColumns, type ColumnSpec } from './columns.ts';
import type { ExportRequest, ExportSource } from './export-request.ts';

/** What an order export may filter on: the order's own columns (the orders list has no filter language yet). */
export function orderFilterRegistry(alias = 'o'): FieldRegistry {
  const entry = (name: string, type: FilterFieldType, values?: readonly string[]): [string, FilterField] => [
    name,
    { type, expr: sql.ref(`${alias}.${name}`), permissionKey: name, ...(values ? { values } : {}) },
  ];
  return new Map<string, FilterField>([
    entry('number', 'text'),
    entry('status', 'enum', ORDER_STATUSES),
    entry('channel', 'text'),
    entry('currency', 'text'),
    entry('total_minor', 'number'),
    entry('ordered_at', 'timestamp'),
    entry('contact_id', 'id'),
    entry('company_id', 'id'),
    entry('owner_id', 'id'),
    entry('external_id', 'text'),
    entry('created_at', 'timestamp'),
    entry('updated_at', 'timestamp'),
  ]);
}

export const ORDER_SORTS: SortRegistry = {
  ordered_at: { expr: sql`o.ordered_at`, type: 'timestamp', nullable: false, permissionKey: 'ordered_at' },
  created_at: { expr: sql`o.created_at`, type: 'timestamp', nullable: false, permissionKey: 'created_at' },
  updated_at: { expr: sql`o.updated_at`, type: 'timestamp', nullable: false, permissionKey: 'updated_at' },
  total_minor: { expr: sql`o.total_minor`, type: 'number', nullable: false, permissionKey: 'total_minor' },
};

/**
 * Orders the principal may see (its orders scope, or a visible customer — see order-visibility.ts). The
 * contact's and company's names are shown only when that customer is visible too, and through the
 * contacts/companies field permissions: an order must not be a side door to a hidden or masked name.
 */
export async function orderExportSource(db: Db | Tx, principal: Principal, request: ExportRequest): Promise<ExportSource> {
  const filter = filterPredicate(request.filter, orderFilterRegistry('o'), principal, 'orders');
  const sort = request.sort ? parseSort(request.sort, ORDER_SORTS) : null;
  if (sort) assertSortable(principal, 'orders', sort);
  const [visible, contactVisible, companyVisible] = await Promise.all([
    orderVisibleSql(db, principal),
    visibilityFor(db, principal, 'contacts', 'ct'),
    visibilityFor(db, principal, 'companies', 'cm'),
  ]);
  const name = (object: string, field: string, column: RawBuilder<unknown>, shown: RawBuilder<boolean>) =>
    readableField(principal, object, field, sql`(case when ${shown} then ${column} end)`, 'text', 'list');
  const ofVisibleContact = (column: RawBuilder<unknown>) => sql`(case when ${contactVisible} then ${column} end)`;
  const contactName = readableDisplayName(principal, {
    displayName: ofVisibleContact(sql`ct.display_name`),
    firstName: ofVisibleContact(sql`ct.first_name`),
    lastName: ofVisibleContact(sql`ct.last_name`),
  }, 'list');
  const specs: ColumnSpec[] = [
    { header: 'id', kind: 'number', expr: sql`o.id::text` },
    { header: 'number', permissionKey: 'number', mask: 'text', expr: sql`o.number` },
    { header: 'contact_id', kind: 'number', permissionKey: 'contact_id', expr: sql`o.contact_id::text` },
    { header: 'contact_name', permissionKey: 'contact_id', expr: contactName },
    { header: 'company_id', kind: 'number', permissionKey: 'company_id', expr: sql`o.company_id::text` },
    { header: 'company_name', permissionKey: 'company_id', expr: name('companies', 'name', sql`cm.name`, companyVisible) },
    { header: 'owner_id', kind: 'number', permissionKey: 'owner_id', expr: sql`o.owner_id::text` },
    { header: 'owner_name', permissionKey: 'owner_id', expr: sql`ou.name` },
    { header: 'status', permissionKey: 'status', expr: sql`o.status` },
    { header: 'channel', permissionKey: 'channel', mask: 'text', expr: sql`o.channel` },
    { header: 'ordered_at', permissionKey: 'ordered_at', expr: sql`to_json(o.ordered_at)#>>'{}'` },
    { header: 'currency', permissionKey: 'currency', expr: sql`o.currency::text` },
    { header: 'total_minor', kind: 'number', permissionKey: 'total_minor', expr: sql`o.total_minor::text` },
    { header: 'external_id', permissionKey: 'external_id', mask: 'text', expr: sql`o.external_id` },
    { header: 'created_at', expr: sql`to_json(o.created_at)#>>'{}'` },
    { header: 'updated_at', expr: sql`to_json(o.updated_at)#>>'{}'` },
  ];
  const lineSpecs: ColumnSpec[] = [
    { header: 'line_id', kind: 'number', expr: sql`l.id::text` },
    { header: 'product_id', kind: 'number', expr: sql`l.product_id::text` },
    { header: 'sku', expr: sql`p.sku` },
    { header: 'product_name', expr: sql`l.product_name` },
    { header: 'quantity', kind: 'number', expr: sql`l.quantity::float8::text` },
    { header: 'unit_price_minor', kind: 'number', expr: sql`l.unit_price_minor::text` },
    { header: 'amount_minor', kind: 'number', expr: sql`l.amount_minor::text` },
  ];
  const lines = request.lines === true;
  return {
    alias: 'o',
    table: sql`orders`,
    joins: sql`left join users ou on ou.workspace_id = o.workspace_id and ou.id = o.owner_id
      left join contacts ct on ct.workspace_id = o.workspace_id and ct.id = o.contact_id and ct.deleted_at is null
      left join companies cm on cm.workspace_id = o.workspace_id and cm.id = o.company_id and cm.deleted_at is null
      ${lines ? sql`left join order_lines l on l.workspace_id = o.workspace_id and l.order_id = o.id
      left join products p on p.workspace_id = l.workspace_id and p.id = l.product_id` : sql``}`,
    where: sql<boolean>`o.workspace_id = ${principal.workspaceId} and o.deleted_at is null and ${visible} and ${filter}`,
    sort,
    columns: readableColumns(principal, 'orders', lines ? [...specs, ...lineSpecs] : specs),
    ...(lines ? { children: { idExpr: sql`l.id` } } : {}),
  };
}
