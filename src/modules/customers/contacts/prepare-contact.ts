import { AppError } from '../../../platform/http/errors.ts';
import type { FieldDefinition } from '../fields/field-definitions.ts';
import { validateAttributes, type AttributeValue } from '../fields/validate-attributes.ts';
import { displayName } from '../normalize/display-name.ts';
import { normalizeEmail } from '../normalize/email.ts';
import { normalizePhone } from '../normalize/phone.ts';
import { cleanDate, cleanTags, cleanText, NAME_MAX, TEXT_MAX } from '../normalize/text.ts';
import type { ContactInput } from './contact-schemas.ts';

export type Labelled = { value: string; label: string | null };

/** A contact's stored values (unmasked), the shape create and update both produce. */
export type ContactValues = {
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  emails: Labelled[];
  phones: Labelled[];
  gender: string | null;
  birthday: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postcode: string | null;
  country: string | null;
  source: string | null;
  lifecycle_stage: string | null;
  value_tier: string | null;
  owner_id: string | null;
  company_id: string | null;
  consent_email: boolean;
  consent_sms: boolean;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  external_id: string | null;
};

export const EMPTY_CONTACT: Omit<ContactValues, 'display_name'> & { display_name: string } = {
  first_name: null, last_name: null, display_name: '', emails: [], phones: [], gender: null, birthday: null, street: null, city: null,
  region: null, postcode: null, country: null, source: null, lifecycle_stage: null, value_tier: null, owner_id: null, company_id: null,
  consent_email: false, consent_sms: false, tags: [], attributes: {}, external_id: null,
};

const SHORT_TEXT = ['street', 'city', 'region', 'postcode', 'country', 'source', 'external_id'] as const;

/** The field-permission keys a body touches: `emails` is governed by `email`, custom fields by `attributes.<key>`. */
export function touchedFields(input: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(input)) {
    if (key === 'version') continue;
    if (key === 'emails') keys.push('email');
    else if (key === 'phones') keys.push('phone');
    else if (key === 'attributes') keys.push(...Object.keys((input.attributes ?? {}) as object).map((k) => `attributes.${k}`));
    else keys.push(key);
  }
  return [...new Set(keys)];
}

function labelled(items: { value: string; label?: string | null }[], field: 'emails' | 'phones', region: string, errorField?: string): Labelled[] {
  const out: Labelled[] = [];
  for (const [i, item] of items.entries()) {
    const raw = item.value.trim();
    if (raw === '') continue;
    const name = errorField ?? `${field}[${i}]`;
    const value = field === 'emails' ? normalizeEmail(raw, name) : normalizePhone(raw, region, name);
    if (out.some((o) => o.value.toLowerCase() === value.toLowerCase())) continue;
    out.push({ value, label: cleanText(item.label ?? null, `${field}[${i}].label`, 50) });
  }
  return out;
}

/** `email`/`phone` in a body set the primary (first) entry of the list, keeping the others. */
function withPrimary(list: Labelled[], value: string | null | undefined, field: 'emails' | 'phones', region: string): Labelled[] {
  if (value === undefined) return list;
  const rest = list.slice(1);
  if (value === null || value.trim() === '') return rest;
  const [primary] = labelled([{ value, label: list[0]?.label ?? null }], field, region, field === 'emails' ? 'email' : 'phone');
  return primary ? [primary, ...rest.filter((r) => r.value.toLowerCase() !== primary.value.toLowerCase())] : rest;
}

/**
 * Applies a create or patch body to the current values: trims and NFC-normalises text, checks lengths,
 * emails, phones (E.164 in the workspace region), dates and custom fields, and recomputes display_name.
 * Pure: database checks (owner, company, unique values) happen in the use case.
 */
export function prepareContact(
  current: ContactValues | null,
  input: ContactInput,
  context: { region: string; definitions: readonly FieldDefinition[] },
): { values: ContactValues; attributeChanges: Record<string, AttributeValue | null> } {
  const base: ContactValues = current ?? { ...EMPTY_CONTACT };
  const v: ContactValues = { ...base };
  if (input.first_name !== undefined) v.first_name = cleanText(input.first_name, 'first_name', NAME_MAX);
  if (input.last_name !== undefined) v.last_name = cleanText(input.last_name, 'last_name', NAME_MAX);
  for (const field of SHORT_TEXT) {
    const value = input[field];
    if (value !== undefined) v[field] = cleanText(value, field, field === 'street' ? TEXT_MAX : NAME_MAX);
  }
  if (input.emails !== undefined) v.emails = labelled(input.emails, 'emails', context.region);
  if (input.phones !== undefined) v.phones = labelled(input.phones, 'phones', context.region);
  v.emails = withPrimary(v.emails, input.email, 'emails', context.region);
  v.phones = withPrimary(v.phones, input.phone, 'phones', context.region);
  if (input.gender !== undefined) v.gender = input.gender;
  if (input.birthday !== undefined) v.birthday = cleanDate(input.birthday, 'birthday');
  if (input.lifecycle_stage !== undefined) v.lifecycle_stage = input.lifecycle_stage;
  if (input.value_tier !== undefined) v.value_tier = input.value_tier;
  if (input.owner_id !== undefined) v.owner_id = input.owner_id;
  if (input.company_id !== undefined) v.company_id = input.company_id;
  if (input.consent_email !== undefined) v.consent_email = input.consent_email;
  if (input.consent_sms !== undefined) v.consent_sms = input.consent_sms;
  if (input.tags !== undefined) v.tags = cleanTags(input.tags);
  let attributeChanges: Record<string, AttributeValue | null> = {};
  if (input.attributes !== undefined || current === null) {
    attributeChanges = validateAttributes(input.attributes ?? {}, context.definitions, current === null ? 'create' : 'update');
    const merged: Record<string, AttributeValue> = { ...base.attributes };
    for (const [key, value] of Object.entries(attributeChanges)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    v.attributes = merged;
  }
  v.display_name = displayName(v.first_name, v.last_name);
  if (v.display_name === '') {
    throw new AppError('FIELD_REQUIRED', 'A contact needs a first or last name', { field: 'last_name', fields: ['first_name', 'last_name'] });
  }
  if (v.display_name.length > 2 * NAME_MAX + 1) throw new AppError('FIELD_TOO_LONG', 'The name is too long', { field: 'display_name' });
  return { values: v, attributeChanges };
}
