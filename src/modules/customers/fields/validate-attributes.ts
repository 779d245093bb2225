import { AppError } from '../../../platform/http/errors.ts';
import type { FieldDefinition } from './field-definitions.ts';

const TEXT_MAX = 2000;
const LONG_TEXT_MAX = 20000;

/** A value the attributes column stores; `null` in a patch removes the key. */
export type AttributeValue = string | number | boolean | string[];

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function realDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Checks attribute values against the object's definitions and returns them cleaned (text trimmed and NFC).
 * On create every required field must be present; on update a patch may not clear one (a field made
 * required after records exist does not block unrelated edits of those records).
 */
export function validateAttributes(
  input: Record<string, unknown>,
  definitions: readonly FieldDefinition[],
  mode: 'create' | 'update',
): Record<string, AttributeValue | null> {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const out: Record<string, AttributeValue | null> = {};
  for (const [key, value] of Object.entries(input)) {
    const def = byKey.get(key);
    if (!def) throw new AppError('FIELD_UNKNOWN', `There is no custom field "${key}"`, { field: `attributes.${key}` });
    const cleaned = isEmpty(value) ? null : cleanValue(def, value);
    if (cleaned === null && def.required) throw new AppError('FIELD_REQUIRED', `The field "${def.label}" is required`, { field: `attributes.${key}` });
    out[key] = cleaned;
  }
  if (mode === 'create') {
    for (const def of definitions) {
      if (def.required && (out[def.key] === undefined || out[def.key] === null)) {
        throw new AppError('FIELD_REQUIRED', `The field "${def.label}" is required`, { field: `attributes.${def.key}` });
      }
    }
  }
  return out;
}

function cleanValue(def: FieldDefinition, value: unknown): AttributeValue | null {
  const field = `attributes.${def.key}`;
  const wrong = (expected: string) => new AppError('FIELD_VALUE_INVALID', `The field "${def.label}" expects ${expected}`, { field, type: def.type });
  switch (def.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') throw wrong('text');
      const text = value.normalize('NFC').trim();
      const max = def.type === 'text' ? TEXT_MAX : LONG_TEXT_MAX;
      if ([...text].length > max) throw new AppError('FIELD_TOO_LONG', `The field "${def.label}" is longer than ${max} characters`, { field, max });
      return text === '' ? null : text;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a number');
      return value;
    case 'money':
      // integer minor units (分, cents) in the workspace currency: floats cannot hold money exactly
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrong('an integer amount in minor units');
      return value;
    case 'date':
      if (typeof value !== 'string') throw wrong('a date YYYY-MM-DD');
      if (!realDate(value.trim())) throw new AppError('DATE_INVALID', `"${value}" is not a real date`, { field, value });
      return value.trim();
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong('true or false');
      return value;
    case 'select': {
      if (typeof value !== 'string') throw wrong('one of its options');
      const text = value.normalize('NFC').trim();
      if (!def.options.some((o) => o.value === text)) throw new AppError('FIELD_VALUE_INVALID', `"${text}" is not an option of "${def.label}"`, { field, options: def.options.map((o) => o.value) });
      return text;
    }
    case 'multi_select': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw wrong('a list of its options');
      const values = [...new Set(value.map((v: string) => v.normalize('NFC').trim()))];
      const bad = values.filter((v) => !def.options.some((o) => o.value === v));
      if (bad.length > 0) throw new AppError('FIELD_VALUE_INVALID', `${bad.map((b) => `"${b}"`).join(', ')} not options of "${def.label}"`, { field, options: def.options.map((o) => o.value) });
      return values;
    }
  }
}
