import { describe, expect, it } from 'vitest';
import type { CustomField } from '../customers/types';
import { accessChoices, maskOffered, roleFields } from './roleFields';

const custom = (key: string, type: CustomField['type'], sensitive = false) => ({ key, type, sensitive, label: key }) as CustomField;

describe('role editor fields', () => {
  it('lists every standard contact field the server knows, names first, then the custom fields', () => {
    const keys = roleFields('contacts', [custom('vip_level', 'select')]).map((f) => f.key);
    expect(keys.slice(0, 3)).toEqual(['last_name', 'first_name', 'display_name']);
    expect(keys).toEqual(expect.arrayContaining([
      'email', 'phone', 'gender', 'birthday', 'street', 'city', 'region', 'postcode', 'country', 'source',
      'lifecycle_stage', 'value_tier', 'external_id', 'owner_id', 'company_id', 'consent_email', 'consent_sms', 'tags',
    ]));
    expect(keys.at(-1)).toBe('attributes.vip_level');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists the company fields, the name included', () => {
    const keys = roleFields('companies', []).map((f) => f.key);
    expect(keys).toEqual(['name', 'domain', 'industry', 'email', 'phone', 'website', 'street', 'city', 'region', 'postcode', 'country', 'external_id', 'owner_id', 'tags']);
  });

  it('hints at the display name under both name parts', () => {
    const byKey = new Map(roleFields('contacts', []).map((f) => [f.key, f]));
    expect(byKey.get('first_name')?.hintKey).toBe('settings.roles.namePartHint');
    expect(byKey.get('last_name')?.hintKey).toBe('settings.roles.namePartHint');
  });

  it('offers masking for text, email and phone values and dates, not for booleans, ids, tags or fixed enumerations', () => {
    const contacts = new Map(roleFields('contacts', [custom('note', 'text'), custom('since', 'date'), custom('opt_in', 'boolean')]).map((f) => [f.key, f.maskable]));
    for (const key of ['first_name', 'last_name', 'display_name', 'email', 'phone', 'birthday', 'city', 'external_id', 'attributes.note', 'attributes.since']) {
      expect(contacts.get(key), key).toBe(true);
    }
    for (const key of ['gender', 'lifecycle_stage', 'value_tier', 'owner_id', 'company_id', 'consent_email', 'consent_sms', 'tags', 'attributes.opt_in']) {
      expect(contacts.get(key), key).toBe(false);
    }
    const companies = new Map(roleFields('companies', []).map((f) => [f.key, f.maskable]));
    expect([companies.get('name'), companies.get('phone'), companies.get('owner_id'), companies.get('tags')]).toEqual([true, true, false, false]);
  });

  it('offers "hidden" only where the server hides the value, unless the role already holds it', () => {
    const [owner] = roleFields('contacts', []).filter((f) => f.key === 'owner_id');
    const [phone] = roleFields('contacts', []).filter((f) => f.key === 'phone');
    expect(accessChoices(phone!, undefined)).toEqual(['editable', 'readonly', 'hidden']);
    expect(accessChoices(owner!, undefined)).toEqual(['editable', 'readonly']);
    expect(accessChoices(owner!, 'hidden')).toEqual(['editable', 'readonly', 'hidden']);
  });

  it('shows the masking of a field that cannot be masked only when the role masks it already (to take it back)', () => {
    const [gender] = roleFields('contacts', []).filter((f) => f.key === 'gender');
    expect(maskOffered(gender!, undefined)).toBe(false);
    expect(maskOffered(gender!, 'list')).toBe(true);
  });
});
