import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { readableDisplayName, readableField, unmaskedField, type MaskKind, type ReadContext } from '../../accounts/index.ts';
import type { FieldDefinition } from '../fields/field-definitions.ts';
import { customFieldEntries, type FieldRegistry, type FilterField, type FilterFieldType } from '../filter/field-registry.ts';
import type { QuickTextSource } from '../filter/quick-text.ts';
import type { SortRegistry } from '../filter/sort.ts';
import { readableAttributes, readableList, type ChangeKey } from '../records/readable-fields.ts';
import type { RecordType } from '../records/record-type.ts';

export const GENDERS = ['male', 'female', 'other', 'unknown'] as const;
export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist', 'other'] as const;
export const VALUE_TIERS = ['vip', 'gold', 'silver', 'regular'] as const;

/** Plain text columns a role may hide or mask (field permissions name them as is). */
const TEXT_FIELDS = ['first_name', 'last_name', 'display_name', 'street', 'city', 'region', 'postcode', 'country', 'source', 'external_id'] as const;

const col = (name: string): RawBuilder<unknown> => sql.ref(`c.${name}`);

/** The filter whitelist for contacts: standard columns plus `attributes.<key>` per custom field. */
export function contactFilterRegistry(_principal: Principal, definitions: readonly FieldDefinition[], alias = 'c'): FieldRegistry {
  const ref = (name: string): RawBuilder<unknown> => sql.ref(`${alias}.${name}`);
  const entry = (name: string, type: FilterFieldType, values?: readonly string[]): [string, FilterField] => [
    name,
    { type, expr: ref(name), permissionKey: name, ...(values ? { values } : {}) },
  ];
  return new Map<string, FilterField>([
    ...TEXT_FIELDS.map((f) => entry(f, 'text')),
    entry('email', 'text'),
    entry('phone', 'text'),
    entry('gender', 'enum', GENDERS),
    entry('lifecycle_stage', 'enum', LIFECYCLE_STAGES),
    entry('value_tier', 'enum', VALUE_TIERS),
    entry('birthday', 'date'),
    entry('owner_id', 'id'),
    entry('company_id', 'id'),
    entry('consent_email', 'boolean'),
    entry('consent_sms', 'boolean'),
    entry('tags', 'tags'),
    entry('created_at', 'timestamp'),
    entry('updated_at', 'timestamp'),
    ...customFieldEntries(alias, definitions),
  ]);
}

/** What a contact's search document is made of, for the `q` box's recheck under field permissions. */
export function contactQuickTextSources(alias = 'c'): QuickTextSource[] {
  const ref = (name: string) => sql.ref(`${alias}.${name}`);
  return [
    { field: 'display_name', column: ref('display_name'), kind: 'text' },
    { field: 'first_name', column: ref('first_name'), kind: 'text' },
    { field: 'last_name', column: ref('last_name'), kind: 'text' },
    { field: 'email', column: ref('emails'), kind: 'text' },
    { field: 'phone', column: ref('phone_rev'), kind: 'phone_rev' },
  ];
}

export const CONTACT_SORTS: SortRegistry = {
  updated_at: { expr: col('updated_at'), type: 'timestamp', nullable: false, permissionKey: 'updated_at' },
  created_at: { expr: col('created_at'), type: 'timestamp', nullable: false, permissionKey: 'created_at' },
  display_name: { expr: col('display_name'), type: 'text', nullable: false, permissionKey: 'display_name' },
  birthday: { expr: col('birthday'), type: 'date', nullable: true, permissionKey: 'birthday' },
  city: { expr: col('city'), type: 'text', nullable: true, permissionKey: 'city' },
};

/** Fields written to the audit log (field by field); custom fields are audited as `attributes.<key>`. */
export const CONTACT_AUDITED = [
  'first_name', 'last_name', 'display_name', 'emails', 'phones', 'gender', 'birthday', 'street', 'city', 'region', 'postcode', 'country',
  'source', 'lifecycle_stage', 'value_tier', 'owner_id', 'company_id', 'consent_email', 'consent_sms', 'tags', 'external_id',
] as const;

