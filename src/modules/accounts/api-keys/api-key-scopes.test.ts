import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../platform/http/access.ts';
import { assertScopesWithinCaller, SCOPE_PATTERN } from './api-key-scopes.ts';

function principal(via: Principal['via'], scopes: string[]): Principal {
  return { workspaceId: '1', userId: '1', roleId: '1', roleKey: 'admin', departmentId: null, permissions: { objects: {}, fields: {}, masks: {} }, via, scopes, csrfToken: null };
}

describe('API key scopes', () => {
  it('accepts * and object:read|write for known objects only', () => {
    const re = new RegExp(SCOPE_PATTERN);
    for (const ok of ['*', 'contacts:read', 'orders:write', 'settings:read']) expect(re.test(ok)).toBe(true);
    for (const bad of ['contacts', 'contact:read', 'contacts:admin', '**', 'contacts:read ', '']) expect(re.test(bad)).toBe(false);
  });

  it('lets sessions and unrestricted keys mint any scopes', () => {
    expect(() => assertScopesWithinCaller(principal('session', []), ['*'])).not.toThrow();
    expect(() => assertScopesWithinCaller(principal('api_key', []), [])).not.toThrow();
    expect(() => assertScopesWithinCaller(principal('api_key', ['*']), ['orders:write'])).not.toThrow();
  });

  it('keeps a narrowed key from minting a wider one', () => {
    const narrow = principal('api_key', ['contacts:write']);
    expect(() => assertScopesWithinCaller(narrow, ['contacts:read'])).not.toThrow();
    expect(() => assertScopesWithinCaller(narrow, ['contacts:write'])).not.toThrow();
    expect(() => assertScopesWithinCaller(narrow, ['orders:read'])).toThrowError(expect.objectContaining({ code: 'PERMISSION_DENIED' }));
    expect(() => assertScopesWithinCaller(narrow, [])).toThrowError(expect.objectContaining({ code: 'PERMISSION_DENIED' }));
    expect(() => assertScopesWithinCaller(principal('api_key', ['contacts:read']), ['contacts:write'])).toThrowError(expect.objectContaining({ code: 'PERMISSION_DENIED' }));
  });
});
