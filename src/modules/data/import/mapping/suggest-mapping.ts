import { distance } from 'fastest-levenshtein';
import { IMPORT_TARGETS, type ImportObject } from './targets.ts';

export type CustomFieldRef = { key: string; label: string; label_zh: string | null; type: string };
export type MappingMatch = 'key' | 'alias' | 'custom_field' | 'fuzzy';
/** `unavailable`: the field the header names, which the caller may not write — not suggested, and no looser guess instead. */
export type MappingSuggestion = { header: string; target: string | null; match: MappingMatch | null; unavailable?: string };

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

/** Header text as compared: width, case, spaces and punctuation folded ("E-mail " = "email", "Order No." = "orderno"). */
export function foldHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

type Term = { text: string; target: string };
type Index = { keys: Map<string, string>; aliases: Map<string, string>; terms: Term[] };

const indexes = new Map<ImportObject, Index>();

function standardIndex(object: ImportObject): Index {
  let index = indexes.get(object);
  if (index) return index;
  index = { keys: new Map(), aliases: new Map(), terms: [] };
  for (const target of IMPORT_TARGETS[object]) {
    index.keys.set(foldHeader(target.key), target.key);
    for (const alias of [target.label, target.label_zh, ...target.aliases]) index.aliases.set(foldHeader(alias), target.key);
  }
  for (const [text, target] of [...index.keys, ...index.aliases]) index.terms.push({ text, target });
  indexes.set(object, index);
  return index;
}

// Short Latin words ("id", "tel", "mail") inside a longer header say too little to guess from;
// two Chinese characters (手机, 邮编) do.
function usableInFuzzy(text: string): boolean {
  return HAN.test(text) ? text.length >= 2 : text.length >= 4;
}

/**
 * The target whose name or alias a header nearly spells (Emial Address: the whole header, so the
 * surest guess) or contains (手机号码1, Customer Email). Among contained names, one at the end of the
 * header wins, since both languages put the head noun last (联系人电话 is a phone, not a contact);
 * then the longer name. A tie between two targets suggests nothing: a wrong guess costs the user more
 * than no guess.
 */
function fuzzyTarget(header: string, terms: readonly Term[]): string | null {
  let best: { score: number; target: string } | null = null;
  let tied = false;
  for (const term of terms) {
    if (!usableInFuzzy(term.text)) continue;
    let score = 0;
    if (header.length >= 5 && term.text.length >= 5 && Math.abs(header.length - term.text.length) <= 2) {
      const d = distance(header, term.text);
      if (d <= (header.length >= 8 ? 2 : 1)) score = 2000 - d;
    }
    if (score === 0 && header.length > term.text.length && header.includes(term.text)) {
      score = 1000 + (header.endsWith(term.text) ? 500 : 0) + term.text.length;
    }
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { score, target: term.target };
      tied = false;
    } else if (score === best.score && term.target !== best.target) {
      tied = true;
    }
  }
  return best && !tied ? best.target : null;
}

/**
 * One suggestion per header, in order. Passes from surest to loosest: the standard key itself, a custom
 * field's key or label (before aliases: a field the workspace defined under exactly this name is what
 * the user means), an alias, then a fuzzy guess. Within a pass the first header wins; a header never
 * gets two targets and a target never goes to two headers. A target the caller may not write (`available`
 * says no: a hidden or read-only field) is never suggested; the header it named stays unmapped rather
 * than fall through to a looser guess at another field.
 */
export function suggestMapping(
  object: ImportObject,
  headers: readonly string[],
  customFields: readonly CustomFieldRef[],
  available: (target: string) => boolean = () => true,
): MappingSuggestion[] {
  const index = standardIndex(object);
  const custom = new Map<string, string>();
  const customTerms: Term[] = [];
  for (const field of customFields) {
    const target = `attributes.${field.key}`;
    for (const name of [field.key, field.label, field.label_zh]) {
      if (!name) continue;
      const text = foldHeader(name);
      if (text !== '' && !custom.has(text)) custom.set(text, target);
      customTerms.push({ text, target });
    }
  }
  const folded = headers.map(foldHeader);
  const result: MappingSuggestion[] = headers.map((header) => ({ header, target: null, match: null }));
  const taken = new Set<string>();
  const terms = [...index.terms, ...customTerms];
  const passes: [MappingMatch, (header: string) => string | null | undefined][] = [
    ['key', (h) => index.keys.get(h)],
    ['custom_field', (h) => custom.get(h)],
    ['alias', (h) => index.aliases.get(h)],
    ['fuzzy', (h) => fuzzyTarget(h, terms)],
  ];
  for (const [match, find] of passes) {
    for (let i = 0; i < headers.length; i++) {
      const suggestion = result[i]!;
      const header = folded[i]!;
      if (suggestion.target !== null || suggestion.unavailable !== undefined || header === '') continue;
      const target = find(header);
      if (!target || taken.has(target)) continue;
      if (!available(target)) {
        suggestion.unavailable = target;
        continue;
      }
      taken.add(target);
      suggestion.target = target;
      suggestion.match = match;
    }
  }
  return result;
}
