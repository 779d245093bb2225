/**
 * How each field of a record takes part in a merge.
 * - scalar: one value survives (the survivor's unless empty, or the side the caller chose)
 * - list: labelled emails/phones — the union by default (survivor's first), or one side when chosen
 * - tags: the union by default, or one side when chosen
 * - fixed: stays with its own record (external_id is unique: the merged record keeps its own and it becomes an alias)
 * - derived: recomputed by the record type (display_name from first and last name); choosing it chooses
 *   the fields it is made of (derivedFrom)
 * Custom fields (`attributes.<key>`) are scalars, key by key.
 */
export type FieldKind = 'scalar' | 'list' | 'tags' | 'fixed' | 'derived';

export type MergeField = {
  key: string;
  kind: FieldKind;
  /** the field-permission key the role's field rules name (emails are governed by `email`) */
  permissionKey: string;
  label: string;
  label_zh: string;
  derivedFrom?: readonly string[];
};

export const MERGE_OBJECTS = ['contacts', 'companies'] as const;
export type MergeObject = (typeof MERGE_OBJECTS)[number];

const f = (key: string, kind: FieldKind, label: string, label_zh: string, permissionKey = key): MergeField => ({ key, kind, permissionKey, label, label_zh });

const CONTACT_FIELDS: readonly MergeField[] = [
  f('first_name', 'scalar', 'First name', '名'),
  f('last_name', 'scalar', 'Last name', '姓'),
  { ...f('display_name', 'derived', 'Name', '姓名'), derivedFrom: ['first_name', 'last_name'] },
  f('emails', 'list', 'Emails', '邮箱', 'email'),
  f('phones', 'list', 'Phones', '电话', 'phone'),
  f('gender', 'scalar', 'Gender', '性别'),
  f('birthday', 'scalar', 'Birthday', '生日'),
  f('street', 'scalar', 'Street', '街道'),
  f('city', 'scalar', 'City', '城市'),
  f('region', 'scalar', 'Region', '省/地区'),
  f('postcode', 'scalar', 'Postcode', '邮编'),
  f('country', 'scalar', 'Country', '国家'),
  f('source', 'scalar', 'Source', '来源'),
  f('lifecycle_stage', 'scalar', 'Lifecycle stage', '生命周期阶段'),
  f('value_tier', 'scalar', 'Value tier', '价值等级'),
  f('owner_id', 'scalar', 'Owner', '负责人'),
  f('company_id', 'scalar', 'Company', '公司'),
  f('consent_email', 'scalar', 'Email consent', '邮件许可'),
  f('consent_sms', 'scalar', 'SMS consent', '短信许可'),
  f('tags', 'tags', 'Tags', '标签'),
  f('external_id', 'fixed', 'External id', '外部编号'),
];

const COMPANY_FIELDS: readonly MergeField[] = [
  f('name', 'scalar', 'Name', '名称'),
  f('domain', 'scalar', 'Domain', '域名'),
  f('industry', 'scalar', 'Industry', '行业'),
  f('phone', 'scalar', 'Phone', '电话'),
  f('email', 'scalar', 'Email', '邮箱'),
  f('website', 'scalar', 'Website', '网站'),
  f('street', 'scalar', 'Street', '街道'),
  f('city', 'scalar', 'City', '城市'),
  f('region', 'scalar', 'Region', '省/地区'),
  f('postcode', 'scalar', 'Postcode', '邮编'),
  f('country', 'scalar', 'Country', '国家'),
  f('owner_id', 'scalar', 'Owner', '负责人'),
  f('tags', 'tags', 'Tags', '标签'),
  f('external_id', 'fixed', 'External id', '外部编号'),
];

export function mergeFields(object: MergeObject): readonly MergeField[] {
  return object === 'contacts' ? CONTACT_FIELDS : COMPANY_FIELDS;
}

/** The field-permission key of a standard field or `attributes.<key>`. */
export function permissionKeyOf(object: MergeObject, field: string): string {
  return mergeFields(object).find((x) => x.key === field)?.permissionKey ?? field;
}

/** Empty for a merge: no value worth keeping. false is a value (a consent that was refused stays refused). */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The same stored value (lists in order, objects by their JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
