import { expect, sessionApi, signIn, test, uniqueSuffix } from './fixtures.ts';

test('add a note with a mention and an order, and see both on the timeline', async ({ page }) => {
  await signIn(page);
  const api = await sessionApi(page);
  const suffix = uniqueSuffix();
  const contact = await api.post<{ id: string }>('/contacts', { first_name: 'Timeline', last_name: `Tester ${suffix}` });
  const products = await api.get<{ data: Array<{ id: string; name: string; active: boolean }> }>('/products?limit=5');
  expect(products.data.length).toBeGreaterThan(0);

  await page.goto(`/contacts/${contact.id}`);
  await expect(page.getByTestId('record-title')).toContainText(`Tester ${suffix}`);

  const note = page.getByTestId('note-body');
  await note.click();
  await note.pressSequentially(`Called about renewal ${suffix}, cc @Adm`);
  await expect(page.getByTestId('mention-suggestions')).toBeVisible();
  await page.getByTestId('mention-suggestions').getByRole('option').first().click();
  await expect(note).toHaveValue(/@\[[^\]]+\]\(user:\d+\)/);
  await page.getByTestId('note-save').click();
  const noteItem = page.getByTestId('timeline-note').filter({ hasText: `Called about renewal ${suffix}` });
  await expect(noteItem).toBeVisible();
  // the mention is rendered as a name, not as raw markup
  await expect(noteItem).not.toContainText('(user:');

  await page.getByTestId('composer-mode').getByText('Order').click();
  await page.getByTestId('order-product').first().click();
  await page.getByRole('option').first().click();
  await page.getByTestId('order-quantity').first().fill('2');
  await expect(page.getByTestId('order-total')).toContainText(/\d/);
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('timeline-order').first()).toBeVisible();
  await expect(page.getByTestId('timeline-note').filter({ hasText: suffix })).toBeVisible();
});
