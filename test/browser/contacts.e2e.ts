import { expect, sessionApi, signIn, test, uniqueSuffix } from './fixtures.ts';

test('create a contact with a custom field, then find it by global search with a typo', async ({ page }) => {
  await signIn(page);
  const suffix = uniqueSuffix();
  const key = `loyalty_${suffix}`.replace(/[^a-z0-9_]/g, '');
  const api = await sessionApi(page);
  await api.post('/custom-fields', { object: 'contacts', key, type: 'text', label: `Loyalty card ${suffix}`, label_zh: `会员卡 ${suffix}` });

  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-row').first()).toBeVisible();
  await expect(page.getByTestId('list-total')).toContainText(/\d/);

  await page.getByTestId('new-contact').click();
  await page.getByTestId('contact-first-name').fill('Margaretha');
  await page.getByTestId('contact-last-name').fill('Oosterhuis');
  await page.getByTestId('contact-email').fill(`margaretha.${suffix}@example.nl`);
  await page.getByTestId(`cf-${key}`).fill(`CARD-${suffix}`);
  await page.getByTestId('contact-save').click();

  // either closed straight away, or it reported suspected duplicates (earlier runs): open the new record
  const warnings = page.getByTestId('duplicate-warnings');
  const dialogGone = page.getByTestId('contact-save');
  await expect(warnings.or(page.getByTestId('quick-search'))).toBeVisible();
  if (await warnings.isVisible()) await page.getByRole('button', { name: /close/i }).click();
  await expect(dialogGone).toBeHidden();

  await page.getByTestId('global-search').fill('Margaretha Oosterhus');
  const hit = page.getByTestId('search-hit').filter({ hasText: 'Margaretha' }).first();
  await expect(hit).toBeVisible();
  await hit.click();

  await expect(page).toHaveURL(/\/contacts\/\d+/);
  await expect(page.getByTestId('record-title')).toContainText('Margaretha');
  await expect(page.getByTestId('record-title')).toContainText('Oosterhuis');
  await expect(page.getByTestId('profile-card')).toContainText(`Loyalty card ${suffix}`);
  // more than one run may have created a Margaretha; the one we opened must be a real record with the field block
  await expect(page.getByTestId(`profile-cf-${key}`)).toBeVisible();
});

test('a server validation error is shown on the form', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('new-contact').click();
  await page.getByTestId('contact-first-name').fill('Bad');
  await page.getByTestId('contact-email').fill('not-an-email');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('form-error')).toBeVisible();
  await expect(page.getByTestId('contact-email')).toHaveAttribute('aria-invalid', 'true');
});
