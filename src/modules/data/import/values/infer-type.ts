import { parseBoolean } from './choices.ts';
import { parseDate } from './dates.ts';
import { parseNumber } from './numbers.ts';

export type InferredType = { type: 'number' | 'date' | 'boolean' | 'select' | 'text'; options?: string[] };

const SELECT_MAX_OPTIONS = 20;
// Digits that are identifiers, not quantities: a leading zero (postcodes, 0571… phone numbers) or more
// digits than a double holds exactly (ID card and order numbers). As numbers they would lose information.
const CODE_LIKE = /^(?:0\d|\d{16,})/;
// A bare number reads as an Excel serial date; only the 8-digit YYYYMMDD shape is taken as a date here.
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const COMPACT_DATE = /^\d{8}$/;

function isDate(value: string): boolean {
  return (!PLAIN_NUMBER.test(value) || COMPACT_DATE.test(value)) && parseDate(value).ok;
}

function isNumber(value: string): boolean {
  return !CODE_LIKE.test(value) && parseNumber(value).ok;
}

/**
 * The custom-field type that fits a sample of a column: blanks ignored (all blank → text); dates, then
 * numbers, then yes/no; a few values that repeat (≤ 20 distinct, each seen three times on average) → a
 * select with those options in order of appearance; anything else text.
 */
export function inferFieldType(values: readonly string[]): InferredType {
  const present: string[] = [];
  for (const value of values) {
    const text = value.normalize('NFC').trim();
    if (text !== '') present.push(text);
  }
  if (present.length === 0) return { type: 'text' };
  if (present.every(isDate)) return { type: 'date' };
  if (present.every(isNumber)) return { type: 'number' };
  if (present.every((v) => parseBoolean(v).ok)) return { type: 'boolean' };
  const distinct = [...new Set(present)];
  if (distinct.length <= SELECT_MAX_OPTIONS && distinct.length <= present.length / 3) return { type: 'select', options: distinct };
  return { type: 'text' };
}
