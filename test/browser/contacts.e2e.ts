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

test('a role that hides both name parts reads "(name hidden)" on the record and in the list', async ({ page }) => {
  await signIn(page);
  const suffix = uniqueSuffix();
  const api = await sessionApi(page);
  const role = await api.post<{ id: string }>('/roles', {
    key: `nameless_${suffix}`,
    name: `Nameless ${suffix}`,
    permissions: { objects: { contacts: { actions: ['view'], scope: 'all' } }, fields: { contacts: { first_name: 'hidden', last_name: 'hidden' } } },
  });
  const email = `nameless.${suffix}@example.com`;
  const password = 'Nameless-Passw0rd!';
  await api.post('/users', { name: `Nameless ${suffix}`, email, password, role_id: role.id });
  const contact = await api.post<{ id: string }>('/contacts', { first_name: 'Hidalgo', last_name: `Secretson${suffix}` });

  await page.context().clearCookies();
  await signIn(page, email, password);
  await page.goto(`/contacts/${contact.id}`);
  await expect(page.getByTestId('record-title')).toHaveText('(name hidden)');
  await expect(page.getByTestId('profile-card')).not.toContainText('Secretson');
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-link').first()).toHaveText('(name hidden)');
});

test('delete a custom field on a phone: it leaves the list at once and its job removes the values', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page);
  const suffix = uniqueSuffix();
  const key = `gone_${suffix}`.replace(/[^a-z0-9_]/g, '');
  const api = await sessionApi(page);
  await api.post('/custom-fields', { object: 'contacts', key, type: 'text', label: `Gone ${suffix}` });
  const contact = await api.post<{ id: string; attributes: Record<string, unknown> }>('/contacts', { last_name: `Gone ${suffix}`, attributes: { [key]: 'old value' } });
  expect(contact.attributes[key]).toBe('old value');

  await page.goto('/settings/custom-fields');
  const row = page.getByTestId('cf-row').filter({ hasText: key });
  await expect(row).toBeVisible();
  await row.getByTestId('cf-delete').click();
  await page.getByTestId('cf-delete-confirm').click();
  await expect(page.getByTestId('cf-delete-job').getByTestId('job-progress')).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('cf-delete-done')).toBeVisible();
  // evaluated as a string: the test sources are type-checked without the DOM library
  expect(await page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(376);
  await page.getByTestId('cf-delete-close').click();
  await expect(page.getByTestId('cf-delete-job')).toBeHidden();

  const after = await api.get<{ attributes: Record<string, unknown> }>(`/contacts/${contact.id}`);
  expect(after.attributes[key]).toBeUndefined();
  const fields = await api.get<{ data: { key: string }[] }>('/custom-fields?object=contacts');
  expect(fields.data.map((f) => f.key)).not.toContain(key);
});
