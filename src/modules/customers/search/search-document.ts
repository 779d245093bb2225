import { pinyin } from 'pinyin-pro';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
// Fast paths: most names are plain ASCII or only unified CJK ideographs (which fold to themselves),
// and these tests cost far less than normalisation and Unicode-property regexes.
const ASCII = /^\p{ASCII}*$/u;
const ASCII_WORD = /[a-z0-9]+/g;
const ALL_CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const ALL_CJK_UNIFIED = /^[\u3400-\u9fff]+$/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;
// Query terms keep '@' and '.' so that "li.na@ex" prefix-matches a whole-email lexeme; every tsquery
// operator character (& | ! : * ( ) ' < > \) falls outside this class and is dropped.
const QUERY_TERM = /[\p{L}\p{N}][\p{L}\p{N}@._-]*/gu;

/** Lexeme prefixes that no typed query term can start with, so these lexemes only match their own path. */
export const EXACT_NAME_PREFIX = '=';
export const PHONE_PREFIX = '#';

export type SearchInput = { names: (string | null | undefined)[]; emails: (string | null | undefined)[]; phones: (string | null | undefined)[]; others?: (string | null | undefined)[] };
export type SearchDocument = {
  /** lexemes for a `simple` tsvector (array_to_tsvector): CJK characters and bigrams, pinyin, latin words, email parts,
   *  whole normalised names ("=李娜") and reversed phone numbers ("#0008…") */
  tokens: string[];
  /** lower-cased, accent-folded text for the trigram (typo-tolerant) fallback on Latin text */
  text: string;
  /** reversed digits of each phone, space separated (first = primary phone) */
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

// Seeding and imports see the same few hundred thousand names again and again; pinyin-pro is the
// costliest step of a document, so its answers are kept (bounded: cleared when full).
const PINYIN_CACHE_MAX = 200_000;
const pinyinCache = new Map<string, string[]>();

/**
 * Pinyin keys of the Chinese characters in a name: 张三丰 → zhangsanfeng (full), zsf (initials),
 * sanfeng (given name), and each syllable (zhang, san, feng) so that "zhang san" finds it too.
 * Surname readings are used for the first character (单 → shan, 曾 → zeng).
 */
export function pinyinKeys(text: string): string[] {
  const han = ALL_CJK.test(text) ? text : [...text].filter((c) => CJK.test(c)).join('');
  if (!han) return [];
  const cached = pinyinCache.get(han);
  if (cached) return cached;
  const syllables = pinyin(han, { toneType: 'none', type: 'array', nonZh: 'removed', v: true, surname: 'head' }).map((s) => s.toLowerCase());
  const keys = new Set<string>();
  if (syllables.length > 0) {
    keys.add(syllables.join(''));
    keys.add(syllables.map((s) => s[0] ?? '').join(''));
    if (syllables.length > 1) keys.add(syllables.slice(1).join(''));
    for (const s of syllables) keys.add(s);
  }
  const result = [...keys].filter((k) => k.length > 0);
  if (pinyinCache.size >= PINYIN_CACHE_MAX) pinyinCache.clear();
  pinyinCache.set(han, result);
  return result;
}

export function foldLatin(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

/** The form a whole name is compared in: folded, single-spaced. Shared by documents and queries. */
export function nameKey(text: string): string {
  return foldLatin(text.normalize('NFC')).replace(/\s+/gu, ' ').trim();
}

export function reverseDigits(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits ? [...digits].reverse().join('') : null;
}

/** The trigram text stays short: word_similarity costs grow with it, and "first last" already holds "last". */
function addText(parts: string[], text: string): void {
  if (text && !parts.some((p) => p.includes(text))) parts.push(text);
}

export function searchDocument(input: SearchInput): SearchDocument {
  const tokens = new Set<string>();
  const textParts: string[] = [];
  for (const name of clean([...input.names, ...(input.others ?? [])])) {
    if (ALL_CJK_UNIFIED.test(name)) {
      tokens.add(EXACT_NAME_PREFIX + name);
      for (const g of cjkGrams(name)) tokens.add(g);
      for (const k of pinyinKeys(name)) tokens.add(k);
      continue;
    }
    const key = nameKey(name);
    if (key) tokens.add(EXACT_NAME_PREFIX + key);
    if (ASCII.test(name)) {
      for (const w of key.match(ASCII_WORD) ?? []) tokens.add(w);
      addText(textParts, key);
      continue;
    }
    for (const run of name.match(CJK_RUN) ?? []) for (const g of cjkGrams(run)) tokens.add(g);
    for (const k of pinyinKeys(name)) tokens.add(k);
    const latin = foldLatin(name.replace(CJK_RUN, ' '));
    for (const w of latin.match(LATIN_WORD) ?? []) tokens.add(w);
    addText(textParts, latin.replace(/\s+/gu, ' ').trim());
  }
  for (const email of clean(input.emails)) {
    const lower = email.toLowerCase();
    tokens.add(lower);
    const at = lower.lastIndexOf('@');
    const local = at >= 0 ? lower.slice(0, at) : lower;
    const domain = at >= 0 ? lower.slice(at + 1) : '';
    for (const w of (ASCII.test(local) ? local.match(ASCII_WORD) : foldLatin(local).match(LATIN_WORD)) ?? []) tokens.add(w);
    if (domain) tokens.add(domain);
    textParts.push(lower);
  }
  const revs: string[] = [];
  for (const phone of clean(input.phones)) {
    const rev = reverseDigits(phone);
    if (rev && !revs.includes(rev)) revs.push(rev);
  }
  // Every number gets its own lexeme: a GIN prefix match then finds "last digits" of any of them.
  for (const rev of revs) tokens.add(PHONE_PREFIX + rev);
  return {
    // a tsvector lexeme holds at most 2046 bytes: 600 UTF-16 units stay below it in any script
    tokens: [...tokens].filter((t) => t.length > 0 && t.length <= 600),
    text: textParts.join(' '),
    phoneRev: revs.length ? revs.join(' ') : null,
  };
}

/** The search columns of a contact, as writers store them (search_tokens = array_to_tsvector(tokens)). */
export function contactSearchColumns(contact: {
  displayName: string;
  firstName?: string | null;
  lastName?: string | null;
  emails: (string | null | undefined)[];
  phones: (string | null | undefined)[];
}): { search_tokens: string[]; search_text: string; phone_rev: string | null } {
  const doc = searchDocument({ names: [contact.displayName, contact.firstName, contact.lastName], emails: contact.emails, phones: contact.phones });
  return { search_tokens: doc.tokens, search_text: doc.text, phone_rev: doc.phoneRev };
}

/** The search columns of a company: its name, domain, email and phone. */
export function companySearchColumns(company: {
  name: string;
  domain?: string | null;
  email?: string | null;
  phone?: string | null;
}): { search_tokens: string[]; search_text: string } {
  const doc = searchDocument({ names: [company.name], emails: [company.email], phones: [company.phone], others: [company.domain] });
  const tokens = new Set(doc.tokens);
  if (company.domain) tokens.add(company.domain.toLowerCase());
  return { search_tokens: [...tokens], search_text: doc.text };
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
  const latin = foldLatin(text.replace(CJK_RUN, ' ')).replace(/\s+/gu, ' ').trim();
  for (const w of latin.match(QUERY_TERM) ?? []) {
    const term = w.replace(/[._-]+$/u, '');
    // an email or domain stays whole (it prefix-matches the whole-address lexeme); "mary-jane" is two words
    if (/[@.]/u.test(term)) tokens.push(term);
    else for (const part of term.split(/[_-]+/u)) if (part) tokens.push(part);
  }
  const digitsOnly = text.replace(/[\s\-+().]/g, '');
  const digits = /^\d{3,}$/.test(digitsOnly) ? digitsOnly : null;
  return { tokens: [...new Set(tokens)], latin, digits };
}

/** A tsquery literal from lexemes, each quoted, so no input can inject tsquery syntax. */
export function tsqueryLiteral(lexemes: string[], prefixLast: boolean): string | null {
  if (lexemes.length === 0) return null;
  return lexemes
    .map((lexeme, i) => {
      const quoted = `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
      return prefixLast && i === lexemes.length - 1 ? `${quoted}:*` : quoted;
    })
    .join(' & ');
}

/** Result ranks: the whole query is the name > every term is a whole token > a phone's last digits >
 *  the last term is a prefix > trigram similarity. */
export const TIER = { name: 0, exact: 1, phone: 2, prefix: 3, fuzzy: 4 } as const;

export type SearchPlan = {
  /** the whole query as a name ("=李娜"): the best rank */
  exactName: string | null;
  /** every term as a whole lexeme */
  exact: string | null;
  /** the last Latin term as a prefix (as-you-type); null when it would equal `exact` or be too broad */
  prefix: string | null;
  /** last digits of a phone: a prefix of a reversed number */
  phone: string | null;
  /** Latin text for the trigram fallback, null when too short to be typo-tolerant */
  fuzzy: string | null;
  /**
   * The first letters of each Latin word as prefixes ("oosterhus" → 'oost':*): most typos are not in
   * the first letters, and this candidate set comes from the tsvector index, whose estimates let the
   * planner intersect it with a scope's owner index. Trigram similarity then ranks the candidates.
   */
  fuzzyPrefix: string | null;
  hasEmail: boolean;
};

/**
 * What to look up for a query. A one-letter Latin prefix would match most of the index, so prefixes
 * start at two letters; CJK is typed whole characters at a time through an IME, so it needs no prefix.
 */
export function searchPlan(q: string): SearchPlan {
  const { tokens, latin, digits } = queryTokens(q);
  const key = nameKey(q);
  const last = tokens.at(-1);
  const lastIsLatin = last !== undefined && !CJK.test(last);
  const canPrefix = lastIsLatin && [...last].length >= 2;
  const fuzzyText = latin.replace(/[^\p{L}\p{N}@.\s-]/gu, ' ').replace(/\s+/gu, ' ').trim();
  const stems = (fuzzyText.match(LATIN_WORD) ?? []).filter((w) => [...w].length >= 4).map((w) => [...w].slice(0, w.length >= 6 ? 4 : 3).join(''));
  return {
    exactName: key && tokens.length > 0 ? tsqueryLiteral([EXACT_NAME_PREFIX + key], false) : null,
    exact: tsqueryLiteral(tokens, false),
    prefix: canPrefix ? tsqueryLiteral(tokens, true) : null,
    phone: digits ? tsqueryLiteral([PHONE_PREFIX + [...digits].reverse().join('')], true) : null,
    // typo tolerance is for names; an address is typed exactly (and may be hidden from the role)
    fuzzy: !q.includes('@') && /\p{L}/u.test(fuzzyText) && fuzzyText.length >= 3 ? fuzzyText : null,
    fuzzyPrefix: !q.includes('@') && stems.length > 0 ? stems.map((stem) => tsqueryLiteral([stem], true)).join(' & ') : null,
    hasEmail: q.includes('@'),
  };
}
