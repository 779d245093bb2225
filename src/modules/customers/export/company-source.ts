import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { visibilityFor } from '../../accounts/index.ts';
import { COMPANY_SORTS, companyFilterRegistry, companyQuickTextSources } from '../companies/company-fields.ts';
import { fieldDefinitionsFor } from '../fields/field-definitions.ts';
import { filterPredicate } from '../filter/filter-predicate.ts';
import { quickTextPredicate } from '../filter/quick-text.ts';
import { assertSortable, parseSort } from '../filter/sort.ts';
import { customFieldColumns, joinedArray, readableColumns, type ColumnSpec } from './columns.ts';
import type { ExportRequest, ExportSource } from './export-request.ts';

const TEXT_FIELDS = ['name', 'domain', 'industry', 'website', 'street', 'city', 'region', 'postcode', 'country'] as const;

/** Companies as the list shows them to this principal (see contact-source.ts). */
export async function companyExportSource(db: Db | Tx, principal: Principal, request: ExportRequest): Promise<ExportSource> {
  const definitions = await fieldDefinitionsFor(db, principal, 'companies');
  const filter = filterPredicate(request.filter, companyFilterRegistry(principal, definitions, 'co'), principal, 'companies');
  const sort = request.sort ? parseSort(request.sort, COMPANY_SORTS) : null;
  if (sort) assertSortable(principal, 'companies', sort);
  const visible = await visibilityFor(db, principal, 'companies', 'co');
  const specs: ColumnSpec[] = [
    { header: 'id', kind: 'number', expr: sql`co.id::text` },
    ...TEXT_FIELDS.map((f): ColumnSpec => ({ header: f, permissionKey: f, mask: 'text', expr: sql`${sql.ref(`co.${f}`)}::text` })),
    { header: 'phone', permissionKey: 'phone', mask: 'phone', expr: sql`co.phone` },
    { header: 'email', permissionKey: 'email', mask: 'email', expr: sql`co.email::text` },
    { header: 'owner_id', kind: 'number', permissionKey: 'owner_id', expr: sql`co.owner_id::text` },
    { header: 'owner_name', permissionKey: 'owner_id', expr: sql`ou.name` },
    { header: 'tags', permissionKey: 'tags', expr: joinedArray(sql`co.tags`) },
    { header: 'external_id', permissionKey: 'external_id', mask: 'text', expr: sql`co.external_id` },
    { header: 'created_at', expr: sql`to_json(co.created_at)#>>'{}'` },
    { header: 'updated_at', expr: sql`to_json(co.updated_at)#>>'{}'` },
    // live contacts, through the (workspace_id, company_id) index — as the list's contact_count
    { header: 'contact_count', kind: 'number', expr: sql`(select count(*) from contacts cc where cc.workspace_id = co.workspace_id and cc.company_id = co.id and cc.deleted_at is null)::text` },
  ];
  const taken = new Set(specs.map((s) => s.header));
  return {
    alias: 'co',
    table: sql`companies`,
    joins: sql`left join users ou on ou.workspace_id = co.workspace_id and ou.id = co.owner_id`,
    where: sql<boolean>`co.workspace_id = ${principal.workspaceId} and co.deleted_at is null and ${visible} and ${filter}
      and ${quickTextPredicate('co', request.q, principal, 'companies', companyQuickTextSources('co'))}`,
    sort,
    columns: [...readableColumns(principal, 'companies', specs), ...customFieldColumns(principal, 'companies', definitions, sql.ref('co.attributes'), taken)],
  };
}
