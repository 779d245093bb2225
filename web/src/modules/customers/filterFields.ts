import type { FilterOp } from '../../platform/listTypes';
import { customFieldLabel } from './customFieldLabel';
import type { CustomerObject, CustomField } from './types';
import { GENDERS, LIFECYCLE_STAGES, VALUE_TIERS } from './types';

export type FieldKind = 'text' | 'number' | 'date' | 'select' | 'multi_select' | 'boolean' | 'tag' | 'user';

export interface FilterField {
  key: string;
  /** i18n key for standard fields, literal label for custom fields. */
  labelKey?: string;
  label?: string;
  kind: FieldKind;
  options?: Array<{ value: string; label?: string; labelKey?: string }>;
}

export const OPS_BY_KIND: Record<FieldKind, FilterOp[]> = {
  text: ['contains', 'eq', 'neq', 'starts_with', 'is_empty'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty'],
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty'],
  select: ['eq', 'neq', 'in', 'is_empty'],
  multi_select: ['has_tag', 'in', 'is_empty'],
  boolean: ['eq', 'is_empty'],
  tag: ['has_tag', 'is_empty'],
  user: ['eq', 'neq', 'in', 'is_empty'],
};

const enumOptions = (values: readonly string[], prefix: string) =>
  values.map((value) => ({ value, labelKey: `${prefix}.${value}` }));

const CONTACT_FIELDS: FilterField[] = [
  { key: 'first_name', labelKey: 'contact.field.first_name', kind: 'text' },
  { key: 'last_name', labelKey: 'contact.field.last_name', kind: 'text' },
  { key: 'email', labelKey: 'contact.field.email', kind: 'text' },
  { key: 'phone', labelKey: 'contact.field.phone', kind: 'text' },
  { key: 'city', labelKey: 'contact.field.city', kind: 'text' },
  { key: 'region', labelKey: 'contact.field.region', kind: 'text' },
  { key: 'country', labelKey: 'contact.field.country', kind: 'text' },
  { key: 'source', labelKey: 'contact.field.source', kind: 'text' },
  { key: 'lifecycle_stage', labelKey: 'contact.field.lifecycle_stage', kind: 'select', options: enumOptions(LIFECYCLE_STAGES, 'lifecycle') },
  { key: 'value_tier', labelKey: 'contact.field.value_tier', kind: 'select', options: enumOptions(VALUE_TIERS, 'tier') },
  { key: 'gender', labelKey: 'contact.field.gender', kind: 'select', options: enumOptions(GENDERS, 'gender') },
  { key: 'owner_id', labelKey: 'contact.field.owner', kind: 'user' },
  { key: 'birthday', labelKey: 'contact.field.birthday', kind: 'date' },
  { key: 'consent_email', labelKey: 'contact.field.consent_email', kind: 'boolean' },
  { key: 'consent_sms', labelKey: 'contact.field.consent_sms', kind: 'boolean' },
  { key: 'created_at', labelKey: 'common.createdAt', kind: 'date' },
  { key: 'updated_at', labelKey: 'common.updatedAt', kind: 'date' },
  { key: 'tags', labelKey: 'contact.field.tags', kind: 'tag' },
];

const COMPANY_FIELDS: FilterField[] = [
  { key: 'name', labelKey: 'company.field.name', kind: 'text' },
  { key: 'domain', labelKey: 'company.field.domain', kind: 'text' },
  { key: 'industry', labelKey: 'company.field.industry', kind: 'text' },
  { key: 'email', labelKey: 'company.field.email', kind: 'text' },
  { key: 'phone', labelKey: 'company.field.phone', kind: 'text' },
  { key: 'city', labelKey: 'company.field.city', kind: 'text' },
  { key: 'region', labelKey: 'company.field.region', kind: 'text' },
  { key: 'country', labelKey: 'company.field.country', kind: 'text' },
  { key: 'owner_id', labelKey: 'company.field.owner', kind: 'user' },
  { key: 'created_at', labelKey: 'common.createdAt', kind: 'date' },
  { key: 'updated_at', labelKey: 'common.updatedAt', kind: 'date' },
  { key: 'tags', labelKey: 'company.field.tags', kind: 'tag' },
];

const KIND_OF_CUSTOM_TYPE: Record<CustomField['type'], FieldKind> = {
  text: 'text',
  long_text: 'text',
  number: 'number',
  money: 'number',
  date: 'date',
  boolean: 'boolean',
  select: 'select',
  multi_select: 'multi_select',
};

export function filterFieldsFor(object: CustomerObject, customFields: CustomField[], language: string): FilterField[] {
  const standard = object === 'contacts' ? CONTACT_FIELDS : COMPANY_FIELDS;
  const custom = customFields.map<FilterField>((field) => ({
    key: `attributes.${field.key}`,
    label: customFieldLabel(field, language),
    kind: KIND_OF_CUSTOM_TYPE[field.type],
    options: field.options.map((o) => ({ value: o.value, label: o.label })),
  }));
  return [...standard, ...custom];
}
