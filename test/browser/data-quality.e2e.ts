import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

async function expectFigures(page: Page): Promise<void> {
  await expect(page.getByTestId('quality-title')).toBeVisible();
  await expect(page.getByTestId('quality-total')).toContainText(/[1-9]/);
  const rows = page.getByTestId('completeness-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(5);
  await expect(page.locator('[data-testid="completeness-row"][data-field="email"] [data-testid="completeness-value"]')).toHaveText(/\d+%/);
}

test('the data quality page shows completeness, invalid values, stale records and the trend', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('nav-data-quality').click();
  await expectFigures(page);
  await expect(page.getByTestId('invalid-row').first()).toBeVisible();
  await expect(page.getByTestId('quality-stale')).toContainText('12');
  // an administrator sees the whole workspace, so the trend (today's snapshot at least) is drawn
  await expect(page.getByTestId('quality-trend')).toBeVisible();

  await expect(page.getByTestId('quality-measured-at')).toBeVisible();
  const measured = page.waitForResponse((r) => r.url().includes('/api/v1/data-quality') && r.url().includes('refresh=true'));
  await page.getByTestId('quality-refresh').click();
  expect((await measured).status()).toBe(200);

  await page.getByTestId('quality-stale-months').click();
  await page.getByRole('option', { name: '3 months' }).click();
  await expect(page.getByTestId('quality-stale')).toContainText('3');

  await page.getByTestId('quality-object').getByText('Companies').click();
  await expect(page.locator('[data-testid="completeness-row"][data-field="domain"]')).toBeVisible();
  await expect(page.locator('[data-testid="invalid-row"][data-code="DOMAIN_INVALID"]')).toBeVisible();

  await page.getByTestId('quality-duplicates-link').click();
  await expect(page.getByTestId('duplicates-title')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the data quality page fits a 375 px screen, in Chinese', async ({ page }) => {
    await signIn(page);
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-zh-CN').click();
    await page.goto('/data/quality');
    await expectFigures(page);
    await expect(page.getByTestId('quality-title')).toHaveText('数据质量');
    await expect(page.getByTestId('completeness')).toContainText('邮箱');
    // evaluated as a string: the test sources are type-checked without the DOM library
    const width = await page.evaluate<number>('document.scrollingElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(376);
  });
});
