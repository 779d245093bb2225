import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'Admin-Passw0rd!';

/** global-setup exports the spawned server's URL; tests read it in the worker. */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring pattern, and baseURL has none
  baseURL: async ({}, use) => {
    const url = process.env['RELATA_BASE_URL'];
    if (!url) throw new Error('RELATA_BASE_URL is not set: run through playwright.config.ts (global-setup starts the server)');
    await use(url);
  },
});

export { expect };

export async function signIn(page: Page, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('home-title')).toBeVisible();
}

/**
 * API calls with the browser's session cookie (page.request shares the context's cookies)
 * plus the CSRF header the server requires on mutating cookie-authenticated requests.
 */
export async function sessionApi(page: Page): Promise<{ post: <T>(path: string, body: unknown) => Promise<T>; get: <T>(path: string) => Promise<T> }> {
  const request: APIRequestContext = page.request;
  const me = await request.get('/api/v1/auth/me');
  expect(me.status()).toBe(200);
  const { csrf_token: csrf } = (await me.json()) as { csrf_token: string };
  return {
    post: async <T>(path: string, body: unknown) => {
      const response = await request.post(`/api/v1${path}`, { data: body, headers: { 'x-csrf-token': csrf } });
      expect(response.ok(), `${path} → ${response.status()} ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    },
    get: async <T>(path: string) => {
      const response = await request.get(`/api/v1${path}`);
      expect(response.ok(), `${path} → ${response.status()}`).toBe(true);
      return (await response.json()) as T;
    },
  };
}

/** A suffix that keeps names and keys unique across test runs against the same server. */
export function uniqueSuffix(): string {
  return Date.now().toString(36) + Math.floor(Math.random() * 1e4).toString(36);
}
