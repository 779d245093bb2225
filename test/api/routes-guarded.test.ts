import { describe, expect, it, vi } from 'vitest';
import type { RouteAccess } from '../../src/platform/http/access.ts';
import { createHttpApp } from '../../src/platform/http/app.ts';
import type * as HttpAppModule from '../../src/platform/http/app.ts';
import { testApp } from '../support/test-app.ts';

type CollectedRoute = { method: string; url: string; access: RouteAccess | undefined };

// Collect every route the real composition root registers, by wrapping the HTTP kernel's factory with an
// onRoute hook; the server under test is otherwise built exactly as in production.
const collected = vi.hoisted(() => [] as CollectedRoute[]);
vi.mock('../../src/platform/http/app.ts', async (importOriginal) => {
  const original = await importOriginal<typeof HttpAppModule>();
  return {
    ...original,
    createHttpApp: (...args: Parameters<typeof original.createHttpApp>) => {
      const app = original.createHttpApp(...args);
      app.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) collected.push({ method, url: route.url, access: route.config?.access });
      });
      return app;
    },
  };
});

const { app } = await testApp();
const apiRoutes = collected.filter((r) => r.url.startsWith('/api/v1/'));

describe('every API route declares who may call it', () => {
  it('collects the routes of every module', () => {
    const urls = new Set(apiRoutes.map((r) => r.url));
    for (const url of ['/api/v1/auth/login', '/api/v1/users', '/api/v1/users/:id/handover', '/api/v1/roles/:id', '/api/v1/departments', '/api/v1/api-keys', '/api/v1/workspace', '/api/v1/me']) {
      expect(urls).toContain(url);
    }
  });

  it('has an access rule on every /api/v1 route', () => {
    const missing = apiRoutes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('names a known object and action wherever a permission is required', async () => {
    const { OBJECTS } = await import('../../src/modules/accounts/index.ts');
    const { ACTIONS } = await import('../../src/platform/http/access.ts');
    for (const r of apiRoutes) {
      if (r.access && 'object' in r.access) {
        expect(OBJECTS as readonly string[], `${r.method} ${r.url}`).toContain(r.access.object);
        expect(ACTIONS as readonly string[], `${r.method} ${r.url}`).toContain(r.access.action);
      }
    }
  });

  it('keeps settings writes behind the settings permission', () => {
    const settingsPaths = /^\/api\/v1\/(users|departments|roles|workspace)(\/|$)/;
    const writes = apiRoutes.filter((r) => settingsPaths.test(r.url) && !['GET', 'HEAD'].includes(r.method));
    expect(writes.length).toBeGreaterThan(0);
    for (const r of writes) expect(r.access, `${r.method} ${r.url}`).toMatchObject({ object: 'settings' });
  });

  it('answers 401 AUTH_REQUIRED on every non-public route without credentials', async () => {
    const guarded = apiRoutes.filter((r) => r.access && !('public' in r.access));
    expect(guarded.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const r of guarded) {
      const url = r.url.replace(/:[A-Za-z_]+/g, '1').replace('*', 'x');
      const res = await app.inject({ method: r.method as 'GET', url, ...(['POST', 'PUT', 'PATCH'].includes(r.method) ? { payload: {} } : {}) });
      const code = r.method === 'HEAD' ? 'AUTH_REQUIRED' : (res.json() as { error?: { code?: string } }).error?.code;
      if (res.statusCode !== 401 || code !== 'AUTH_REQUIRED') failures.push(`${r.method} ${r.url} → ${res.statusCode} ${code}`);
    }
    expect(failures).toEqual([]);
  });

  it('publishes every accounts route in the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    for (const p of ['/api/v1/users', '/api/v1/users/{id}/handover', '/api/v1/roles/{id}', '/api/v1/departments/{id}', '/api/v1/api-keys/{id}', '/api/v1/workspace', '/api/v1/me']) {
      expect(paths).toContain(p);
    }
  });

  it('refuses at registration a route that declares no access rule', async () => {
    const bare = createHttpApp({ logLevel: 'silent', authenticate: async () => null });
    const register = async () => {
      bare.get('/api/v1/forgotten', async () => ({ leaked: true }));
      await bare.ready();
    };
    await expect(register()).rejects.toThrow(/declares no access rule/);
    await bare.close().catch(() => undefined);
  });

  it('accepts a route that declares one', async () => {
    const ok = createHttpApp({ logLevel: 'silent', authenticate: async () => null });
    ok.get('/api/v1/fine', { config: { access: { authenticated: true } } }, async () => ({ ok: true }));
    await ok.ready();
    expect((await ok.inject({ method: 'GET', url: '/api/v1/fine' })).statusCode).toBe(401);
    await ok.close();
  });
});
