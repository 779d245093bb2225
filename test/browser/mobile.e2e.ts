import type { Page } from '@playwright/test';
import { expect, sessionApi, signIn, test } from './fixtures.ts';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  // evaluated as a string: the test sources are type-checked without the DOM library
  const width = await page.evaluate<number>('document.scrollingElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(376);
}

test('contacts list and a 360 page fit a 375 px phone', async ({ page }) => {
  await signIn(page);
  await expectNoHorizontalOverflow(page);

  // the collapsed navbar is translated off-screen on phones
  await expect(page.getByTestId('nav-contacts')).not.toBeInViewport();
  await page.getByTestId('nav-burger').click();
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-row').first()).toBeVisible();
  await expectNoHorizontalOverflow(page);

  const api = await sessionApi(page);
  const list = await api.get<{ data: Array<{ id: string }> }>('/contacts?limit=1');
  const first = list.data[0];
  expect(first).toBeDefined();
  await page.goto(`/contacts/${first?.id ?? ''}`);
  await expect(page.getByTestId('record-title')).toBeVisible();
  await expect(page.getByTestId('profile-card')).toBeVisible();
  await expect(page.getByTestId('timeline').or(page.getByText('No activity yet'))).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
