import { describe, expect, it } from 'vitest';
import { inferFieldType } from './infer-type.ts';

describe('inferFieldType', () => {
  it('finds numbers, ignoring blanks', () => {
    expect(inferFieldType(['1', '2.5', '', '1,234', '-3'])).toEqual({ type: 'number' });
  });

  it('keeps codes with a leading zero or too many digits as text', () => {
    expect(inferFieldType(['0571', '0100', '2000'])).toEqual({ type: 'text' });
    expect(inferFieldType(['110101199003071234', '110101199003071235'])).toEqual({ type: 'text' });
  });

  it('finds dates', () => {
    expect(inferFieldType(['2024-03-01', '2024/3/2', '2024年3月3日'])).toEqual({ type: 'date' });
    expect(inferFieldType(['20240301', '20231231'])).toEqual({ type: 'date' });
  });

  it('finds yes/no columns', () => {
    expect(inferFieldType(['是', '否', 'yes'])).toEqual({ type: 'boolean' });
  });

  it('reads 0/1 as numbers, as listed first', () => {
    expect(inferFieldType(['0', '1', '1'])).toEqual({ type: 'number' });
  });

  it('offers a select for few repeated values, in order of appearance', () => {
    const values = ['金卡', '银卡', '金卡', '普通', '银卡', '金卡', '普通', '普通', '金卡'];
    expect(inferFieldType(values)).toEqual({ type: 'select', options: ['金卡', '银卡', '普通'] });
  });

  it('falls back to text for varied values', () => {
    expect(inferFieldType(['上海', '北京', '广州', '深圳'])).toEqual({ type: 'text' });
    const many = Array.from({ length: 300 }, (_, i) => `v${i % 21}`);
    expect(inferFieldType(many)).toEqual({ type: 'text' });
  });

  it('calls an all-blank column text', () => {
    expect(inferFieldType(['', '  '])).toEqual({ type: 'text' });
    expect(inferFieldType([])).toEqual({ type: 'text' });
  });
});
