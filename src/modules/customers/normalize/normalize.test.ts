import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import { displayName } from './display-name.ts';
import { normalizeEmail } from './email.ts';
import { normalizePhone } from './phone.ts';
import { cleanDate, cleanTags, cleanText } from './text.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}

describe('display names', () => {
  it('writes Chinese names family name first without a space', () => {
    expect(displayName('娜', '李')).toBe('李娜');
    expect(displayName('Anna', '李')).toBe('李Anna');
  });
  it('keeps a Chinese name given in one field as typed', () => {
    expect(displayName(null, '李娜')).toBe('李娜');
    expect(displayName('欧阳娜娜', null)).toBe('欧阳娜娜');
  });
  it('writes Western names first last', () => {
    expect(displayName('Ada', 'Lovelace')).toBe('Ada Lovelace');
    expect(displayName('Ada', null)).toBe('Ada');
  });
});

describe('email', () => {
  it('lower-cases the domain and keeps the local part', () => {
    expect(normalizeEmail('  Ada.L@Example.COM ')).toBe('Ada.L@example.com');
  });
  it('refuses bad syntax', () => {
    expect(codeOf(() => normalizeEmail('not-an-email'))).toBe('CONTACT_EMAIL_INVALID');
    expect(codeOf(() => normalizeEmail('a@b'))).toBe('CONTACT_EMAIL_INVALID');
  });
});

describe('phone', () => {
  it('reads national numbers in the workspace region', () => {
    expect(normalizePhone('138 1234 8000', 'CN')).toBe('+8613812348000');
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizePhone('+86 138-1234-8000', 'US')).toBe('+8613812348000');
  });
  it('refuses what cannot be a number', () => {
    expect(codeOf(() => normalizePhone('12', 'CN'))).toBe('CONTACT_PHONE_INVALID');
    expect(codeOf(() => normalizePhone('hello', 'CN'))).toBe('CONTACT_PHONE_INVALID');
  });
});

describe('text, dates and tags', () => {
  it('trims, NFC-normalises and bounds text', () => {
    expect(cleanText(' Cafe\u0301 ', 'city')).toBe('Café');
    expect(cleanText('   ', 'city')).toBeNull();
    expect(codeOf(() => cleanText('x'.repeat(201), 'first_name', 200))).toBe('FIELD_TOO_LONG');
    expect(cleanText('李'.repeat(200), 'first_name', 200)).toHaveLength(200);
  });
  it('accepts real dates only', () => {
    expect(cleanDate('2024-02-29', 'birthday')).toBe('2024-02-29');
    expect(codeOf(() => cleanDate('2023-02-30', 'birthday'))).toBe('DATE_INVALID');
    expect(codeOf(() => cleanDate('2023-13-01', 'birthday'))).toBe('DATE_INVALID');
    expect(codeOf(() => cleanDate('01/02/2023', 'birthday'))).toBe('DATE_INVALID');
  });
  it('deduplicates and bounds tags', () => {
    expect(cleanTags([' VIP', 'VIP', '重点'])).toEqual(['VIP', '重点']);
    expect(codeOf(() => cleanTags(['x'.repeat(51)]))).toBe('FIELD_TOO_LONG');
    expect(codeOf(() => cleanTags(Array.from({ length: 101 }, (_, i) => `t${i}`)))).toBe('FIELD_VALUE_INVALID');
  });
});
