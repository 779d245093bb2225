import { describe, expect, it } from 'vitest';
import { parseBoolean, parseGender, parseTags } from './choices.ts';

function bool(raw: string): boolean | string {
  const result = parseBoolean(raw);
  return result.ok ? result.value : result.code;
}

function gender(raw: string): string {
  const result = parseGender(raw);
  return result.ok ? result.value : result.code;
}

describe('parseBoolean', () => {
  it('reads yes in every spelling', () => {
    for (const raw of ['true', 'TRUE', 'yes', 'Y', '1', '是', '对', '✓', '✔', 'x', 'X', ' Yes ', 'Ｙｅｓ']) expect(bool(raw), raw).toBe(true);
  });
  it('reads no in every spelling', () => {
    for (const raw of ['false', 'False', 'no', 'N', '0', '否', '错', '✗', '×']) expect(bool(raw), raw).toBe(false);
  });
  it('refuses anything else', () => {
    for (const raw of ['', 'maybe', '2', 'yess']) expect(bool(raw), raw).toBe('FIELD_VALUE_INVALID');
  });
});

describe('parseGender', () => {
  it('reads Chinese and English spellings', () => {
    for (const raw of ['男', '先生', 'm', 'M', 'male', 'Man']) expect(gender(raw), raw).toBe('male');
    for (const raw of ['女', '女士', 'f', 'Female', 'woman', '小姐']) expect(gender(raw), raw).toBe('female');
    for (const raw of ['其他', 'other']) expect(gender(raw), raw).toBe('other');
    for (const raw of ['未知', 'unknown', '保密']) expect(gender(raw), raw).toBe('unknown');
  });
  it('refuses anything else', () => {
    expect(gender('')).toBe('FIELD_VALUE_INVALID');
    expect(gender('robot')).toBe('FIELD_VALUE_INVALID');
  });
});

describe('parseTags', () => {
  it('splits on ASCII and Chinese separators, trims and dedupes in order', () => {
    expect(parseTags('VIP, 重点；老客户、VIP | new;;')).toEqual(['VIP', '重点', '老客户', 'new']);
    expect(parseTags('a，b；c')).toEqual(['a', 'b', 'c']);
  });
  it('gives no tags for a blank cell and NFC-normalises', () => {
    expect(parseTags('  ')).toEqual([]);
    expect(parseTags('Cafe\u0301,Café')).toEqual(['Café']);
  });
});
