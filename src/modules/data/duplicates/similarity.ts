import { distance } from 'fastest-levenshtein';
import { pinyin } from 'pinyin-pro';
import { jaroWinkler } from './jaro-winkler.ts';

/**
 * Per-field similarity in [0, 1]: 1 = the same value, 0 = clearly different. The scorer turns a
 * similarity into evidence (score-pair.ts); the comparators here only say how alike two values are.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const NOT_ASCII = /\P{ASCII}/u;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Lower case, accents folded, punctuation to spaces, single-spaced: "O'Brien-Smith" → "o brien smith". */
const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

export function foldText(text: string | null | undefined): string {
  if (!text) return '';
  // most names are plain ASCII: no normalisation to do (a scan folds a million of them)
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  let t = text.normalize('NFKC').toLowerCase();
  if (NOT_ASCII.test(t)) t = t.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
  return t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** 1 − edit distance / longer length (Levenshtein 1966), the usual normalisation. */
export function levenshteinSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

// pinyin-pro is the costliest call of a scan: pinyin is taken per character and kept (a workspace uses a
// few thousand distinct characters). Per character, the same characters always read the same, which is
// what comparing needs; the first character of a person's name is read as a surname (单 → shan, 曾 → zeng).
const charPinyin = new Map<string, string>();
const surnamePinyin = new Map<string, string>();

/** Toneless pinyin of the Chinese characters of a name: 張偉, 张伟 and 张玮 → zhangwei. */
export function namePinyin(text: string, surnameFirst = true): string {
  let out = '';
  let first = surnameFirst;
  for (const ch of text) {
    if (!CJK.test(ch)) continue;
    const cache = first ? surnamePinyin : charPinyin;
    let py = cache.get(ch);
    if (py === undefined) {
      py = pinyin(ch, { toneType: 'none', v: true, surname: first ? 'head' : 'off' }).toLowerCase();
      cache.set(ch, py);
    }
    out += py;
    first = false;
  }
  return out;
}

/** Name parts as compared: folded first and last names (Latin), or the whole name (Chinese). */
export type PersonName = { first: string; last: string; full: string; cjk: boolean };

export function personName(first: string | null, last: string | null, display: string | null): PersonName {
  if (display && hasCjk(display)) return { first: '', last: '', full: display.normalize('NFC').replace(/\s+/gu, ''), cjk: true };
  let f = foldText(first);
  let l = foldText(last);
  if (!f && !l) {
    // a name typed into one field: "John Smith" → first "john", last "smith"
    const words = foldText(display).split(' ').filter(Boolean);
    if (words.length > 1) {
      f = words[0]!;
      l = words.slice(1).join(' ');
    } else l = words[0] ?? '';
  }
  return { first: f, last: l, full: [f, l].filter(Boolean).join(' '), cjk: false };
}

/** One given/family name: equal, an initial that fits ("j" / "john"), or Jaro-Winkler on the letters. */
export function namePartSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.9 : 0;
  return jaroWinkler(a.replace(/ /g, ''), b.replace(/ /g, ''));
}

/**
 * Chinese names: the same characters; else the same pinyin (traditional/simplified variants 張偉/张伟
 * and homophone typos from pinyin input 张伟/张玮) counts as very similar (0.95); else the share of
 * characters in place — 张伟/张文 stay different, as two-character names differing in one are.
 */
export function cjkNameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const pa = namePinyin(a);
  if (pa !== '' && pa === namePinyin(b)) return 0.95;
  return levenshteinSimilarity(a, b);
}

/** A Chinese name against a Latin one written in pinyin ("Zhang Wei", "Wei Zhang", "zhangwei"). */
export function crossScriptSimilarity(cjkFull: string, latin: PersonName): number {
  const py = namePinyin(cjkFull);
  if (!py) return 0;
  const straight = (latin.last + latin.first).replace(/ /g, '');
  const swapped = (latin.first + latin.last).replace(/ /g, '');
  return py === straight || py === swapped ? 0.9 : 0;
}

export type NameComparison = {
  /** per compared part: its similarity and its share of the name's weight */
  parts: { similarity: number; share: number }[];
  /** one figure for the reason text */
  similarity: number;
  swapped: boolean;
};

const FIRST_SHARE = 0.45;
const LAST_SHARE = 0.55;

/**
 * Person names: first with first and last with last, or crossed when that fits better (given and
 * family name swapped, common in forms and in Chinese/Western order mix-ups). A part missing on either
 * side is left out (neutral), so a name with no given name is judged by its family name alone.
 */
