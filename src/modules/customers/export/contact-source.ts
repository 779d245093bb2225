import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { isDisplayNameHidden, isMasked, readableDisplayName, readableField, visibilityFor } from '../../accounts/index.ts';
import { CONTACT_SORTS, contactFilterRegistry, contactQuickTextSources } from '../contacts/contact-fields.ts';
import { fieldDefinitionsFor } from '../fields/field-definitions.ts';
import { filterPredicate } from '../filter/filter-predicate.ts';
import { quickTextPredicate } from '../filter/quick-text.ts';
import { assertSortable, parseSort } from '../filter/sort.ts';
import { customFieldColumns, joinedArray, joinedListValues, readableColumns, type ColumnSpec } from './columns.ts';
import { CONTACT_METRICS, contactMetricJoins } from './contact-metrics.ts';
import type { ExportRequest, ExportSource } from './export-request.ts';

const NAME_FIELDS = ['first_name', 'last_name'] as const;
const ADDRESS_FIELDS = ['street', 'city', 'region', 'postcode', 'country', 'source', 'lifecycle_stage', 'value_tier'] as const;

/** Contacts as the list shows them to this principal: same predicate, same masking, one column per field. */
export async function contactExportSource(db: Db | Tx, principal: Principal, request: ExportRequest): Promise<ExportSource> {
  const definitions = await fieldDefinitionsFor(db, principal, 'contacts');
  const filter = filterPredicate(request.filter, contactFilterRegistry(principal, definitions, 'c'), principal, 'contacts');
  const sort = request.sort ? parseSort(request.sort, CONTACT_SORTS) : null;
  if (sort) assertSortable(principal, 'contacts', sort);
  const visible = await visibilityFor(db, principal, 'contacts', 'c');
  const col = (name: string) => sql.ref(`c.${name}`);
  const text = (name: string): ColumnSpec => ({ header: name, permissionKey: name, mask: 'text', expr: col(name) });
  const list = (field: 'email' | 'phone', column: string): ColumnSpec => ({
    header: column,
    permissionKey: field,
    // hidden → no column (permissionKey); masked → each value masked, as readableList does for the JSON
    expr: joinedListValues(col(column), isMasked(principal, 'contacts', field, 'list') ? field : null),
  });
  // the name as the list shows it: the parts the role may read; no column when it may read none
  const name: ColumnSpec[] = isDisplayNameHidden(principal) ? [] : [{
    header: 'display_name',
    expr: readableDisplayName(principal, { displayName: col('display_name'), firstName: col('first_name'), lastName: col('last_name') }, 'list'),
  }];
  const specs: ColumnSpec[] = [
    { header: 'id', kind: 'number', expr: sql`c.id::text` },
    ...NAME_FIELDS.map(text),
    ...name,
    { header: 'email', permissionKey: 'email', mask: 'email', expr: sql`c.email::text` },
    { header: 'phone', permissionKey: 'phone', mask: 'phone', expr: col('phone') },
    list('email', 'emails'),
    list('phone', 'phones'),
    { header: 'gender', permissionKey: 'gender', mask: 'text', expr: col('gender') },
    { header: 'birthday', permissionKey: 'birthday', mask: 'text', expr: sql`c.birthday::text` },
    ...ADDRESS_FIELDS.map(text),
    { header: 'owner_id', kind: 'number', permissionKey: 'owner_id', expr: sql`c.owner_id::text` },
    { header: 'owner_name', permissionKey: 'owner_id', expr: sql`ou.name` },
    { header: 'company_id', kind: 'number', permissionKey: 'company_id', expr: sql`c.company_id::text` },
    { header: 'company_name', permissionKey: 'company_id', expr: readableField(principal, 'companies', 'name', sql`co.name`, 'text', 'list') },
    { header: 'consent_email', kind: 'boolean', permissionKey: 'consent_email', expr: col('consent_email') },
    { header: 'consent_sms', kind: 'boolean', permissionKey: 'consent_sms', expr: col('consent_sms') },
    { header: 'tags', permissionKey: 'tags', expr: joinedArray(col('tags')) },
    text('external_id'),
    { header: 'created_at', expr: sql`to_json(c.created_at)#>>'{}'` },
    { header: 'updated_at', expr: sql`to_json(c.updated_at)#>>'{}'` },
  ];
  const standard = readableColumns(principal, 'contacts', specs);
  const metrics = readableColumns(principal, 'contacts', CONTACT_METRICS);
  const taken = new Set([...specs, ...CONTACT_METRICS].map((s) => s.header));
  return {
    alias: 'c',
    table: sql`contacts`,
    joins: sql`left join users ou on ou.workspace_id = c.workspace_id and ou.id = c.owner_id
      left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id and co.deleted_at is null
      ${contactMetricJoins('c')}`,
    where: sql<boolean>`c.workspace_id = ${principal.workspaceId} and c.deleted_at is null and ${visible} and ${filter}
      and ${quickTextPredicate('c', request.q, principal, 'contacts', contactQuickTextSources('c'))}`,
    sort,
    columns: [...standard, ...customFieldColumns(principal, 'contacts', definitions, col('attributes'), taken), ...metrics],
  };
}
