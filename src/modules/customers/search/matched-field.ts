import { foldLatin, pinyinKeys, queryTokens, TIER, type SearchPlan } from './search-document.ts';

export type MatchedField = 'name' | 'pinyin' | 'email' | 'phone' | 'domain';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * Which field a hit matched on, for the UI to say "matched by phone". Decided from the query and the
 * (never masked) title only, so the label cannot reveal a masked or hidden value.
 */
export function matchedField(hit: { type: 'contact' | 'company'; title: string; tier: number }, plan: SearchPlan, q: string): MatchedField {
  if (plan.phone && hit.tier === TIER.phone) return 'phone';
  if (plan.hasEmail) return hit.type === 'company' ? 'domain' : 'email';
  if (CJK.test(q)) return 'name';
  const terms = queryTokens(q).tokens.filter((t) => !CJK.test(t));
  const words = foldLatin(hit.title).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const inName = terms.every((t) => words.some((w) => w.startsWith(t)));
  if (inName || hit.tier === TIER.fuzzy) return 'name';
  const keys = pinyinKeys(hit.title);
  if (keys.length > 0 && terms.every((t) => keys.some((k) => k.startsWith(t)))) return 'pinyin';
  return hit.type === 'company' ? 'domain' : 'email';
}
