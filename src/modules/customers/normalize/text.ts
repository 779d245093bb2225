import { AppError } from '../../../platform/http/errors.ts';

/** Limits from the data rules: names are short, free text is bounded so one row stays small. */
export const NAME_MAX = 200;
export const TEXT_MAX = 2000;

/** Trim and NFC: the same name typed on two keyboards must compare equal (dedupe, search, unique checks). */
export function cleanText(value: string | null | undefined, field: string, max: number = TEXT_MAX): string | null {
  if (value === null || value === undefined) return null;
  const text = value.normalize('NFC').trim();
  if (text === '') return null;
  if ([...text].length > max) throw new AppError('FIELD_TOO_LONG', `The field "${field}" is longer than ${max} characters`, { field, max });
  return text;
}

/** A calendar date that really exists: `2023-02-30` is refused rather than silently rolled over to March. */
export function cleanDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new AppError('DATE_INVALID', `The field "${field}" must be a date YYYY-MM-DD`, { field, value: text });
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new AppError('DATE_INVALID', `The date "${text}" does not exist`, { field, value: text });
  }
  return text;
}

export const TAG_MAX_LENGTH = 50;
export const TAGS_MAX = 100;

/** Tags are trimmed, NFC, deduplicated in order; empty ones are dropped. */
export function cleanTag(value: string): string {
  const tag = value.normalize('NFC').trim();
  if (tag === '') throw new AppError('FIELD_VALUE_INVALID', 'A tag cannot be empty', { field: 'tags' });
  if ([...tag].length > TAG_MAX_LENGTH) throw new AppError('FIELD_TOO_LONG', `A tag is longer than ${TAG_MAX_LENGTH} characters`, { field: 'tags', max: TAG_MAX_LENGTH });
  return tag;
}

export function cleanTags(values: readonly string[] | undefined | null): string[] {
  if (!values) return [];
  const tags = [...new Set(values.map(cleanTag))];
  if (tags.length > TAGS_MAX) throw new AppError('FIELD_VALUE_INVALID', `At most ${TAGS_MAX} tags`, { field: 'tags', max: TAGS_MAX });
  return tags;
}
