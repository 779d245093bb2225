import { pinyin } from 'pinyin-pro';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;

export type SearchInput = { names: (string | null | undefined)[]; emails: (string | null | undefined)[]; phones: (string | null | undefined)[]; others?: (string | null | undefined)[] };
export type SearchDocument = {
  /** lexemes for a `simple` tsvector (array_to_tsvector): CJK characters and bigrams, pinyin, latin words, email parts */
  tokens: string[];
  /** lower-cased, unaccented-ish text for trigram (typo-tolerant) fallback on Latin text */
  text: string;
  /** reversed digits of each phone, space separated: "last digits" search becomes a prefix match */
  phoneRev: string | null;
};

function clean(values: (string | null | undefined)[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.normalize('NFC').trim());
}

/** Character unigrams and bigrams of a CJK run: pg_trgm cannot index 2-character names, a GIN over bigrams can. */
export function cjkGrams(run: string): string[] {
  const chars = [...run];
  const grams: string[] = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Full pinyin and initials of a Chinese name: 张三丰 → zhangsanfeng, zsf. */
export function pinyinKeys(text: string): string[] {
  const han = [...text].filter((c) => CJK.test(c)).join('');
  if (!han) return [];
  const syllables = pinyin(han, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });
  if (syllables.length === 0) return [];
  const full = syllables.join('').toLowerCase();
  const initials = syllables.map((s) => s[0] ?? '').join('').toLowerCase();
  // family-name-first is how Chinese names are typed; given-name syllables alone help too
  const rest = syllables.length > 1 ? syllables.slice(1).join('').toLowerCase() : '';
  return [full, initials, ...(rest ? [rest] : [])];
}

export function foldLatin(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchDocument(input: SearchInput): SearchDocument {
  const tokens = new Set<string>();
  const textParts: string[] = [];
  for (const name of clean([...input.names, ...(input.others ?? [])])) {
    for (const run of name.match(CJK_RUN) ?? []) for (const g of cjkGrams(run)) tokens.add(g);
    for (const key of pinyinKeys(name)) tokens.add(key);
    const latin = foldLatin(name.replace(CJK_RUN, ' '));
    for (const w of latin.match(LATIN_WORD) ?? []) tokens.add(w);
    if (latin.trim()) textParts.push(latin.trim());
  }
  for (const email of clean(input.emails)) {
    const lower = email.toLowerCase();
    tokens.add(lower);
    const [local, domain] = lower.split('@');
    if (local) for (const w of local.match(LATIN_WORD) ?? []) tokens.add(w);
    if (domain) tokens.add(domain);
    textParts.push(lower);
  }
  const revs: string[] = [];
  for (const phone of clean(input.phones)) {
    const digits = phone.replace(/\D/g, '');
    if (digits) revs.push([...digits].reverse().join(''));
  }
  return { tokens: [...tokens].filter((t) => t.length > 0 && t.length < 200), text: textParts.join(' '), phoneRev: revs.length ? revs.join(' ') : null };
}

/** Query side: the tokens a search string must all match (prefix match for the last, as-you-type). */
export function queryTokens(q: string): { tokens: string[]; latin: string; digits: string | null } {
  const text = q.normalize('NFC').trim();
  const tokens: string[] = [];
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) tokens.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  const latin = foldLatin(text.replace(CJK_RUN, ' ')).trim();
  for (const w of latin.match(/[\p{L}\p{N}@.]+/gu) ?? []) tokens.push(w);
  const digitsOnly = text.replace(/[\s\-+()]/g, '');
  const digits = /^\d{3,}$/.test(digitsOnly) ? digitsOnly : null;
  return { tokens: [...new Set(tokens)], latin, digits };
}