const kindOf = (name: string): MaskKind => (name === 'emails' || name === 'email' ? 'email' : name === 'phones' || name === 'phone' ? 'phone' : 'text');

export const CONTACT_CHANGE_KEYS: ChangeKey[] = CONTACT_AUDITED.map((key) => ({
  key,
  permissionKey: key === 'emails' ? 'email' : key === 'phones' ? 'phone' : key,
  kind: kindOf(key),
  shape: key === 'emails' || key === 'phones' || key === 'tags' ? 'list' : 'scalar',
}));

export const CONTACT_RECORD: RecordType = {
  object: 'contacts',
  table: sql.table('contacts'),
  title: 'display_name',
  noun: 'Contact',
  filterRegistry: contactFilterRegistry,
  changeKeys: CONTACT_CHANGE_KEYS,
  sorts: CONTACT_SORTS,
};

/** `from …` of every contact read: owner and company names come from joins, never from stored copies. */
export const CONTACT_FROM = sql`from contacts c
  left join users ou on ou.workspace_id = c.workspace_id and ou.id = c.owner_id
  left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id and co.deleted_at is null`;

/**
 * The select list of the contact JSON for one principal and read context. Hidden fields come out null
 * (or [] / without the key), masked ones masked — by the database, so no read path can forget. The name
 * shows only the parts the role may read (readableDisplayName); the company's name follows the
 * companies' field permissions. The owner and the company are one field each: hiding owner_id hides
 * owner_name, hiding company_id hides company_name.
 */
export function contactSelect(principal: Principal, definitions: readonly FieldDefinition[], context: ReadContext): RawBuilder<unknown> {
  const rf = (name: string, column: RawBuilder<unknown>, kind: MaskKind = 'text') => sql`${readableField(principal, 'contacts', name, column, kind, context)} as ${sql.ref(name)}`;
  const shown = (field: string, column: RawBuilder<unknown>, hidden?: RawBuilder<unknown>) => unmaskedField(principal, 'contacts', field, column, hidden);
  const name = readableDisplayName(principal, { displayName: col('display_name'), firstName: col('first_name'), lastName: col('last_name') }, context);
  const companyName = readableField(principal, 'companies', 'name', sql`co.name`, 'text', context);
  return sql`c.id::text as id, c.version,
    ${sql.join(TEXT_FIELDS.map((f) => (f === 'display_name' ? sql`${name} as display_name` : rf(f, col(f)))))},
    ${readableList(principal, 'contacts', 'email', col('emails'), 'email', context)} as emails,
    ${readableList(principal, 'contacts', 'phone', col('phones'), 'phone', context)} as phones,
    ${rf('email', sql`c.email::text`, 'email')},
    ${rf('phone', col('phone'), 'phone')},
    ${rf('gender', col('gender'))},
    ${rf('birthday', sql`c.birthday::text`)},
    ${rf('lifecycle_stage', col('lifecycle_stage'))},
    ${rf('value_tier', col('value_tier'))},
    ${shown('owner_id', sql`c.owner_id::text`)} as owner_id, ${shown('owner_id', sql`ou.name`)} as owner_name,
    ${shown('company_id', sql`c.company_id::text`)} as company_id, ${shown('company_id', companyName)} as company_name,
    ${shown('consent_email', col('consent_email'))} as consent_email, ${shown('consent_sms', col('consent_sms'))} as consent_sms,
    ${shown('tags', col('tags'), sql`'{}'::text[]`)} as tags,
    ${readableAttributes(principal, 'contacts', definitions, col('attributes'), context)} as attributes,
    to_json(c.created_at)#>>'{}' as created_at, to_json(c.updated_at)#>>'{}' as updated_at`;
}
