import { expect, sessionApi, signIn, test, uniqueSuffix } from './fixtures.ts';

test('filter, save a view, bulk-tag the selection and edit a record inline', async ({ page }) => {
  await signIn(page);
  const suffix = uniqueSuffix();
  const api = await sessionApi(page);
  const city = `Testcity${suffix}`;
  for (const name of ['Anneke', 'Bram', 'Cor']) await api.post('/contacts', { first_name: name, last_name: `Filter ${suffix}`, city });

  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('filter-button').click();
  await page.getByTestId('filter-add').click();
  await page.getByTestId('filter-field').last().click();
  await page.getByRole('option', { name: 'City', exact: true }).click();
  await page.getByTestId('filter-op').last().click();
  await page.getByRole('option', { name: 'equals', exact: true }).click();
  await page.getByTestId('filter-value').last().fill(city);
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('contact-row')).toHaveCount(3);
  await expect(page.getByTestId('list-total')).toContainText('3');

  // sort by name descending: Cor first
  await page.getByTestId('sort-display_name').click();
  await page.getByTestId('sort-display_name').click();
  await expect(page.getByTestId('contact-row').first()).toContainText('Cor');

  await page.getByTestId('saved-views').click();
  await page.getByTestId('save-view').click();
  await page.getByLabel('View name').fill(`City ${suffix}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('View saved')).toBeVisible();

  await page.getByTestId('select-all').click();
  await expect(page.getByTestId('bulk-bar')).toContainText('3 selected');
  await page.getByTestId('bulk-actions').click();
  await page.getByRole('menuitem', { name: 'Add tag' }).click();
  await page.getByRole('dialog').getByLabel('Tag', { exact: true }).fill(`tag${suffix}`);
  await page.keyboard.press('Enter');
  await page.getByTestId('bulk-confirm').click();
  await expect(page.getByText('3 records updated')).toBeVisible();
  await expect(page.getByTestId('contact-row').first()).toContainText(`tag${suffix}`);

  // the saved view restores the filter after a reload
  await page.reload();
  await page.getByTestId('saved-views').click();
  await page.getByRole('menuitem', { name: `City ${suffix}` }).click();
  await expect(page.getByTestId('contact-row')).toHaveCount(3);
  await expect(page.getByTestId('contact-row').first()).toContainText('Cor');

  // a changed sort is saved into the view (not as a new one), the view renamed; both hold after a reload
  await expect(page.getByTestId('saved-view-modified')).toBeHidden();
  await page.getByTestId('sort-display_name').click();
  await expect(page.getByTestId('contact-row').first()).toContainText('Anneke');
  await expect(page.getByTestId('saved-view-modified')).toBeVisible();
  await page.getByTestId('saved-views').click();
  await page.getByTestId('save-view-changes').click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(page.getByTestId('saved-view-modified')).toBeHidden();
  await page.getByTestId('saved-views').click();
  await page.getByTestId('rename-view').click();
  await page.getByLabel('View name').fill(`Renamed ${suffix}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('View renamed')).toBeVisible();
  await expect(page.getByTestId('saved-views')).toContainText(`Renamed ${suffix}`);
  await page.reload();
  await page.getByTestId('saved-views').click();
  await expect(page.getByRole('menuitem', { name: `City ${suffix}` })).toHaveCount(0);
  await page.getByRole('menuitem', { name: `Renamed ${suffix}` }).click();
  await expect(page.getByTestId('contact-row')).toHaveCount(3);
  await expect(page.getByTestId('contact-row').first()).toContainText('Anneke');

  // inline edit sends the version; a stale version is reported, not overwritten
  await page.getByTestId('contact-row').filter({ hasText: 'Bram' }).getByTestId('contact-link').click();
  await expect(page.getByTestId('record-title')).toContainText('Bram');
  const id = page.url().split('/').pop() ?? '';
  await page.getByTestId('profile-edit').click();
  await page.getByTestId('profile-input-source').fill('fair');
  const current = await api.get<{ version: number }>(`/contacts/${id}`);
  const me = await page.request.get('/api/v1/auth/me');
  const csrf = ((await me.json()) as { csrf_token: string }).csrf_token;
  const concurrent = await page.request.patch(`/api/v1/contacts/${id}`, {
    data: { version: current.version, region: 'Gelderland' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(concurrent.ok()).toBe(true);
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('version-conflict')).toBeVisible();
  await expect(page.getByTestId('version-conflict')).toContainText('changed by someone else');
  await page.getByTestId('version-conflict').getByRole('button').click();
  await expect(page.getByTestId('version-conflict')).toBeHidden();
  await expect(page.getByTestId('profile-card')).toContainText('Gelderland');
  await page.getByTestId('profile-edit').click();
  await page.getByTestId('profile-input-source').fill('fair');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-card')).toContainText('fair');
});
