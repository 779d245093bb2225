import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import type { FieldDefinition } from './field-definitions.ts';
import { validateAttributes } from './validate-attributes.ts';

function def(key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return {
    id: '1', object: 'contacts', key, label: key, label_zh: null, type, options: [], required: false, unique: false, sensitive: false,
    is_identifier: false, position: 0, created_at: '', updated_at: '', ...extra,
  };
}

const defs = [
  def('note', 'text'),
  def('score', 'number'),
  def('budget', 'money'),
  def('since', 'date'),
  def('vip', 'boolean'),
  def('level', 'select', { options: [{ value: 'gold', label: 'Gold' }] }),
  def('tags', 'multi_select', { options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }),
  def('code', 'text', { required: true }),
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}

describe('custom field values', () => {
  it('cleans valid values and turns empties into removals', () => {
    expect(validateAttributes({ note: ' Cafe\u0301 ', tags: ['b', 'a', 'b'], code: 'x', score: 0, vip: false }, defs, 'create')).toEqual({
      note: 'Café', tags: ['b', 'a'], code: 'x', score: 0, vip: false,
    });
    expect(validateAttributes({ note: '', tags: [] }, defs, 'update')).toEqual({ note: null, tags: null });
  });

  it('refuses wrong types, unknown keys and missing required values', () => {
    expect(codeOf(() => validateAttributes({ code: 'x', score: '1' }, defs, 'create'))).toBe('FIELD_VALUE_INVALID');
    expect(codeOf(() => validateAttributes({ code: 'x', score: Number.NaN }, defs, 'create'))).toBe('FIELD_VALUE_INVALID');
    expect(codeOf(() => validateAttributes({ code: 'x', budget: 1.5 }, defs, 'create'))).toBe('FIELD_VALUE_INVALID');
    expect(codeOf(() => validateAttributes({ code: 'x', since: '2023-02-29' }, defs, 'create'))).toBe('DATE_INVALID');
    expect(codeOf(() => validateAttributes({ code: 'x', vip: 1 }, defs, 'create'))).toBe('FIELD_VALUE_INVALID');
    expect(codeOf(() => validateAttributes({ code: 'x', level: 'silver' }, defs, 'create'))).toBe('FIELD_VALUE_INVALID');
    expect(codeOf(() => validateAttributes({ code: 'x', tags: ['c'] }, defs, 'create'))).toBe('FIELD_VALUE_INVALID');
    expect(codeOf(() => validateAttributes({ code: 'x', nope: 1 }, defs, 'create'))).toBe('FIELD_UNKNOWN');
    expect(codeOf(() => validateAttributes({}, defs, 'create'))).toBe('FIELD_REQUIRED');
    expect(codeOf(() => validateAttributes({ code: null }, defs, 'update'))).toBe('FIELD_REQUIRED');
    expect(codeOf(() => validateAttributes({ code: 'x', note: 'n'.repeat(2001) }, defs, 'create'))).toBe('FIELD_TOO_LONG');
  });

  it('lets an update leave a required field alone', () => {
    expect(validateAttributes({ score: 3 }, defs, 'update')).toEqual({ score: 3 });
  });
});
