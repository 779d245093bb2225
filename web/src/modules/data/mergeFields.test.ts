import { describe, expect, it } from 'vitest';
import { defaultChoices, mergeFieldChoices, valueText } from './mergeFields';

describe('merge field choices', () => {
  it('defaults every field to the suggested side', () => {
    expect(defaultChoices([
      { key: 'email', label: 'Email', a: 'a@x.com', b: null, suggested: 'a' },
      { key: 'city', label: 'City', a: null, b: '上海', suggested: 'b' },
    ])).toEqual({ email: 'a', city: 'b' });
  });

  it('says each choice relative to the record that survives', () => {
    const choices = { email: 'a', city: 'b' } as const;
    expect(mergeFieldChoices(choices, 'a')).toEqual({ email: 'survivor', city: 'merged' });
    expect(mergeFieldChoices(choices, 'b')).toEqual({ email: 'merged', city: 'survivor' });
  });

  it('renders compared values as text', () => {
    expect(valueText(null, 'Yes', 'No')).toBe('—');
    expect(valueText('', 'Yes', 'No')).toBe('—');
    expect(valueText(true, 'Yes', 'No')).toBe('Yes');
    expect(valueText(['vip', 'tea'], 'Yes', 'No')).toBe('vip, tea');
    expect(valueText([{ value: '+8613800000000', label: 'work' }], 'Yes', 'No')).toBe('+8613800000000');
    expect(valueText([], 'Yes', 'No')).toBe('—');
    expect(valueText(42, 'Yes', 'No')).toBe('42');
  });
});
