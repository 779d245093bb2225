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
