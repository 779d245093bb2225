import type { Page } from '@playwright/test';
import { expect, sessionApi, signIn, test, uniqueSuffix } from './fixtures.ts';

type Role = { id: string; name: string; permissions: { objects: Record<string, unknown>; fields: Record<string, Record<string, string>>; masks: Record<string, Record<string, string>> } };

/** Picks an option of a Mantine Select (its dropdown is rendered in a portal). */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByTestId(testId)).toHaveValue(option);
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  // evaluated as a string: the test sources are type-checked without the DOM library
  expect(await page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(376);
}

test('field permissions set in the role editor persist and hold for the role\'s users', async ({ page }) => {
  await signIn(page);
  const suffix = uniqueSuffix();
  const api = await sessionApi(page);
  const firstName = `Ottilie${suffix}`;
  const lastName = `Hiddenstein${suffix}`;
  const company = await api.post<{ id: string }>('/companies', { name: `Maskworks ${suffix}`, phone: '+8613812348000' });
  await api.post('/contacts', { first_name: firstName, last_name: lastName, company_id: company.id });

  // a role of its own, so the demo roles other journeys sign in with stay as they are
  const roleName = `Field rules ${suffix}`;
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-roles').click();
  await page.getByRole('button', { name: 'New role' }).click();
  await page.getByRole('dialog').getByLabel('Role name').fill(roleName);
  await page.getByRole('dialog').getByLabel('Key').fill(`fields_${suffix}`);
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('role-select')).toHaveValue(roleName);

  for (const object of ['Contacts', 'Companies']) {
    await page.getByTestId('role-objects').getByRole('checkbox', { name: `${object} View` }).check();
    await choose(page, `scope-${object.toLowerCase()}`, 'All');
  }
  await expect(page.getByTestId('field-rule-contacts-last_name')).toContainText('full name');
  await expect(page.getByTestId('field-rule-contacts-first_name')).toContainText('full name');
  await choose(page, 'field-access-contacts-last_name', 'Hidden');
  await page.getByTestId('role-fields-companies').click();
  await expect(page.getByTestId('role-field-rules-companies')).toBeVisible();
  await choose(page, 'field-mask-companies-phone', 'Everywhere');
  // a company's owner can be hidden (every read path leaves it out then), not masked: a masked id tells nothing
  await choose(page, 'field-access-companies-owner_id', 'Hidden');
  await expect(page.getByTestId('field-mask-companies-owner_id')).toHaveCount(0);
  await page.getByTestId('role-save').click();
  await expect(page.getByTestId('role-save')).toBeDisabled();

  await page.reload();
  await choose(page, 'role-select', roleName);
  await expect(page.getByTestId('field-access-contacts-last_name')).toHaveValue('Hidden');
  await expect(page.getByTestId('field-access-contacts-first_name')).toHaveValue('Editable');
  await page.getByTestId('role-fields-companies').click();
  await expect(page.getByTestId('field-mask-companies-phone')).toHaveValue('Everywhere');
  await expect(page.getByTestId('field-mask-companies-email')).toHaveValue('Not masked');
  await expect(page.getByTestId('field-access-companies-owner_id')).toHaveValue('Hidden');

  const roles = await api.get<{ data: Role[] }>('/roles');
  const role = roles.data.find((r) => r.name === roleName);
  expect(role?.permissions).toEqual({
    objects: { contacts: { actions: ['view'], scope: 'all' }, companies: { actions: ['view'], scope: 'all' } },
    fields: { contacts: { last_name: 'hidden' }, companies: { owner_id: 'hidden' } },
    masks: { companies: { phone: 'everywhere' } },
  });

  const email = `fieldrules.${suffix}@example.com`;
  const password = 'Field-Rules-Passw0rd!';
  await api.post('/users', { name: `Field rules user ${suffix}`, email, password, role_id: role?.id });
  await page.context().clearCookies();
  await signIn(page, email, password);

  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('quick-search').fill(firstName);
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-link')).toHaveText(firstName);
  await expect(page.getByTestId('contact-row-table')).not.toContainText(lastName);
  // sorting by the name would reveal the hidden part through the order: the column offers none
  await expect(page.getByTestId('sort-updated_at')).toBeVisible();
  await expect(page.getByTestId('sort-display_name')).toHaveCount(0);

  await page.goto(`/companies/${company.id}`);
  await expect(page.getByTestId('profile-card')).toContainText('+86138****8000');
  await expect(page.getByTestId('profile-card')).not.toContainText('12348000');
  // the hidden owner is neither in the profile nor under the title
  await expect(page.getByTestId('profile-card')).not.toContainText('Owner');
  await expect(page.getByText(/^Owner:/u)).toHaveCount(0);
});

test('the role editor fits a 375 px phone, for contacts and companies', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page);
  await page.goto('/settings/roles');
  await choose(page, 'role-select', 'Sales rep');
  await expect(page.getByTestId('role-field-rules-contacts')).toBeVisible();
  await expect(page.getByTestId('field-access-contacts-last_name')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.getByTestId('role-fields-companies').click();
  await expect(page.getByTestId('field-access-companies-name')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.getByTestId('role-save').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('role-save')).toBeInViewport();
});
