import { EXACT_NAME_PREFIX, nameKey, queryTokens, searchDocument, TIER } from './search-document.ts';

// An address term ("li.na@ex", "acme.com") can only match an email or domain lexeme: name words are split
// on everything but letters and digits, so no name lexeme holds '@' or '.'.
const ADDRESS_TERM = /[@.]/u;

/**
 * Whether a hit found through search_tokens — which hold every part of the name — is also found through
 * the parts of the name the role may read (`parts`: the readable, unmasked ones). A role that hides a part
 * must not find the record by typing that part (ADR 3, ADR 9): the whole name typed, or every term, must
 * be a lexeme of the readable parts (the last term as a prefix when typed as-you-type). A match on the
 * last digits of a phone, or a term that is an address, did not come from the name and stands.
 * Email words typed without '@' ("lina" for lina@example.com) count as name terms here: the lexemes do
 * not say where they came from, so such a record is then found by its address only.
 */
export function matchesVisibleName(q: string, prefix: boolean, hit: { tier: number; parts: readonly string[] }): boolean {
  if (hit.tier === TIER.phone) return true;
  const lexemes = new Set(searchDocument({ names: [...hit.parts], emails: [], phones: [] }).tokens);
  const key = nameKey(q);
  if (key && lexemes.has(EXACT_NAME_PREFIX + key)) return true;
  const { tokens } = queryTokens(q);
  if (tokens.length === 0) return false;
  return tokens.every((term, i) => {
    if (ADDRESS_TERM.test(term) || lexemes.has(term)) return true;
    return prefix && i === tokens.length - 1 && [...lexemes].some((lexeme) => lexeme.startsWith(term));
  });
}
