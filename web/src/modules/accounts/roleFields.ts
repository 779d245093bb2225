import type { CustomField } from '../customers/types';
import type { FieldAccess, MaskMode, MaskRule } from './types';

/** The objects whose fields a role may hide, make read-only or mask (the server's field policy reads these). */
export const FIELD_RULE_OBJECTS = ['contacts', 'companies'] as const;
export type FieldRuleObject = (typeof FIELD_RULE_OBJECTS)[number];

/** One row of the role editor's field table. */
export interface RoleField {
  /** The permission key: the name in the record JSON, `attributes.<key>` for a custom field. */
  key: string;
  /** i18n key of a standard field's label; a custom field carries its own labels. */
  labelKey?: string;
  custom?: CustomField;
  /** i18n key of a hint shown under the label. */
  hintKey?: string;
  /**
   * Whether "hidden" holds on every read path (the server leaves the value out of the record JSON, lists,
   * search, exports and history). True of every field the editor lists today, owner, company, consents
   * and tags included: hidden, they come back null (tags as []).
   */
  hideable: boolean;
  /**
   * Whether the server masks the value in a way that hides something. Not offered for ids, tags and
   * consents (sent unmasked), booleans (t**e / f***e tell the value, and read as "yes"), nor the fixed
   * enumerations (m**e / f****e, l**d tell the value; "unknown" comes back whole).
   */
  maskable: boolean;
}

type Standard = [key: string, labelKey: string, rules?: Partial<Pick<RoleField, 'hideable' | 'maskable' | 'hintKey'>>];

const TEXT = { hideable: true, maskable: true };
const UNMASKED = { hideable: true, maskable: false };
const NAME_PART = { ...TEXT, hintKey: 'settings.roles.namePartHint' };

const ADDRESS = (prefix: string): Standard[] =>
  ['street', 'city', 'region', 'postcode', 'country'].map((key) => [key, `${prefix}.field.${key}`]);

/** Every standard field the server's field registries know (contact-fields.ts, company-fields.ts). */
const STANDARD: Record<FieldRuleObject, Standard[]> = {
  contacts: [
    ['last_name', 'contact.field.last_name', NAME_PART],
    ['first_name', 'contact.field.first_name', NAME_PART],
    ['display_name', 'contact.field.name', { ...TEXT, hintKey: 'settings.roles.displayNameHint' }],
    ['email', 'contact.field.email'],
    ['phone', 'contact.field.phone'],
    ['gender', 'contact.field.gender', UNMASKED],
    ['birthday', 'contact.field.birthday'],
    ...ADDRESS('contact'),
    ['source', 'contact.field.source'],
    ['lifecycle_stage', 'contact.field.lifecycle_stage', UNMASKED],
    ['value_tier', 'contact.field.value_tier', UNMASKED],
    ['external_id', 'contact.field.external_id'],
    ['owner_id', 'contact.field.owner', UNMASKED],
    ['company_id', 'contact.field.company', UNMASKED],
    ['consent_email', 'contact.field.consent_email', UNMASKED],
    ['consent_sms', 'contact.field.consent_sms', UNMASKED],
    ['tags', 'contact.field.tags', UNMASKED],
  ],
  companies: [
    ['name', 'company.field.name'],
    ['domain', 'company.field.domain'],
    ['industry', 'company.field.industry'],
    ['email', 'company.field.email'],
    ['phone', 'company.field.phone'],
    ['website', 'company.field.website'],
    ...ADDRESS('company'),
    ['external_id', 'company.field.external_id'],
    ['owner_id', 'company.field.owner', UNMASKED],
    ['tags', 'company.field.tags', UNMASKED],
  ],
};

/** The standard fields of an object, then its custom fields (hidden as a whole; masked as text unless yes/no). */
export function roleFields(object: FieldRuleObject, customFields: readonly CustomField[]): RoleField[] {
  const standard = STANDARD[object].map(([key, labelKey, rules]): RoleField => ({ key, labelKey, ...TEXT, ...rules }));
  const custom = customFields.map((field): RoleField => ({ key: `attributes.${field.key}`, custom: field, hideable: true, maskable: field.type !== 'boolean' }));
  return [...standard, ...custom];
}

/**
 * The access levels offered for a field: "hidden" only where the server hides it, unless the role
 * already holds it (set through the API), so the editor can show it and take it back.
 */
export function accessChoices(field: RoleField, current: FieldAccess | undefined): FieldAccess[] {
  return field.hideable || current === 'hidden' ? ['editable', 'readonly', 'hidden'] : ['editable', 'readonly'];
}

/** Masking is offered where the server masks the field, or where the role already masks it (to take it back). */
export function maskOffered(field: RoleField, current: MaskRule | undefined): boolean {
  return field.maskable || current !== undefined;
}

/**
 * The masking choices of a field. A custom field flagged sensitive that the role does not name is masked
 * as the role masks phone (`likePhone`); `none` then says "not masked" explicitly. On other fields not
 * naming the field is the same as `none`.
 */
export type MaskChoice = 'likePhone' | 'none' | MaskMode;

export function maskChoices(field: RoleField): MaskChoice[] {
  return field.custom?.sensitive ? ['likePhone', 'none', 'list', 'everywhere'] : ['none', 'list', 'everywhere'];
}

/** The choice showing for the role's current rule (absent: undefined). */
export function maskChoice(field: RoleField, current: MaskRule | undefined): MaskChoice {
  if (current === undefined) return field.custom?.sensitive ? 'likePhone' : 'none';
  return current;
}

/** The rule a choice stores: null removes the field from the role's masks. */
export function maskRuleOf(field: RoleField, choice: MaskChoice): MaskRule | null {
  if (choice === 'likePhone') return null;
  if (choice === 'none') return field.custom?.sensitive ? 'none' : null;
  return choice;
}
