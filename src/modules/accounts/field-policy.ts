import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../platform/http/errors.ts';
import type { FieldAccess, Principal } from '../../platform/http/access.ts';

export type ReadContext = 'list' | 'detail';
export type MaskKind = 'phone' | 'email' | 'text';

export function fieldAccess(principal: Principal, object: string, field: string): FieldAccess {
  return principal.permissions.fields[object]?.[field] ?? 'editable';
}

/**
 * Stored fields made of other fields: a contact's display_name is its first and last name put together.
 * A role that hides or masks a part must not see that part through the whole, so wherever the derived
 * field is one opaque value — audit history, filters, sorts, duplicate reasons — it is hidden when the
 * field or any part is hidden, and masked when the field or any part is masked. Read paths that have
 * the parts at hand show what the role may see of them instead (readableDisplayName, ADR 3).
 */
const DERIVED_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  contacts: { display_name: ['first_name', 'last_name'] },
};

/** The derived fields of an object (see DERIVED_FIELDS). */
export function derivedFields(object: string): string[] {
  return Object.keys(DERIVED_FIELDS[object] ?? {});
}

function partsOf(object: string, field: string): readonly string[] {
  return DERIVED_FIELDS[object]?.[field] ?? [];
}

/** Hidden by the role itself, not counting the parts a derived field is made of. */
export function isHiddenItself(principal: Principal, object: string, field: string): boolean {
  return fieldAccess(principal, object, field) === 'hidden';
}

/** Masked by the role itself, not counting the parts a derived field is made of. */
export function isMaskedItself(principal: Principal, object: string, field: string, context: ReadContext): boolean {
  const mode = principal.permissions.masks[object]?.[field];
  return mode === 'everywhere' || (mode === 'list' && context === 'list');
}

/** Hidden by the role, or (a derived field) made of a hidden part. */
export function isHidden(principal: Principal, object: string, field: string): boolean {
  return isHiddenItself(principal, object, field) || partsOf(object, field).some((part) => isHiddenItself(principal, object, part));
}

/**
 * Masked when the role masks it everywhere, or in lists and this read is a list (lists, search, exports);
 * a derived field also when one of its parts is masked.
 */
export function isMasked(principal: Principal, object: string, field: string, context: ReadContext): boolean {
  return isMaskedItself(principal, object, field, context) || partsOf(object, field).some((part) => isMaskedItself(principal, object, part, context));
}

/**
 * The SQL expression a read path selects for one field: the column, `null` when hidden, or the masked
 * value. Every read path builds its select list through this, so masking is done by the database.
 */
export function readableField(
  principal: Principal,
  object: string,
  field: string,
  column: RawBuilder<unknown>,
  kind: MaskKind,
  context: ReadContext,
): RawBuilder<unknown> {
  if (isHidden(principal, object, field)) return sql`null`;
  if (!isMasked(principal, object, field, context)) return column;
  return maskSql(kind, column);
}

/**
 * The SQL expression a read path selects for a value no mask could hide anything in: a reference (owner,
 * company — its id and the name joined to it), a yes/no (t**e tells the value), a list of tags. The column,
 * or `hidden` when the role hides the field: `null` unless the JSON type says otherwise (tags → `'{}'::text[]`,
 * sent as []). A mask set on such a field through the API is not applied; the role editor offers none (ADR 3).
 */
export function unmaskedField(
  principal: Principal,
  object: string,
  field: string,
  column: RawBuilder<unknown>,
  hidden: RawBuilder<unknown> = sql`null`,
): RawBuilder<unknown> {
  return isHidden(principal, object, field) ? hidden : column;
}

/** The SQL masking of one value (138****8000, l***@example.com); every read path masks through this. */
export function maskSql(kind: MaskKind, value: RawBuilder<unknown>): RawBuilder<unknown> {
  if (kind === 'phone') return sql`relata_mask_phone(${value}::text)`;
  if (kind === 'email') return sql`relata_mask_email(${value}::text)`;
  return sql`relata_mask_text(${value}::text)`;
}

/** Refuses a write touching a hidden or read-only field. */
export function assertFieldsWritable(principal: Principal, object: string, fields: Iterable<string>): void {
  for (const field of fields) {
    const access = fieldAccess(principal, object, field);
    if (access !== 'editable') {
      throw new AppError('FIELD_READ_ONLY', `Your role may not change the field "${field}"`, { field });
    }
  }
}

/** Refuses a filter or sort on a hidden field: filtering would reveal the hidden value. */
export function assertFieldsReadable(principal: Principal, object: string, fields: Iterable<string>): void {
  for (const field of fields) {
    if (isHidden(principal, object, field)) {
      throw new AppError('PERMISSION_DENIED', `The field "${field}" is hidden for your role`, { field });
    }
  }
}

/**
 * Everything a read path's select list depends on in a role: its field rules and masks. Part of the key
 * of a cached statement shape (executeShape), so a role edited in between never reuses a stale text.
 */
export function fieldRulesKey(principal: Principal): string {
  return JSON.stringify([principal.permissions.fields, principal.permissions.masks]);
}
