import { describe, expect, it } from 'vitest';
import type { CustomField } from '../customers/types';
import { accessChoices, maskChoice, maskChoices, maskOffered, maskRuleOf, roleFields } from './roleFields';

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

  it('offers "hidden" for the owner, company, consents and tags, which the server now hides on every read path', () => {
    const all = ['editable', 'readonly', 'hidden'];
    for (const key of ['owner_id', 'company_id', 'consent_email', 'consent_sms', 'tags', 'phone']) {
      const [field] = roleFields('contacts', []).filter((f) => f.key === key);
      expect(accessChoices(field!, undefined), key).toEqual(all);
    }
    for (const key of ['owner_id', 'tags', 'name']) {
      const [field] = roleFields('companies', []).filter((f) => f.key === key);
      expect(accessChoices(field!, undefined), key).toEqual(all);
    }
    expect(roleFields('contacts', []).filter((f) => !f.hideable).map((f) => f.key)).toEqual([]);
    expect(roleFields('companies', []).filter((f) => !f.hideable).map((f) => f.key)).toEqual([]);
  });

  it('offers "hidden" for a field the server cannot hide only when the role already holds it (to take it back)', () => {
    const field = { key: 'some_field', hideable: false, maskable: false };
    expect(accessChoices(field, undefined)).toEqual(['editable', 'readonly']);
    expect(accessChoices(field, 'readonly')).toEqual(['editable', 'readonly']);
    expect(accessChoices(field, 'hidden')).toEqual(['editable', 'readonly', 'hidden']);
  });

  it('shows the masking of a field that cannot be masked only when the role masks it already (to take it back)', () => {
    const [gender] = roleFields('contacts', []).filter((f) => f.key === 'gender');
    expect(maskOffered(gender!, undefined)).toBe(false);
    expect(maskOffered(gender!, 'list')).toBe(true);
  });

  it('offers a sensitive custom field "like phone" and an explicit "not masked", and stores them apart', () => {
    const fields = roleFields('contacts', [
      { id: '1', key: 'id_card', label: 'ID', type: 'text', sensitive: true } as never,
      { id: '2', key: 'note', label: 'Note', type: 'text', sensitive: false } as never,
    ]);
    const idCard = fields.find((f) => f.key === 'attributes.id_card')!;
    const note = fields.find((f) => f.key === 'attributes.note')!;
    expect(maskChoices(idCard)).toEqual(['likePhone', 'none', 'list', 'everywhere']);
    expect(maskChoices(note)).toEqual(['none', 'list', 'everywhere']);
    expect(maskChoice(idCard, undefined)).toBe('likePhone');
    expect(maskChoice(idCard, 'none')).toBe('none');
    expect(maskChoice(note, undefined)).toBe('none');
    expect(maskRuleOf(idCard, 'likePhone')).toBeNull();
    expect(maskRuleOf(idCard, 'none')).toBe('none');
    expect(maskRuleOf(note, 'none')).toBeNull();
    expect(maskRuleOf(note, 'everywhere')).toBe('everywhere');
  });
});
