import { describe, expect, it } from 'vitest';
import { defaultChoices, mergeFieldChoices, valueText } from './mergeFields';

describe('merge field choices', () => {
  it('defaults every field to the suggested side, and lists to both sides', () => {
    expect(defaultChoices([
      { key: 'first_name', label: 'First name', a: 'Dora', b: null, suggested: 'a', read_only: false },
      { key: 'city', label: 'City', a: null, b: '上海', suggested: 'b', read_only: false },
      { key: 'emails', label: 'Email', a: 'a@x.com', b: 'b@x.com', suggested: 'b', read_only: false },
    ])).toEqual({ first_name: 'a', city: 'b', emails: 'both' });
  });

  it('makes no choice for a field the role may not write: the merge keeps the survivor\'s value', () => {
    expect(defaultChoices([
      { key: 'city', label: 'City', a: null, b: '上海', suggested: 'b', read_only: true },
      { key: 'tags', label: 'Tags', a: 'vip', b: 'new', suggested: 'b', read_only: true },
      { key: 'street', label: 'Street', a: null, b: '长安街', suggested: 'b', read_only: false },
    ])).toEqual({ street: 'b' });
  });

  it('says each choice relative to the survivor, under the merge\'s field names', () => {
    const choices = { city: 'a', owner_name: 'b', company_name: 'a', emails: 'both', phones: 'b', external_id: 'b' } as const;
    expect(mergeFieldChoices(choices, 'a')).toEqual({ city: 'survivor', owner_id: 'merged', company_id: 'survivor', phones: 'merged' });
    expect(mergeFieldChoices(choices, 'b')).toEqual({ city: 'merged', owner_id: 'survivor', company_id: 'merged', phones: 'survivor' });
  });

  it('shows an empty value as a dash', () => {
    expect(valueText(null)).toBe('—');
    expect(valueText('')).toBe('—');
    expect(valueText('Lyon')).toBe('Lyon');
  });
});
