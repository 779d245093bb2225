import { ADMIN_EMAIL, expect, signIn, test } from './fixtures.ts';

test('a wrong password shows the server message, the right one opens My day', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByTestId('login-email').fill(ADMIN_EMAIL);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByTestId('login-error')).not.toBeEmpty();

  await signIn(page);
  await expect(page.getByTestId('count-contacts')).toBeVisible();
  // the demo workspace has contacts, so the counter is a positive number
  await expect(page.getByTestId('count-contacts')).toContainText(/[1-9]/);
  await expect(page.getByTestId('nav-contacts')).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/contacts');
  await expect(page).toHaveURL(/\/login/);
});
