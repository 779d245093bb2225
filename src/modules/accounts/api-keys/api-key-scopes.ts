import { AppError } from '../../../platform/http/errors.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { OBJECTS } from '../roles/default-roles.ts';

/** `*`, or `<object>:read|write` for an object a role can grant. Scopes only narrow the owner's role, never widen it. */
export const SCOPE_PATTERN = `^(\\*|(${OBJECTS.join('|')}):(read|write))$`;

function covers(held: readonly string[], wanted: string): boolean {
  if (held.includes('*') || held.includes(wanted)) return true;
  const [object, level] = wanted.split(':');
  return level === 'read' && held.includes(`${object}:write`);
}

/**
 * A key minted through a narrowed key may not be wider than the caller's: otherwise a leaked
 * `contacts:read` key could create itself an unrestricted one.
 */
export function assertScopesWithinCaller(principal: Principal, requested: readonly string[]): void {
  if (principal.via !== 'api_key' || principal.scopes.length === 0 || principal.scopes.includes('*')) return;
  const wider = requested.length === 0 ? ['*'] : requested.filter((s) => !covers(principal.scopes, s));
  if (wider.length > 0) {
    throw new AppError('PERMISSION_DENIED', 'A key cannot create a key with wider scopes than its own', { scopes: wider });
  }
}