export function comparePersonNames(a: PersonName, b: PersonName): NameComparison | null {
  if (a.cjk || b.cjk) {
    if (!a.full && !a.last) return null;
    if (!b.full && !b.last) return null;
    const similarity = a.cjk && b.cjk ? cjkNameSimilarity(a.full, b.full) : a.cjk ? crossScriptSimilarity(a.full, b) : crossScriptSimilarity(b.full, a);
    return { parts: [{ similarity, share: 1 }], similarity, swapped: false };
  }
  const straight = pairParts(a.first, b.first, a.last, b.last);
  const crossed = pairParts(a.first, b.last, a.last, b.first);
  if (!straight && !crossed) return null;
  const useCrossed = crossed !== null && (straight === null || total(crossed) > total(straight) + 0.1);
  const parts = (useCrossed ? crossed : straight)!;
  const shares = parts.reduce((s, p) => s + p.share, 0);
  const similarity = parts.reduce((s, p) => s + p.similarity * p.share, 0) / shares;
  return { parts, similarity, swapped: useCrossed };
}

function pairParts(f1: string, f2: string, l1: string, l2: string): { similarity: number; share: number }[] | null {
  const parts: { similarity: number; share: number }[] = [];
  if (f1 && f2) parts.push({ similarity: namePartSimilarity(f1, f2), share: FIRST_SHARE });
  if (l1 && l2) parts.push({ similarity: namePartSimilarity(l1, l2), share: LAST_SHARE });
  return parts.length > 0 ? parts : null;
}

function total(parts: { similarity: number; share: number }[]): number {
  return parts.reduce((s, p) => s + p.similarity * p.share, 0);
}

/** Company names without the legal form: "Acme Trading Co., Ltd." ≈ "ACME Trading"; 上海某某科技有限公司 ≈ 上海某某科技. */
const LEGAL_FORMS = /\b(co|company|corp|corporation|inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sarl|bv|plc|pty|group)\b/gu;
const CJK_LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|集团|公司)$/u;

export function companyNameKey(name: string | null): string {
  if (!name) return '';
  const text = name.normalize('NFKC').trim();
  if (hasCjk(text)) return text.replace(/\s+/gu, '').replace(/[()（）]/gu, '').replace(CJK_LEGAL_FORMS, '');
  return foldText(text).replace(LEGAL_FORMS, ' ').replace(/\s+/gu, ' ').trim();
}

export function companyNameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (hasCjk(a) && hasCjk(b)) return Math.max(levenshteinSimilarity(a, b), namePinyin(a, false) === namePinyin(b, false) ? 0.95 : 0);
  return jaroWinkler(a, b);
}

/**
 * Any address in common is a match. The same local part at another provider (a moved mailbox) is only
 * half-similar: local parts are mostly made of the name, so this evidence is not independent of it.
 */
export function emailSimilarity(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const x of a) {
    for (const y of b) {
      if (x === y) return 1;
      const lx = x.slice(0, x.lastIndexOf('@'));
      if (lx.length >= 6 && lx === y.slice(0, y.lastIndexOf('@'))) best = 0.5;
    }
  }
  return best;
}

/** Any E.164 number in common; the same last 8 digits (a number stored without or with another prefix) is similar. */
export function phoneSimilarity(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const x of a) {
    for (const y of b) {
      if (x === y) return 1;
      if (x.length >= 8 && y.length >= 8 && x.slice(-8) === y.slice(-8)) best = 0.9;
    }
  }
  return best;
}

/** Dates as YYYY-MM-DD: equal; one mistyped digit, two swapped digits, or day and month swapped count as similar. */
export function dateSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const da = a.replace(/-/g, '');
  const db = b.replace(/-/g, '');
  if (da.length !== 8 || db.length !== 8) return 0;
  if (da.slice(0, 4) === db.slice(0, 4) && da.slice(4, 6) === db.slice(6, 8) && da.slice(6, 8) === db.slice(4, 6)) return 0.8;
  return typoDistance(da, db) <= 1 ? 0.7 : 0;
}

/**
 * Codes (postcodes, identifiers): equal after removing spaces and punctuation; one mistyped or two
 * swapped characters is a likely typo when the code is long enough for a typo not to be another code.
 */
export function codeSimilarity(a: string, b: string): number {
  const ca = a.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  const cb = b.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (!ca || !cb) return 0;
  if (ca === cb) return 1;
  return Math.min(ca.length, cb.length) >= 4 && typoDistance(ca, cb) <= 1 ? 0.7 : 0;
}

/** Levenshtein distance, counting one swap of adjacent characters as a single edit (Damerau). */
export function typoDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  if (diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i]) return 1;
  return d;
}

/** Free text (street, city, address lines): Levenshtein on the folded text without spaces ("brentwoo dvlge"). */
export function textSimilarity(a: string, b: string): number {
  const ta = foldText(a).replace(/ /g, '');
  const tb = foldText(b).replace(/ /g, '');
  if (!ta || !tb) return 0;
  if (ta === tb) return 1;
  return 1 - typoDistance(ta, tb) / Math.max(ta.length, tb.length);
}
