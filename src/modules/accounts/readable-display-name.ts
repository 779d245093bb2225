import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../platform/http/access.ts';
import { isHiddenItself, isMaskedItself, maskSql, type ReadContext } from './field-policy.ts';

/** The columns a contact's name is read from: the stored display_name and the two parts it is made of. */
export type NameColumns = { displayName: RawBuilder<unknown>; firstName: RawBuilder<unknown>; lastName: RawBuilder<unknown> };

// The characters that make a name Chinese (normalize/display-name.ts: family name first, no space), as a
// PostgreSQL regular expression.
const CJK = '[\\u3400-\\u9fff\\uf900-\\ufaff\\U00020000-\\U0002ffff]';

type NamePart = { column: RawBuilder<unknown>; hidden: boolean; masked: boolean; shown: RawBuilder<unknown> };

function namePart(principal: Principal, field: string, column: RawBuilder<unknown>, context: ReadContext): NamePart {
  const masked = isMaskedItself(principal, 'contacts', field, context);
  return { column, hidden: isHiddenItself(principal, 'contacts', field), masked, shown: masked ? maskSql('text', column) : column };
}

/** Whether the role sees nothing of a contact's name: display_name itself hidden, or both its parts. */
export function isDisplayNameHidden(principal: Principal): boolean {
  return isHiddenItself(principal, 'contacts', 'display_name')
    || (isHiddenItself(principal, 'contacts', 'first_name') && isHiddenItself(principal, 'contacts', 'last_name'));
}

/**
 * The SQL expression a read path selects as a contact's display_name for one principal (ADR 3):
 * - display_name itself hidden, or both parts hidden → null (the UI shows "name hidden");
 * - both parts readable and unmasked → the stored display_name;
 * - one part hidden → the other part alone (last_name hidden: the first name);
 * - a part masked → put together from the masked part, as display_name is (李娜 → 李*, "J**n Smith").
 * display_name's own mask, if any, is then applied to the result. Done in SQL, like readableField, so the
 * hidden part never leaves the database.
 */
export function readableDisplayName(principal: Principal, columns: NameColumns, context: ReadContext): RawBuilder<unknown> {
  if (isDisplayNameHidden(principal)) return sql`null`;
  const first = namePart(principal, 'first_name', columns.firstName, context);
  const last = namePart(principal, 'last_name', columns.lastName, context);
  let shown: RawBuilder<unknown>;
  if (first.hidden) shown = sql`nullif(${last.shown}, '')`;
  else if (last.hidden) shown = sql`nullif(${first.shown}, '')`;
  else if (!first.masked && !last.masked) shown = columns.displayName;
  else {
    // displayName()'s rule on the masked parts; whether the name is Chinese is read from the stored parts,
    // both of which the role may read (masked): the order tells no more than the masked text does
    shown = sql`(case when coalesce(${first.column}, '') = '' then ${last.shown}
      when coalesce(${last.column}, '') = '' then ${first.shown}
      when (${first.column} || ${last.column}) ~ ${CJK} then ${last.shown} || ${first.shown}
      else ${first.shown} || ' ' || ${last.shown} end)`;
  }
  return isMaskedItself(principal, 'contacts', 'display_name', context) ? maskSql('text', shown) : shown;
}
