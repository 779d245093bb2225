import type { FieldAccess, Session } from './types';

/**
 * The reader's access to one field of an object, as the server's field policy reads the role: editable
 * unless the role says otherwise. Only to leave out controls the server would refuse (a write to a
 * read-only or hidden field) and values it sends empty (a hidden field); the server remains the authority.
 */
export function fieldAccessOf(permissions: Session['permissions'], object: string, field: string): FieldAccess {
  const access = permissions.fields[object]?.[field];
  return access === 'hidden' || access === 'readonly' ? access : 'editable';
}
