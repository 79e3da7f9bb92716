import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';
import { STORAGE } from './fixtures';

// The network dashboard as staff read it: its counts against the demo's own dataset (the seed's CSV, counted here,
// not copied), the map with one mark per partner that has coordinates, "as of" the day Lahore joined, bad dates and
// thresholds named beside their fields, both languages, axe, and no page for a visitor who is not signed in.

interface DatasetRow {
  city_en: string;
  country_code: string;
  relationship: string;
  established_year: string;
  established_date: string;
  latitude: string;
  longitude: string;
}
const dataset = Papa.parse<DatasetRow>(readFileSync(new URL('../db/seed/data/guangzhou-partner-cities.csv', import.meta.url), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
const countriesOf = (rows: DatasetRow[]) => new Set(rows.map((r) => r.country_code)).size;
const sister = dataset.filter((r) => r.relationship.startsWith('sister_'));
const friendly = dataset.filter((r) => r.relationship.startsWith('friendly_cooperation_'));
const placed = dataset.filter((r) => r.latitude !== '' && r.longitude !== '');

/** The headline figure card whose label is `label`: its number and detail. */
const card = (page: Page, label: string) =>
  page.locator('dt').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
const map = (page: Page) => page.getByRole('group', { name: /Map of Guangzhou's partners|广州国际友好城市分布图/ });

test.describe('the dashboard, as a viewer sees it', () => {
  test.use({ storageState: STORAGE.viewer });

  test('headline figures match the demo dataset', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Guangzhou's network");
    await expect(page.getByRole('status')).toContainText('As it stands today');
    const figures = page.getByRole('region', { name: 'Headline figures' });
    await expect(figures.getByText(`in ${countriesOf(dataset)} countries on 6 continents`)).toBeVisible();
    await expect(card(page, 'Partners')).toHaveText(String(dataset.length));
    await expect(card(page, 'Sister ties')).toHaveText(String(sister.length));
    await expect(card(page, 'Friendly cooperation ties')).toHaveText(String(friendly.length));
    await expect(figures.getByText(`in ${countriesOf(sister)} countries`, { exact: true })).toBeVisible();
    await expect(figures.getByText(`in ${countriesOf(friendly)} countries`, { exact: true })).toBeVisible();
    const byType = figures.getByRole('table', { name: 'Partners by type of tie' });
    await expect(byType.getByRole('row', { name: /^Sister city/ })).toHaveText(new RegExp(`Sister city\\s*${sister.length}\\s*${countriesOf(sister)}`));
    // The seeded activities: the masks (2020) and the Orange Line (ongoing since 2020).
    await expect(page.getByRole('table', { name: 'Donated quantities' }).getByRole('row', { name: /Disposable surgical masks/ })).toHaveText(/Disposable surgical masks\s*20,000\s*1$/);
  });

  test('the map has one mark per partner with coordinates, each a link to its staff page, and a list beside it', async ({ page }) => {
    await page.goto('/dashboard');
    const marks = map(page).getByRole('link');
    await expect(marks).toHaveCount(placed.length);
    await expect(map(page).getByRole('link', { name: 'Lahore, Pakistan, 2021', exact: true })).toHaveAttribute('href', /^\/partnerships\/[0-9a-f-]{36}$/);
    await expect(map(page)).toHaveAccessibleDescription('The list under the map names the same partners, each linking to its page.');
    await page.locator('summary', { hasText: `List of the ${dataset.length} partners on the map` }).click();
    await expect(page.getByRole('table', { name: `List of the ${dataset.length} partners on the map` }).getByRole('row')).toHaveCount(dataset.length + 1);
    await page.getByRole('link', { name: 'Lahore, Pakistan, 2021', exact: true }).click();
    await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Lahore');
  });

  test('as of the day Lahore was announced, and the year before', async ({ page }) => {
    // A tie counts from the first day its date allows: Lahore's year (2021) is on record, not its day, so it counts
    // from 1 January 2021 (db/queries/dashboard-core.ts). Counted here from the dataset by the same rule.
    const establishedOn = (r: DatasetRow) => r.established_date || (r.established_year ? `${r.established_year}-01-01` : '');
    const countAsOf = (day: string) => dataset.filter((r) => establishedOn(r) !== '' && establishedOn(r) <= day).length;
    await page.goto('/dashboard');
    await page.getByLabel('As of').fill('2021-11-19');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/asOf=2021-11-19/);
    await expect(page.getByRole('status')).toHaveText(/As it stood on November 19, 2021\./);
    await expect(card(page, 'Partners')).toHaveText(String(countAsOf('2021-11-19')));
    await expect(map(page).getByRole('link', { name: 'Lahore, Pakistan, 2021', exact: true })).toHaveCount(1);
    await expect(page.getByText(/partners have no date of establishment on record and are left out of past figures/)).toBeVisible();

    await page.goto('/dashboard?asOf=2020-12-31');
    await expect(card(page, 'Partners')).toHaveText(String(countAsOf('2020-12-31')));
    await expect(map(page).getByRole('link', { name: /^Lahore/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Back to today' }).click();
    await expect(card(page, 'Partners')).toHaveText(String(dataset.length));
  });

  test('a bad date or threshold is named beside its field, and the page shows the defaults', async ({ page }) => {
    const res = await page.goto('/dashboard?asOf=2021-02-30&dormant=0');
    expect(res!.status()).toBe(200);
    await expect(page.getByLabel('As of')).toHaveAccessibleDescription(/Enter a date written YYYY-MM-DD/);
    await expect(page.getByLabel('As of')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Dormant after (years)')).toHaveAccessibleDescription('Enter a whole number of years from 1 to 50. Showing 3 years instead.');
    await expect(page.getByRole('status')).toContainText('As it stands today');
    await expect(page.getByRole('heading', { name: 'Dormant ties: no activity in 3 years' })).toBeVisible();
    const future = await page.goto('/dashboard?asOf=2999-01-01&dormant=%3Cscript%3E');
    expect(future!.status()).toBe(200);
    await expect(page.getByLabel('As of')).toHaveAccessibleDescription(/cannot be after today/);
  });

  test('the dormancy threshold is settable and the list follows it', async ({ page }) => {
    await page.goto('/dashboard?dormant=50');
    await expect(page.getByRole('heading', { name: 'Dormant ties: no activity in 50 years' })).toBeVisible();
    // No dated tie is 50 years old; the ties with no date and no activity on record count as dormant whatever the threshold.
    await expect(card(page, 'Dormant')).toHaveText(String(dataset.filter((r) => r.established_year === '').length));
    await page.goto('/dashboard?dormant=1');
    const dormant = page.getByRole('region', { name: 'Dormant ties: no activity in 1 year' });
    // Longest silence first: the years silent never grow down the list (other specs may have woken some ties).
    await expect(dormant.getByRole('row').nth(1)).toBeVisible();
    const silent = (await dormant.locator('tbody tr td:last-child').allTextContents()).filter((t) => /^\d+$/.test(t)).map(Number);
    expect(silent.length).toBeGreaterThan(10);
    expect(silent).toEqual([...silent].sort((a, b) => b - a));
    // Lahore's Orange Line is ongoing: not dormant.
    await expect(dormant.getByRole('link', { name: 'Lahore' })).toHaveCount(0);
  });

  test('in Chinese', async ({ page }) => {
    await page.goto('/zh/dashboard?asOf=2021-11-19');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('广州国际友好城市网络');
    await expect(page.getByRole('status')).toContainText('截至2021年11月19日的情况。');
    await expect(map(page).getByRole('link', { name: '拉合尔，巴基斯坦，2021年' })).toHaveAttribute('href', /^\/zh\/partnerships\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: '按国家统计的友好城市' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '近期重要日期' })).toBeVisible();
  });

  for (const path of ['/dashboard', '/zh/dashboard', '/dashboard?asOf=2021-11-19&dormant=1', '/dashboard?asOf=nonsense']) {
    test(`axe finds nothing on ${path}`, async ({ page }) => {
      await page.goto(path);
      // Open every disclosure (the charts' tables, the partner list), so their content is checked too.
      for (const summary of await page.locator('details > summary').all()) await summary.click();
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  }
});

test('a visitor who is not signed in is sent to sign in', async ({ page }) => {
  await page.goto('/dashboard?asOf=2021-11-19');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%3FasOf%3D2021-11-19$/);
});
