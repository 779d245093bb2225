import fs from 'node:fs';
import { expect, sessionApi, signIn, test, uniqueSuffix } from './fixtures.ts';

/**
 * The import journey through the UI against the real import API: a CSV with Chinese headers is
 * uploaded, mapped by the server's suggestion, imported with a live progress view, found in the
 * contact list, and undone.
 */
test('import a CSV with Chinese headers, see the counts and the refused row, find a contact, undo the import', async ({ page }) => {
  await signIn(page);
  const suffix = uniqueSuffix();
  const digits = String(Date.now()).slice(-8);
  const first = `张三${suffix}`;
  const second = `李四${suffix}`;
  const csv = [
    '姓名,手机,邮箱',
    `${first},+86138${digits},zhang.${suffix}@example.com`,
    `${second},+86139${digits},li.${suffix}@example.com`,
    `王五${suffix},12,not-an-email`,
  ].join('\r\n');

  await page.getByTestId('nav-data-import').click();
  await expect(page.getByTestId('import-title')).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles({ name: `客户-${suffix}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });

  // what the server read: format, encoding, the preview and the suggested mapping
  await expect(page.getByTestId('import-file-name')).toHaveText(`客户-${suffix}.csv`);
  await expect(page.getByTestId('import-format')).toHaveText('CSV');
  await expect(page.getByTestId('import-encoding')).toContainText(/utf-?8/i);
  await expect(page.getByTestId('import-preview')).toContainText(first);
  const rows = page.getByTestId('import-mapping-row');
  await expect(rows).toHaveCount(3);
  for (const header of ['姓名', '手机', '邮箱']) {
    const select = page.locator(`[data-testid="import-mapping-row"][data-header="${header}"]`).getByTestId('import-mapping-select');
    await expect(select).not.toHaveValue('Skip this column');
    await expect(select).not.toHaveValue('');
  }

  await page.getByTestId('import-start').click();
  await expect(page).toHaveURL(/\/data\/imports\/\d+$/);
  const batch = page.getByTestId('import-batch');
  await expect(batch).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });
  await expect(page.getByTestId('import-count-created').getByTestId('import-count-value')).toHaveText('2');
  await expect(page.getByTestId('import-count-failed').getByTestId('import-count-value')).toHaveText('1');
  await expect(page.getByTestId('import-error-row').first()).toContainText('4');

  // the error report: the refused row with its original cells
  const download = page.waitForEvent('download');
  await page.getByTestId('import-errors-download').click();
  const report = fs.readFileSync(await (await download).path(), 'utf8');
  expect(report).toContain(`王五${suffix}`);

  // the imported contact is in the list
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('quick-search').fill(first);
  // the quick search matches words, so the file's other contact (same suffix) shows too
  await expect(page.getByTestId('contact-row').filter({ hasText: first })).toHaveCount(1);
  await expect(page.getByTestId('contact-row').filter({ hasText: `zhang.${suffix}@example.com` })).toHaveCount(1);

  // history → the import → undo, confirmed
  await page.getByTestId('nav-data-import').click();
  await page.getByTestId('import-tab-history').click();
  const row = page.getByTestId('import-row').filter({ hasText: `客户-${suffix}.csv` });
  await expect(row).toHaveAttribute('data-status', 'succeeded');
  await row.getByTestId('import-open').click();
  await page.getByTestId('import-undo').click();
  await page.getByTestId('import-undo-confirm').click();
  await expect(page.getByTestId('import-batch')).toHaveAttribute('data-status', 'undone', { timeout: 30_000 });
  await expect(page.getByTestId('import-undo-result')).toContainText('2');

  const api = await sessionApi(page);
  // both imported contacts went to the trash
  const left = await api.get<{ data: unknown[] }>(`/contacts?q=${encodeURIComponent(suffix)}`);
  expect(left.data).toHaveLength(0);
});
