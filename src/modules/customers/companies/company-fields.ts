import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { readableField, unmaskedField, type MaskKind, type ReadContext } from '../../accounts/index.ts';
import type { FieldDefinition } from '../fields/field-definitions.ts';
import { customFieldEntries, type FieldRegistry, type FilterField, type FilterFieldType } from '../filter/field-registry.ts';
import type { QuickTextSource } from '../filter/quick-text.ts';
import type { SortRegistry } from '../filter/sort.ts';
import { readableAttributes, type ChangeKey } from '../records/readable-fields.ts';
import type { RecordType } from '../records/record-type.ts';

const TEXT_FIELDS = ['name', 'domain', 'industry', 'website', 'street', 'city', 'region', 'postcode', 'country', 'external_id'] as const;

const col = (name: string): RawBuilder<unknown> => sql.ref(`co.${name}`);

export function companyFilterRegistry(_principal: Principal, definitions: readonly FieldDefinition[], alias = 'co'): FieldRegistry {
  const entry = (name: string, type: FilterFieldType): [string, FilterField] => [name, { type, expr: sql.ref(`${alias}.${name}`), permissionKey: name }];
  return new Map<string, FilterField>([
    ...TEXT_FIELDS.map((f) => entry(f, 'text')),
    entry('email', 'text'),
    entry('phone', 'text'),
    entry('owner_id', 'id'),
    entry('tags', 'tags'),
    entry('created_at', 'timestamp'),
    entry('updated_at', 'timestamp'),
    ...customFieldEntries(alias, definitions),
  ]);
}

/** What a company's search document is made of, for the `q` box's recheck under field permissions. */
export function companyQuickTextSources(alias = 'co'): QuickTextSource[] {
  const ref = (name: string) => sql.ref(`${alias}.${name}`);
  return [
    { field: 'name', column: ref('name'), kind: 'text' },
    { field: 'email', column: ref('email'), kind: 'text' },
    { field: 'phone', column: ref('phone'), kind: 'text' },
    { field: 'domain', column: ref('domain'), kind: 'text' },
  ];
}

export const COMPANY_SORTS: SortRegistry = {
  updated_at: { expr: col('updated_at'), type: 'timestamp', nullable: false, permissionKey: 'updated_at' },
  created_at: { expr: col('created_at'), type: 'timestamp', nullable: false, permissionKey: 'created_at' },
  name: { expr: col('name'), type: 'text', nullable: false, permissionKey: 'name' },
  city: { expr: col('city'), type: 'text', nullable: true, permissionKey: 'city' },
};

export const COMPANY_AUDITED = [
  'name', 'domain', 'industry', 'phone', 'email', 'website', 'street', 'city', 'region', 'postcode', 'country', 'owner_id', 'tags', 'external_id',
] as const;

export const COMPANY_CHANGE_KEYS: ChangeKey[] = COMPANY_AUDITED.map((key) => ({
  key,
  permissionKey: key,
  kind: key === 'email' ? 'email' : key === 'phone' ? 'phone' : 'text',
  shape: key === 'tags' ? 'list' : 'scalar',
}));

export const COMPANY_RECORD: RecordType = {
  object: 'companies',
  table: sql.table('companies'),
  title: 'name',
  noun: 'Company',
  filterRegistry: (principal, definitions, alias) => companyFilterRegistry(principal, definitions, alias),
  changeKeys: COMPANY_CHANGE_KEYS,
  sorts: COMPANY_SORTS,
};

export const COMPANY_FROM = sql`from companies co left join users ou on ou.workspace_id = co.workspace_id and ou.id = co.owner_id`;

/**
 * The company JSON select list, hidden fields null (tags []) and masked ones masked, as for contacts;
 * hiding owner_id hides owner_name. contact_count counts live contacts through the (workspace_id, company_id) index.
 */
export function companySelect(principal: Principal, definitions: readonly FieldDefinition[], context: ReadContext): RawBuilder<unknown> {
  const rf = (name: string, column: RawBuilder<unknown>, kind: MaskKind = 'text') => sql`${readableField(principal, 'companies', name, column, kind, context)} as ${sql.ref(name)}`;
  const shown = (field: string, column: RawBuilder<unknown>, hidden?: RawBuilder<unknown>) => unmaskedField(principal, 'companies', field, column, hidden);
  return sql`co.id::text as id, co.version,
    ${sql.join(TEXT_FIELDS.map((f) => rf(f, f === 'domain' ? sql`co.domain::text` : col(f))))},
    ${rf('phone', col('phone'), 'phone')},
    ${rf('email', sql`co.email::text`, 'email')},
    ${shown('owner_id', sql`co.owner_id::text`)} as owner_id, ${shown('owner_id', sql`ou.name`)} as owner_name,
    ${shown('tags', col('tags'), sql`'{}'::text[]`)} as tags,
    ${readableAttributes(principal, 'companies', definitions, col('attributes'), context)} as attributes,
    to_json(co.created_at)#>>'{}' as created_at, to_json(co.updated_at)#>>'{}' as updated_at,
    (select count(*)::int from contacts cc where cc.workspace_id = co.workspace_id and cc.company_id = co.id and cc.deleted_at is null) as contact_count`;
}
