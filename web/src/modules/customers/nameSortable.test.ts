import { describe, expect, it } from 'vitest';
import { contactNameSortable, fieldSortable } from './nameSortable';

const role = (fields: Record<string, Record<string, string>>, masks: Record<string, Record<string, string>> = {}) => ({ objects: {}, fields, masks });

describe('contact name sortable', () => {
  it('is sortable when the role restricts no part of the name', () => {
    expect(contactNameSortable(role({}))).toBe(true);
    expect(contactNameSortable(role({ contacts: { phone: 'hidden', first_name: 'readonly' } }, { contacts: { phone: 'everywhere' } }))).toBe(true);
    // the companies' name is another object's field
    expect(contactNameSortable(role({ companies: { name: 'hidden' } }))).toBe(true);
  });

  it.each(['first_name', 'last_name', 'display_name'])('is not sortable when %s is hidden', (field) => {
    expect(contactNameSortable(role({ contacts: { [field]: 'hidden' } }))).toBe(false);
  });

  it.each([
    ['first_name', 'list'],
    ['last_name', 'everywhere'],
    ['display_name', 'list'],
  ])('is not sortable when %s is masked (%s)', (field, mode) => {
    expect(contactNameSortable(role({}, { contacts: { [field]: mode } }))).toBe(false);
  });
});

describe('field sortable', () => {
  it('follows the field rule of the column, and the name parts for a contact name', () => {
    expect(fieldSortable(role({}), 'contacts', 'city')).toBe(true);
    expect(fieldSortable(role({ contacts: { city: 'hidden' } }), 'contacts', 'city')).toBe(false);
    expect(fieldSortable(role({}, { contacts: { city: 'list' } }), 'contacts', 'city')).toBe(false);
    expect(fieldSortable(role({ contacts: { city: 'readonly' } }), 'contacts', 'city')).toBe(true);
    expect(fieldSortable(role({ contacts: { city: 'hidden' } }), 'companies', 'city')).toBe(true);
    expect(fieldSortable(role({ companies: { name: 'hidden' } }), 'companies', 'name')).toBe(false);
    expect(fieldSortable(role({ contacts: { last_name: 'hidden' } }), 'contacts', 'display_name')).toBe(false);
  });
});
