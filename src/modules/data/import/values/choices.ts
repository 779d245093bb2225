import { fail, ok, type Parsed } from './parsed.ts';

// Keys are NFKC + lower case, so "YES", "Ｙｅｓ" and "yes" meet in one entry.
const BOOLEANS = new Map<string, boolean>();
for (const word of ['true', 't', 'yes', 'y', '1', 'on', '是', '是的', '对', '真', '有', '✓', '✔', '√', 'x', '☑']) BOOLEANS.set(word, true);
for (const word of ['false', 'f', 'no', 'n', '0', 'off', '否', '不是', '错', '假', '无', '✗', '✘', '×', '☐']) BOOLEANS.set(word, false);

type Gender = 'male' | 'female' | 'other' | 'unknown';
const GENDERS = new Map<string, Gender>();
for (const word of ['男', '男性', '男士', '先生', 'm', 'male', 'man', 'mr', 'mr.']) GENDERS.set(word, 'male');
for (const word of ['女', '女性', '女士', '小姐', '太太', 'f', 'female', 'woman', 'mrs', 'mrs.', 'ms', 'ms.', 'miss']) GENDERS.set(word, 'female');
for (const word of ['其他', '其它', 'other', 'o', 'non-binary', 'nonbinary', 'diverse', 'x']) GENDERS.set(word, 'other');
for (const word of ['未知', '保密', '不详', 'unknown', 'u', 'n/a', 'not specified', 'prefer not to say']) GENDERS.set(word, 'unknown');

function key(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** true/false, yes/no, y/n, 1/0, 是/否, 对/错, ✓/✗, and "x" for a ticked box. */
export function parseBoolean(raw: string): Parsed<boolean> {
  const value = BOOLEANS.get(key(raw));
  return value === undefined ? fail('FIELD_VALUE_INVALID', `"${raw.trim()}" is not yes or no`) : ok(value);
}

/** 男/女/先生/女士/m/f/male/female/man/woman/其他/未知 … onto the four stored values. */
export function parseGender(raw: string): Parsed<Gender> {
  const value = GENDERS.get(key(raw));
  return value === undefined ? fail('FIELD_VALUE_INVALID', `"${raw.trim()}" is not a gender`) : ok(value);
}

const TAG_SEPARATORS = /[,;，；、|｜]/;

/** One cell of tags split on , ; ， ； 、 | — trimmed, NFC, empty ones dropped, duplicates removed in order. */
export function parseTags(raw: string): string[] {
  const tags = new Set<string>();
  for (const part of raw.split(TAG_SEPARATORS)) {
    const tag = part.normalize('NFC').trim();
    if (tag !== '') tags.add(tag);
  }
  return [...tags];
}
