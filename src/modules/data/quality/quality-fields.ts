import { sql, type RawBuilder } from 'kysely';
import type { FieldDefinition } from '../../customers/index.ts';

export const QUALITY_OBJECTS = ['contacts', 'companies'] as const;
export type QualityObject = (typeof QUALITY_OBJECTS)[number];

/**
 * A field whose completeness is measured. `permissionKey` is the name field permissions use, so a field
 * hidden from the caller is left out of the page (its fill rate would say something about hidden data).
 */
export type CompletenessField = {
  field: string;
  label: string;
  label_zh: string | null;
  custom: boolean;
  permissionKey: string;
  filled: RawBuilder<boolean>;
};

export type InvalidCheck = { field: string; code: string; invalid: RawBuilder<boolean> };

/** Every query below reads the record table as `r` (contacts also join contact_aggregates as `ca`). */
const r = (column: string) => sql.ref(`r.${column}`);
const text = (column: string) => sql<boolean>`nullif(btrim(${r(column)}::text), '') is not null`;

// The same rules as the write path's normalisers: E.164 phones, a plain local@domain.tld email.
const E164 = '^\\+[1-9][0-9]{6,14}$';
const EMAIL = '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$';
const DOMAIN = '^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$';

function standard(field: string, label: string, label_zh: string, filled: RawBuilder<boolean> = text(field)): CompletenessField {
  return { field, label, label_zh, custom: false, permissionKey: field, filled };
}

const CONTACT_FIELDS: CompletenessField[] = [
  standard('email', 'Email', '邮箱'),
  standard('phone', 'Phone', '手机'),
  standard('gender', 'Gender', '性别', sql<boolean>`(r.gender is not null and r.gender <> 'unknown')`),
  standard('birthday', 'Birthday', '生日', sql<boolean>`r.birthday is not null`),
  standard('company_id', 'Company', '公司', sql<boolean>`r.company_id is not null`),
  standard('city', 'City', '城市'),
  standard('region', 'Region', '省份'),
  standard('country', 'Country', '国家'),
  standard('street', 'Street', '街道'),
  standard('postcode', 'Postcode', '邮编'),
  standard('source', 'Source', '来源'),
  standard('lifecycle_stage', 'Lifecycle stage', '生命周期阶段'),
  standard('value_tier', 'Value tier', '价值等级'),
  standard('owner_id', 'Owner', '负责人', sql<boolean>`r.owner_id is not null`),
  standard('tags', 'Tags', '标签', sql<boolean>`cardinality(r.tags) > 0`),
  standard('external_id', 'External ID', '外部编号'),
];

const COMPANY_FIELDS: CompletenessField[] = [
  standard('domain', 'Domain', '域名'),
  standard('industry', 'Industry', '行业'),
  standard('phone', 'Phone', '电话'),
  standard('email', 'Email', '邮箱'),
  standard('website', 'Website', '网站'),
  standard('city', 'City', '城市'),
  standard('region', 'Region', '省份'),
  standard('country', 'Country', '国家'),
  standard('street', 'Street', '街道'),
  standard('postcode', 'Postcode', '邮编'),
  standard('owner_id', 'Owner', '负责人', sql<boolean>`r.owner_id is not null`),
  standard('tags', 'Tags', '标签', sql<boolean>`cardinality(r.tags) > 0`),
  standard('external_id', 'External ID', '外部编号'),
];

const emailInvalid: InvalidCheck = { field: 'email', code: 'EMAIL_INVALID', invalid: sql<boolean>`r.email::text !~ ${EMAIL}` };
const phoneInvalid: InvalidCheck = { field: 'phone', code: 'PHONE_NOT_E164', invalid: sql<boolean>`r.phone !~ ${E164}` };

const INVALID: Record<QualityObject, InvalidCheck[]> = {
  contacts: [
    emailInvalid,
    phoneInvalid,
    { field: 'birthday', code: 'BIRTHDAY_IN_FUTURE', invalid: sql<boolean>`r.birthday > current_date` },
    { field: 'birthday', code: 'BIRTHDAY_BEFORE_1900', invalid: sql<boolean>`r.birthday < date '1900-01-01'` },
  ],
  companies: [
    emailInvalid,
    phoneInvalid,
    { field: 'domain', code: 'DOMAIN_INVALID', invalid: sql<boolean>`lower(r.domain::text) !~ ${DOMAIN}` },
  ],
};

/** A custom field counts as filled when its value is neither absent, null, empty text nor an empty list. */
function customField(def: FieldDefinition): CompletenessField {
  return {
    field: `attributes.${def.key}`,
    label: def.label,
    label_zh: def.label_zh,
    custom: true,
    permissionKey: `attributes.${def.key}`,
    filled: sql<boolean>`coalesce(r.attributes -> ${def.key} not in ('null'::jsonb, '""'::jsonb, '[]'::jsonb), false)`,
  };
}

export function completenessFields(object: QualityObject, definitions: readonly FieldDefinition[]): CompletenessField[] {
  return [...(object === 'contacts' ? CONTACT_FIELDS : COMPANY_FIELDS), ...definitions.map(customField)];
}

export function invalidChecks(object: QualityObject): InvalidCheck[] {
  return INVALID[object];
}

/** The months the page offers for "stale"; a measurement counts them all in its one pass. */
export const STALE_OPTIONS = [3, 6, 12, 24, 36] as const;

/**
 * When anything last happened to the record: for a contact its last update, activity or order
 * (contact_aggregates holds the last two); for a company its last update, the last activity logged on
 * it, and the last time any of its contacts was touched that way. Stale = older than the cutoff.
 */
const LAST_TOUCH: Record<QualityObject, RawBuilder<unknown>> = {
  contacts: sql`greatest(r.updated_at, ca.last_activity_at, ca.last_order_at)`,
  companies: sql`greatest(r.updated_at, la.at, lc.at)`,
};

export function stalePredicate(object: QualityObject, months: number): RawBuilder<boolean> {
  return sql<boolean>`${LAST_TOUCH[object]} < now() - make_interval(months => ${months})`;
}

/**
 * `from …` of the measurement: the record table as `r`, for contacts with their aggregates, for
 * companies with the latest activity and contact touch per company — each grouped once for the
 * workspace and hash-joined, rather than looked up per company for every stale window.
 */
export function qualityFrom(object: QualityObject, workspaceId: string): RawBuilder<unknown> {
  if (object === 'contacts') {
    return sql`from contacts r left join contact_aggregates ca on ca.workspace_id = r.workspace_id and ca.contact_id = r.id`;
  }
  return sql`from companies r
    left join (select a.company_id, max(a.occurred_at) as at from activities a
               where a.workspace_id = ${workspaceId} and a.company_id is not null and a.deleted_at is null
               group by a.company_id) la on la.company_id = r.id
    left join (select c.company_id, max(greatest(c.updated_at, cca.last_activity_at, cca.last_order_at)) as at
               from contacts c left join contact_aggregates cca on cca.workspace_id = c.workspace_id and cca.contact_id = c.id
               where c.workspace_id = ${workspaceId} and c.company_id is not null and c.deleted_at is null
               group by c.company_id) lc on lc.company_id = r.id`;
}
