import { expect, sessionApi, signIn, test, uniqueSuffix } from './fixtures.ts';

type Contact = { id: string; city: string | null };

/** Review a duplicate pair found by a real scan, merge it keeping one value from each side, then undo the merge. */
test('scan, compare a pair side by side, merge it, then undo the merge', async ({ page }) => {
  await signIn(page);
  const suffix = uniqueSuffix();
  const api = await sessionApi(page);
  const email = `dora.${suffix}@example.com`;
  const a = await api.post<Contact>('/contacts', { first_name: 'Dora', last_name: `Dupont${suffix}`, email, city: 'Lyon' });
  const b = await api.post<Contact>('/contacts', { first_name: 'Dora', last_name: `Dupont${suffix}`, email, city: 'Paris' });

  await page.getByTestId('nav-data-duplicates').click();
  await expect(page.getByTestId('duplicates-title')).toBeVisible();
  await page.getByTestId('duplicates-scan').click();
  const pair = page.getByTestId('duplicate-pair').filter({ hasText: `Dupont${suffix}` });
  await expect(pair).toBeVisible({ timeout: 30_000 });
  await expect(pair.getByTestId('duplicate-score')).toHaveText(/\d+%/);
  await expect(pair.getByTestId('duplicate-reasons')).not.toBeEmpty();

  await pair.click();
  const comparison = page.getByTestId('duplicate-comparison');
  await expect(comparison).toBeVisible();
  // keep the first record, but take the city of the second
  const aName = await comparison.getByTestId('duplicate-survivor').locator('label').first().textContent();
  expect(aName).toContain(`Dupont${suffix}`);
  const city = comparison.locator('[data-testid="duplicate-field"][data-field="city"]');
  await expect(city).toContainText('Lyon');
  await expect(city).toContainText('Paris');
  const pairDetail = await api.get<{ a: { id: string }; b: { id: string } }>(`/duplicates/${(await pair.getAttribute('data-pair-id')) ?? ''}`);
  const survivorId = pairDetail.a.id;
  const mergedId = pairDetail.b.id;
  expect([survivorId, mergedId].sort()).toEqual([a.id, b.id].sort());
  const otherCity = survivorId === a.id ? 'Paris' : 'Lyon';
  await city.getByTestId('duplicate-choice-b').check();
  await comparison.getByTestId('duplicate-merge').click();
  await expect(pair).toHaveCount(0);

  const merged = await api.get<Contact>(`/contacts/${mergedId}`);
  expect(merged.id).toBe(survivorId);
  expect(merged.city).toBe(otherCity);

  // the merge history: undo brings the merged record back
  await page.getByTestId('duplicates-tab-history').click();
  const row = page.locator(`[data-testid="merge-row"]`).filter({ hasText: `Dupont${suffix}` }).first();
  await expect(row).toBeVisible();
  await row.getByTestId('merge-undo').click();
  await expect(row.getByTestId('merge-undone')).toBeVisible();
  const restored = await api.get<Contact>(`/contacts/${mergedId}`);
  expect(restored.id).toBe(mergedId);
});
