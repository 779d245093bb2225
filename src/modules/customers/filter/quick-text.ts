import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { isHidden, isMasked } from '../../accounts/index.ts';
import { likeEscape } from './compile-filter.ts';
import { PHONE_PREFIX, queryTokens, tsqueryLiteral } from '../search/search-document.ts';

/**
 * A column the search document of a record is made of, under the field permission that governs it:
 * `text` columns are matched as substrings, `phone_rev` columns hold reversed phone digits.
 */
export type QuickTextSource = { field: string; column: RawBuilder<unknown>; kind: 'text' | 'phone_rev' };

/**
 * The list's `q` box, on the columns searchDocument() maintains: every query term must match a lexeme
 * of search_tokens (the last one as a prefix, for as-you-type), or the digits are the end of a phone
 * (a prefix of a reversed-number lexeme), or the Latin text is in the trigram column. All GIN-served.
 *
 * search_tokens hold every name part, email and phone. For a role that hides or masks one of them,
 * a match is also rechecked against the sources it may read unmasked, so typing a hidden last name
 * or a masked phone finds nothing through it (ADR 3). Pinyin and typo tolerance do not survive the
 * recheck; such roles match what they can see, as substrings.
 */
export function quickTextPredicate(alias: string, q: string | undefined, principal?: Principal, object?: string, sources: readonly QuickTextSource[] = []): RawBuilder<boolean> {
  if (!q || q.trim() === '') return sql<boolean>`true`;
  const { tokens, latin, digits } = queryTokens(q);
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const branches: RawBuilder<boolean>[] = [];
  const terms = tsqueryLiteral(tokens, true);
  if (terms) branches.push(sql<boolean>`${col('search_tokens')} @@ ${terms}::tsquery`);
  if (digits) {
    const phone = tsqueryLiteral([PHONE_PREFIX + [...digits].reverse().join('')], true);
    branches.push(sql<boolean>`${col('search_tokens')} @@ ${phone}::tsquery`);
  }
  if ([...latin].length >= 3) branches.push(sql<boolean>`${col('search_text')} like ${'%' + likeEscape(latin) + '%'}`);
  if (branches.length === 0) return sql<boolean>`false`;
  const found = sql<boolean>`(${sql.join(branches, sql` or `)})`;
  if (!principal || !object) return found;
  const restricted = sources.some((s) => isHidden(principal, object, s.field) || isMasked(principal, object, s.field, 'list'));
  if (!restricted) return found;
  const readable = sources.filter((s) => !isHidden(principal, object, s.field) && !isMasked(principal, object, s.field, 'list'));
  return sql<boolean>`(${found} and ${visibleMatch(q, readable)})`;
}

/** Every whitespace-separated term of `q` is in one of the readable sources (phones: by their last digits). */
function visibleMatch(q: string, readable: readonly QuickTextSource[]): RawBuilder<boolean> {
  const words = q.normalize('NFC').trim().split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0 || readable.length === 0) return sql<boolean>`false`;
  const perWord = words.map((word) => {
    const digits = /^\+?[\d\s-]{3,}$/u.test(word) ? word.replace(/\D/gu, '') : '';
    const options = readable.flatMap((s) => {
      if (s.kind === 'text') return [sql<boolean>`coalesce(${s.column}::text, '') ilike ${'%' + likeEscape(word) + '%'}`];
      return digits ? [sql<boolean>`(' ' || coalesce(${s.column}, '')) like ${'% ' + [...digits].reverse().join('') + '%'}`] : [];
    });
    return options.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(options, sql` or `)})`;
  });
  return sql<boolean>`(${sql.join(perWord, sql` and `)})`;
}
