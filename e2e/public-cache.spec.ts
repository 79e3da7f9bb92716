import { expect, test } from '@playwright/test';
import { STORAGE } from './fixtures';

// Public pages are read from Next's cache, not from the database on every request; a staff edit must still show
// on them at the very next request. (e2e/proxy.spec.ts proves the same across two instances on PostgreSQL.)
test('an edit made by staff shows on the public partner page and in the open data at the next request', async ({ browser }) => {
  const visitor = await browser.newContext();
  const pub = await visitor.newPage();
  const summary = `Port, mining and culture ${Date.now()}`;
  // The public page and the open data are read once, so that they are in the cache.
  await pub.goto('/partners/guangzhou-arequipa');
  await expect(pub.getByRole('heading', { level: 1 })).toContainText('Arequipa');
  await expect(pub.getByText(summary)).toHaveCount(0);
  const arequipaFields = async () => {
    const data = (await (await pub.request.get('/api/open-data/partners.json')).json()) as { partners: Array<{ nameEn: string; cooperationFields: string[] }> };
    return data.partners.find((p) => p.nameEn === 'Arequipa')?.cooperationFields;
  };
  expect(await arequipaFields()).not.toContain('sports');

  const staff = await browser.newContext({ storageState: STORAGE.editor });
  const page = await staff.newPage();
  await page.goto('/partnerships?q=arequipa');
  await page.getByRole('link', { name: 'Arequipa', exact: true }).first().click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  await page.goto(`${new URL(page.url()).pathname}/edit`);
  await page.getByLabel('Public summary (English)').fill(summary);
  await page.getByLabel('Sports').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);

  await pub.reload();
  await expect(pub.getByText(summary)).toBeVisible();
  expect(await arequipaFields()).toContain('sports');
  await staff.close();
  await visitor.close();
});
