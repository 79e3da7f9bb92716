import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The public directory on the seeded Guangzhou network: 93 public partners in 62 countries, every one with
// coordinates; 38 sister cities and 55 friendly cooperation cities; 3 in Japan (Fukuoka, Noboribetsu, Ōita).

const table = (page: Page) => page.getByRole('table', { name: /Partners of Guangzhou|广州的国际友好城市/ });
const MAP_NAME = /Map of Guangzhou's partners|广州国际友好城市分布图/;
/** The frame holding the map, a document of its own (/map/partners-en.svg), and the map inside it. */
const mapFrame = (page: Page) => page.locator('iframe').and(page.getByTitle(MAP_NAME));
const map = (page: Page) => mapFrame(page).contentFrame().getByRole('group', { name: MAP_NAME });
/** The names in the table's first column, in order. */
const partnerNames = async (page: Page) => table(page).getByRole('rowheader').getByRole('link').allTextContents();

test.describe('public partner directory', () => {
  test('the home page leads to the English directory: 93 partners, 50 on the first page, each linking to its page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/partners$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Partners of Guangzhou' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('93 partners');
    await expect(table(page).getByRole('row')).toHaveCount(51);
    await expect(page.getByText('Page 1 of 2')).toBeVisible();
    const fukuoka = page.getByRole('row', { name: /Fukuoka/ });
    await expect(fukuoka).toContainText('福冈');
    await expect(fukuoka).toContainText('Japan');
    await expect(fukuoka).toContainText('Sister city');
    await expect(fukuoka).toContainText('1979');
    await expect(fukuoka.getByRole('link', { name: 'Fukuoka' })).toHaveAttribute('href', '/partners/guangzhou-fukuoka');
  });

  test('pages through the list, and a page past the end goes to the last page', async ({ page }) => {
    await page.goto('/partners');
    const firstPage = await partnerNames(page);
    await page.getByRole('navigation', { name: 'Pages of the list' }).getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/\/partners\?page=2$/);
    await expect(page.getByText('Page 2 of 2')).toBeVisible();
    const secondPage = await partnerNames(page);
    expect(secondPage).toHaveLength(43);
    expect(new Set([...firstPage, ...secondPage]).size).toBe(93);
    await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(page.getByText('Page 1 of 2')).toBeVisible();

    await page.goto('/partners?sort=-year&page=9');
    await expect(page).toHaveURL(/\/partners\?sort=-year&page=2$/);
    await expect(page.getByText('Page 2 of 2')).toBeVisible();
    await page.goto('/partners?q=Japan&page=5');
    await expect(page).toHaveURL(/\/partners\?q=Japan$/);
    await expect(table(page).getByRole('row')).toHaveCount(4);
  });

  test('searches by English or Chinese name, and by country name in either language', async ({ page }) => {
    await page.goto('/partners');
    await page.getByLabel('Search partners').fill('lahore');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\?q=lahore/);
    await expect(page.getByRole('status')).toHaveText('1 partner matches “lahore”');
    await expect(page.getByRole('row', { name: /Lahore/ })).toBeVisible();

    await page.getByLabel('Search partners').fill('拉合尔');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status')).toHaveText('1 partner matches “拉合尔”');

    for (const q of ['Japan', '日本']) {
      await page.getByLabel('Search partners').fill(q);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByRole('status')).toHaveText(`3 partners match “${q}”`);
      expect(await partnerNames(page)).toEqual(['Fukuoka', 'Noboribetsu', 'Ōita']);
    }

    await page.goto('/zh/partners');
    await page.getByLabel('搜索友好城市').fill('Japan');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByRole('status')).toHaveText('3 个友好城市与“Japan”匹配');
    expect(await partnerNames(page)).toEqual(['福冈', '登别', '大分市']);
  });

  test('says so when nothing matches, and clears the filters', async ({ page }) => {
    await page.goto('/partners?q=Atlantis&type=sister_city');
    await expect(page.getByRole('status')).toHaveText('None of the 93 partners match');
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(mapFrame(page)).toHaveCount(0);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/partners$/);
    await expect(page.getByRole('status')).toHaveText('93 partners');
    await expect(page.getByLabel('Type of tie')).toHaveValue('');
  });

  test('filters by continent, country, type of tie, year range and cooperation field, and combines them', async ({ page }) => {
    await page.goto('/partners');
    const apply = () => page.getByRole('button', { name: 'Search' }).click();
    const clear = async () => {
      await page.getByRole('link', { name: 'Clear filters' }).click();
      await expect(page.getByRole('status')).toHaveText('93 partners');
    };

    await page.getByLabel('Continent').selectOption({ label: 'South America' });
    await apply();
    await expect(page).toHaveURL(/continent=SA/);
    await expect(page.getByRole('status')).toHaveText('9 of 93 partners match');
    await expect(page.getByLabel('Continent')).toHaveValue('SA');

    await clear();
    await page.getByLabel('Country').selectOption({ label: 'Japan' });
    await apply();
    await expect(page.getByRole('status')).toHaveText('3 of 93 partners match');
    expect(await partnerNames(page)).toEqual(['Fukuoka', 'Noboribetsu', 'Ōita']);

    await page.getByLabel('Type of tie').selectOption({ label: 'Friendly cooperation city' });
    await apply();
    await expect(page).toHaveURL(/country=JP/);
    await expect(page).toHaveURL(/type=friendly_cooperation_city/);
    expect(await partnerNames(page)).toEqual(['Ōita']);

    await clear();
    await page.getByLabel('Type of tie').selectOption({ label: 'Sister city' });
    await apply();
    await expect(page.getByRole('status')).toHaveText('38 of 93 partners match');

    await clear();
    await page.getByLabel('Established from (year)').fill('1979');
    await page.getByLabel('Established until (year)').fill('1989');
    await apply();
    await expect(page.getByRole('status')).toHaveText('9 of 93 partners match');
    for (const year of await table(page).getByRole('row').locator('td:last-child').allTextContents()) {
      expect(Number(year)).toBeGreaterThanOrEqual(1979);
      expect(Number(year)).toBeLessThanOrEqual(1989);
    }

    await clear();
    await page.getByLabel('Cooperation field').selectOption({ label: 'Education' });
    await apply();
    await expect(page.getByRole('status')).toHaveText('1 of 93 partners matches');
    expect(await partnerNames(page)).toEqual(['Lahore']);
  });

  test('sorts by name, country and year, both ways', async ({ page }) => {
    await page.goto('/partners');
    expect((await partnerNames(page)).slice(0, 2)).toEqual(['Abu Dhabi', 'Ahmedabad']);
    await page.getByLabel('Sort by').selectOption({ label: 'Name, Z to A' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/sort=-name/);
    expect((await partnerNames(page))[0]).not.toBe('Abu Dhabi');

    await page.goto('/partners?sort=year');
    expect((await partnerNames(page))[0]).toBe('Fukuoka');
    await page.goto('/partners?sort=-year');
    expect((await partnerNames(page))[0]).toBe('São Paulo');
    await expect(page.getByLabel('Sort by')).toHaveValue('-year');

    await page.goto('/partners?sort=country');
    await expect(table(page).getByRole('row').nth(1)).toContainText('Albania');
    await page.goto('/partners?sort=-country');
    await expect(table(page).getByRole('row').nth(1)).not.toContainText('Albania');
  });

  test('ignores parameters it does not know or cannot read, and says so of an over-long search', async ({ page }) => {
    for (const query of ['continent=Atlantis', 'country=QQ', 'type=enemy', 'field=%3Cscript%3E', 'from=soon&to=', 'sort=price', 'page=-1', 'page=abc', 'foo=bar']) {
      const response = await page.goto(`/partners?${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByRole('status'), query).toHaveText('93 partners');
    }
    await page.goto(`/partners?q=${'x'.repeat(150)}`);
    await expect(page.getByRole('alert').filter({ hasText: 'The search text is limited to 100 characters' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('93 partners');
    await page.goto('/partners?from=1989&to=1979');
    await expect(page.getByRole('status')).toHaveText('9 of 93 partners match');
    await expect(page.getByLabel('Established from (year)')).toHaveValue('1979');
  });

  test('going back shows the form as the address has it, not what was typed before leaving', async ({ page }) => {
    await page.goto('/partners?q=japan');
    await expect(page.getByRole('status')).toHaveText('3 partners match “japan”');
    await page.getByLabel('Search partners').fill('');
    await page.getByLabel('Continent').selectOption({ label: 'Africa' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/continent=AF/);
    await page.goBack();
    await expect(page).toHaveURL(/\?q=japan$/);
    await expect(page.getByRole('status')).toHaveText('3 partners match “japan”');
    await expect(page.getByLabel('Search partners')).toHaveValue('japan');
    await expect(page.getByLabel('Continent')).toHaveValue('');
  });

  test('searches and filters without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/partners');
    await page.getByLabel('Search partners').fill('日本');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status')).toHaveText('3 partners match “日本”');
    await page.getByLabel('Search partners').fill('');
    await page.getByLabel('Continent').selectOption('EU');
    await page.getByLabel('Type of tie').selectOption('sister_city');
    await page.getByLabel('Sort by').selectOption('-year');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/continent=EU/);
    await expect(page.getByRole('status')).toHaveText(/^\d+ of 93 partners match$/);
    await expect(page.getByLabel('Continent')).toHaveValue('EU');
    await expect(page.getByLabel('Type of tie')).toHaveValue('sister_city');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page.getByRole('status')).toHaveText('93 partners');
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page.getByText('Page 2 of 2')).toBeVisible();
    await context.close();
  });

  test('the language switch keeps the search, the filters, the sort and the page', async ({ page }) => {
    await page.goto('/partners?q=a&continent=EU&type=sister_city&from=1980&to=2020&sort=-year');
    const count = await page.getByRole('status').textContent();
    const names = await partnerNames(page);
    await page.getByRole('link', { name: 'Switch to Chinese' }).click();
    await expect(page).toHaveURL(/\/zh\/partners\?/);
    for (const part of ['q=a', 'continent=EU', 'type=sister_city', 'from=1980', 'to=2020', 'sort=-year']) await expect(page).toHaveURL(new RegExp(part));
    await expect(page.getByRole('heading', { level: 1, name: '广州的国际友好城市' })).toBeVisible();
    await expect(page.getByLabel('大洲')).toHaveValue('EU');
    await expect(page.getByLabel('排序')).toHaveValue('-year');
    const matching = count!.match(/^(\d+) /)![1];
    await expect(page.getByRole('status')).toHaveText(`93 个友好城市中有 ${matching} 个符合条件`);
    expect(await table(page).getByRole('row').count()).toBe(names.length + 1);

    await page.goto('/zh/partners?page=2&country=US');
    await page.getByRole('link', { name: '切换到英文' }).click();
    await expect(page).toHaveURL(/\/partners\?(?=.*country=US)/);
    await expect(page.getByLabel('Country')).toHaveValue('US');
  });

  test('the map draws one mark per partner, each a link to its page named after it', async ({ page }) => {
    await page.goto('/partners');
    const marks = map(page).getByRole('link');
    await expect(marks).toHaveCount(93);
    const lahore = map(page).getByRole('link', { name: 'Lahore, Pakistan, 2021', exact: true });
    await expect(lahore).toHaveAttribute('href', '/partners/guangzhou-lahore');
    await expect(lahore.locator('title')).toHaveText('Lahore, Pakistan, 2021');
    await expect(mapFrame(page)).toHaveAccessibleDescription('The table below lists the same partners, each linking to its page.');
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Sister city');
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Friendly cooperation city');
    // The map follows the filters.
    await page.goto('/partners?q=Japan');
    await expect(map(page).getByRole('link')).toHaveCount(3);
    await page.goto('/zh/partners?country=PK');
    await expect(map(page).getByRole('link', { name: '拉合尔，巴基斯坦，2021年' })).toHaveAttribute('href', '/zh/partners/guangzhou-lahore');
    // Busan has no year on record.
    await page.goto('/partners?q=busan');
    await expect(map(page).getByRole('link', { name: 'Busan, South Korea', exact: true })).toHaveCount(1);
  });

  test('a mark opens its partner page in the whole window, from the mouse and from the keyboard', async ({ page }) => {
    await page.goto('/partners?country=PK');
    await map(page).getByRole('link', { name: 'Lahore, Pakistan, 2021', exact: true }).click();
    await expect(page).toHaveURL(/\/partners\/guangzhou-lahore$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Lahore');

    await page.goto('/zh/partners?country=PK');
    await map(page).getByRole('link', { name: '拉合尔，巴基斯坦，2021年' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/zh\/partners\/guangzhou-lahore$/);
  });

  test('the map document answers again with 304 while nothing changed, and may be framed by this site only', async ({ page, request }) => {
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/map/partners-en.svg')), page.goto('/partners?continent=EU')]);
    expect(response.url()).toMatch(/\/map\/partners-en\.svg\?continent=EU$/);
    const etag = (await response.allHeaders())['etag']!;
    const again = await request.get('/map/partners-en.svg?continent=EU', { headers: { 'If-None-Match': etag } });
    expect(again.status()).toBe(304);
    const headers = (await request.get('/map/partners-en.svg')).headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['content-security-policy']).not.toContain('script-src');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect((await request.get('/partners')).headers()['x-frame-options']).toBe('DENY');
  });

  test('the map fits a phone and can be skipped from the keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/zh/partners');
    const box = await mapFrame(page).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: '搜索' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '跳过地图' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#partner-list$/);
  });

  for (const path of ['/partners', '/zh/partners', '/partners?q=nothing-here', '/partners?continent=AS&sort=-country', '/zh/partners?type=sister_city&page=1', '/no-such-page', '/zh/no-such-page']) {
    test(`axe finds nothing on ${path}`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }

  test('works from the keyboard: skip link, search box', async ({ page }) => {
    await page.goto('/partners');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByLabel('Search partners').focus();
    await page.keyboard.type('Fukuoka');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('1 partner matches “Fukuoka”');
  });
});
