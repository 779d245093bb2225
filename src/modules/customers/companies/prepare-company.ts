import validator from 'validator';
import { AppError } from '../../../platform/http/errors.ts';
import type { FieldDefinition } from '../fields/field-definitions.ts';
import { validateAttributes, type AttributeValue } from '../fields/validate-attributes.ts';
import { normalizeEmail } from '../normalize/email.ts';
import { normalizePhone } from '../normalize/phone.ts';
import { cleanTags, cleanText, NAME_MAX, TEXT_MAX } from '../normalize/text.ts';
import type { CompanyInput } from './company-schemas.ts';

export type CompanyValues = {
  name: string;
  domain: string | null;
  industry: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postcode: string | null;
  country: string | null;
  owner_id: string | null;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  external_id: string | null;
};

const EMPTY: CompanyValues = {
  name: '', domain: null, industry: null, phone: null, email: null, website: null, street: null, city: null, region: null,
  postcode: null, country: null, owner_id: null, tags: [], attributes: {}, external_id: null,
};

const SHORT_TEXT = ['industry', 'city', 'region', 'postcode', 'country', 'external_id'] as const;

export function touchedCompanyFields(input: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(input)) {
    if (key === 'version') continue;
    if (key === 'attributes') keys.push(...Object.keys((input.attributes ?? {}) as object).map((k) => `attributes.${k}`));
    else keys.push(key);
  }
  return keys;
}

/** `https://www.Example.com/about` → `example.com`: the domain is a dedupe key, so one spelling only. */
export function normalizeDomain(value: string): string {
  const host = value.normalize('NFC').trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').split(/[/?#]/)[0]!.replace(/\.$/, '');
  if (!validator.isFQDN(host, { require_tld: true, allow_underscores: false })) {
    throw new AppError('FIELD_VALUE_INVALID', `"${value}" is not a domain name`, { field: 'domain' });
  }
  return host;
}

export function prepareCompany(
  current: CompanyValues | null,
  input: CompanyInput,
  context: { region: string; definitions: readonly FieldDefinition[] },
): { values: CompanyValues; attributeChanges: Record<string, AttributeValue | null> } {
  const base = current ?? EMPTY;
  const v: CompanyValues = { ...base };
  if (input.name !== undefined) v.name = cleanText(input.name, 'name', NAME_MAX) ?? '';
  if (v.name === '') throw new AppError('FIELD_REQUIRED', 'A company needs a name', { field: 'name' });
  for (const field of SHORT_TEXT) {
    const value = input[field];
    if (value !== undefined) v[field] = cleanText(value, field, NAME_MAX);
  }
  if (input.street !== undefined) v.street = cleanText(input.street, 'street', TEXT_MAX);
  if (input.website !== undefined) v.website = cleanText(input.website, 'website', TEXT_MAX);
  if (input.domain !== undefined) v.domain = input.domain === null || input.domain.trim() === '' ? null : normalizeDomain(input.domain);
  if (input.email !== undefined) v.email = input.email === null || input.email.trim() === '' ? null : normalizeEmail(input.email);
  if (input.phone !== undefined) v.phone = input.phone === null || input.phone.trim() === '' ? null : normalizePhone(input.phone, context.region);
  if (input.owner_id !== undefined) v.owner_id = input.owner_id;
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
  return { values: v, attributeChanges };
}
