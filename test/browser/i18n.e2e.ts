import { expect, signIn, test } from './fixtures.ts';

test('switching to Chinese shows the glossary terms and survives a reload', async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId('nav-contacts')).toContainText('Contacts');

  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByTestId('nav-contacts')).toContainText('联系人');
  await expect(page.getByTestId('nav-companies')).toContainText('公司');
  await expect(page.getByTestId('nav-settings')).toContainText('设置');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.reload();
  await expect(page.getByTestId('nav-tasks')).toContainText('任务');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-roles').click();
  await expect(page.getByTestId('role-objects')).toContainText('数据权限');
  await expect(page.getByTestId('scope-contacts')).toBeVisible();

  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('nav-contacts')).toContainText('Contacts');
});
