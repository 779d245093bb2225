import type { FieldAccess, Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { fieldAccess } from '../../accounts/index.ts';
import type { ImportObject } from './mapping/index.ts';

/**
 * The field-permission keys (ADR 3) a mapping target writes, where they are not the target's own key: a
 * full name is split into both parts and the name made of them, an owner or company column sets the
 * reference. Custom fields are `attributes.<key>` on both sides.
 */
const WRITES: Record<'contacts' | 'companies', Readonly<Record<string, readonly string[]>>> = {
  contacts: { name: ['first_name', 'last_name', 'display_name'], owner: ['owner_id'], company: ['company_id'] },
  companies: { owner: ['owner_id'] },
};

/** What an orders import writes into the contacts it creates for unknown customers (create_missing_contacts). */
const MISSING_CONTACT_WRITES: readonly [string, string][] = [
  ['contact_name', 'last_name'], ['contact_name', 'display_name'],
  ['contact_external_id', 'external_id'], ['contact_email', 'email'], ['contact_phone', 'phone'],
];

const STRICTNESS: Record<FieldAccess, number> = { editable: 0, readonly: 1, hidden: 2 };

/**
 * The fields a target writes. Field rules govern contacts and companies only (the API checks no other
 * object's fields), so an order's or a product's own columns write nothing a rule could name.
 */
export function fieldsWrittenBy(object: ImportObject, target: string): readonly string[] {
  if (object !== 'contacts' && object !== 'companies') return [];
  return WRITES[object][target] ?? [target];
}

/** The role's access to a target: the strictest rule among the fields it writes. */
export function targetAccess(principal: Principal, object: ImportObject, target: string): FieldAccess {
  let access: FieldAccess = 'editable';
  for (const field of fieldsWrittenBy(object, target)) {
    const rule = fieldAccess(principal, object, field);
    if (STRICTNESS[rule] > STRICTNESS[access]) access = rule;
  }
  return access;
}

function refuse(field: string, header: string | null, target: string, object: string): never {
  const what = header === null ? 'the contacts an import creates for unknown customers' : `the column "${header}"`;
  const fix = header === null ? 'import without creating missing contacts' : 'unmap the column to import the rest';
  throw new AppError('FIELD_READ_ONLY', `Your role may not change the field "${field}" of ${object}, which ${what} would set: ${fix}`,
    { header, target, field, object });
}

/**
 * Refuses a mapping that feeds a field the role may not write, hidden or read-only: an import is a write
 * like any other, so the rule of the API's create and update (assertFieldsWritable) holds for each column.
 * Checked when the import is created and again when it runs, since the role may change in between.
 */
export function assertMappingWritable(
  principal: Principal,
  object: ImportObject,
  mapping: Readonly<Record<string, string | null>>,
  options: { createMissingContacts?: boolean } = {},
): void {
  const headerOf = new Map<string, string>();
  for (const [header, target] of Object.entries(mapping)) {
    if (target === null) continue;
    headerOf.set(target, header);
    for (const field of fieldsWrittenBy(object, target)) {
      if (fieldAccess(principal, object, field) !== 'editable') refuse(field, header, target, object);
    }
  }
  if (object !== 'orders' || !options.createMissingContacts) return;
  for (const [target, field] of MISSING_CONTACT_WRITES) {
    const header = headerOf.get(target) ?? null;
    // the name is always written (a customer key stands in for a missing one); the keys only when mapped
    if (target !== 'contact_name' && header === null) continue;
    if (fieldAccess(principal, 'contacts', field) !== 'editable') refuse(field, header, target, 'contacts');
  }
}
