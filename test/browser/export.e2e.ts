import fs from 'node:fs';
import { expect, sessionApi, signIn, test, uniqueSuffix } from './fixtures.ts';

const BOM = [0xef, 0xbb, 0xbf];

test('export the contacts list to CSV: BOM, header row, and the quick search applied', async ({ page }) => {
  await signIn(page);
  const suffix = uniqueSuffix();
  const api = await sessionApi(page);
  const lastName = `Exportable${suffix}`;
  await api.post('/contacts', { first_name: 'Griet', last_name: lastName, city: 'Utrecht' });
  await api.post('/contacts', { first_name: 'Hidde', last_name: `Other${suffix}`, city: 'Utrecht' });

  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-row').first()).toBeVisible();

  // the whole list (small demo data: a direct download, not a job)
  await page.getByTestId('export-menu').click();
  const fullDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const full = await fullDownload;
  expect(full.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  const fullBytes = fs.readFileSync(await full.path());
  expect([...fullBytes.subarray(0, 3)]).toEqual(BOM);
  const fullText = fullBytes.subarray(3).toString('utf8');
  const [header, ...lines] = fullText.split('\r\n').filter((line) => line !== '');
  expect(header).toMatch(/^id,first_name,last_name,display_name,email,/);
  expect(fullText).toContain(`Griet ${lastName}`);
  expect(fullText).toContain(`Other${suffix}`);
  expect(lines.length).toBeGreaterThan(2);
  await expect(page.getByText('Export downloaded')).toBeVisible();

  // the quick search narrows the file to what the list shows
  await page.getByTestId('quick-search').fill(lastName);
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await page.getByTestId('export-menu').click();
  const searchedDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const searchedText = fs.readFileSync(await (await searchedDownload).path()).subarray(3).toString('utf8');
  const searchedLines = searchedText.split('\r\n').filter((line) => line !== '');
  expect(searchedLines).toHaveLength(2);
  expect(searchedLines[1]).toContain(`Griet ${lastName}`);
  expect(searchedText).not.toContain(`Other${suffix}`);
});

test('the jobs page lists a background export with its progress and download', async ({ page }) => {
  await signIn(page);
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(200);
  const { csrf_token: csrf } = (await me.json()) as { csrf_token: string };
  const started = await page.request.post('/api/v1/exports', {
    data: { object: 'companies', format: 'csv' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(started.status(), await started.text()).toBe(202);
  const { job_id: jobId } = (await started.json()) as { job_id: string };

  await page.getByTestId('user-menu').click();
  await page.getByTestId('nav-jobs').click();
  await expect(page.getByTestId('jobs-title')).toBeVisible();
  const row = page.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Export');
  await expect(row.getByTestId('job-progress')).toBeVisible();
  // the page polls while the job runs; the small demo workspace exports in a moment
  await expect(row).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });
  const download = page.waitForEvent('download');
  await row.getByTestId('export-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^companies-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  expect(bytes.subarray(3).toString('utf8')).toMatch(/^id,name,/);
});

test('more rows than a direct download allows: the export runs as a job with progress, then downloads', async ({ page }) => {
  await signIn(page);
  // The demo workspace is far below the 10,000-row limit, so the server's 422 is stood in for;
  // everything after it (POST /exports, the job, its progress and the download) is real.
  await page.route('**/api/v1/contacts/export?*', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'EXPORT_REQUIRES_JOB', message: 'More than 10,000 rows: start a background export', details: { limit: 10000 } } }),
    }),
  );
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-row').first()).toBeVisible();
  const started = page.waitForResponse((response) => response.url().endsWith('/api/v1/exports') && response.request().method() === 'POST');
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-xlsx').click();
  expect((await started).status()).toBe(202);

  const modal = page.getByRole('dialog');
  await expect(modal).toContainText('Exporting in the background');
  await expect(modal.getByTestId('job-progress')).toBeVisible();
  const downloadButton = modal.getByTestId('export-download');
  await expect(downloadButton).toBeVisible({ timeout: 30_000 });
  const download = page.waitForEvent('download');
  await downloadButton.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.xlsx$/);
  // an XLSX file is a ZIP archive
  expect(fs.readFileSync(await file.path()).subarray(0, 2).toString('latin1')).toBe('PK');
});
