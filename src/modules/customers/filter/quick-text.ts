import { sql, type RawBuilder } from 'kysely';
import { likeEscape } from './compile-filter.ts';
import { PHONE_PREFIX, queryTokens, tsqueryLiteral } from '../search/search-document.ts';

/**
 * The list's `q` box, on the columns searchDocument() maintains: every query term must match a lexeme
 * of search_tokens (the last one as a prefix, for as-you-type), or the digits are the end of a phone
 * (a prefix of a reversed-number lexeme), or the Latin text is in the trigram column. All GIN-served.
 */
export function quickTextPredicate(alias: string, q: string | undefined): RawBuilder<boolean> {
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
  return sql<boolean>`(${sql.join(branches, sql` or `)})`;
}
