import type { Session } from '../accounts/types';

// a contact's display_name is stored, made of first_name and last_name (DERIVED_FIELDS in the server's
// field-policy.ts): restricting a part restricts the whole name
const NAME_FIELDS = ['display_name', 'first_name', 'last_name'] as const;

/**
 * Whether the contact list may offer sorting by name. Not when the role hides the name or a part of it
 * (the server answers sort=display_name with PERMISSION_DENIED: the order would reveal the hidden part),
 * nor when it masks one in lists, where rows ordered by values the reader sees masked tell what the mask hides.
 */
export function contactNameSortable(permissions: Session['permissions']): boolean {
  const access = permissions.fields['contacts'] ?? {};
  const masks = permissions.masks['contacts'] ?? {};
  return NAME_FIELDS.every((field) => access[field] !== 'hidden' && masks[field] !== 'list' && masks[field] !== 'everywhere');
}

/**
 * Whether a list may offer sorting by a field: not when the role hides it or masks it in lists (the server
 * answers 403 PERMISSION_DENIED). A contact's name also depends on its parts (contactNameSortable).
 */
export function fieldSortable(permissions: Session['permissions'], object: 'contacts' | 'companies', field: string): boolean {
  if (object === 'contacts' && field === 'display_name') return contactNameSortable(permissions);
  const access = permissions.fields[object]?.[field];
  const mask = permissions.masks[object]?.[field];
  return access !== 'hidden' && mask !== 'list' && mask !== 'everywhere';
}
