import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// The public profile of one partner (/partners/[slug]) on the seeded Guangzhou network, signed out, in both
// languages: Lahore's tie, its MoU, the masks and the Orange Line, and Lahore's tie with Zhengzhou.

const LAHORE = '/partners/guangzhou-lahore';

test.describe('a partner page', () => {
  test("Lahore's page in English: names, the tie, the MoU, the masks and the Orange Line, the tie with Zhengzhou", async ({ page }) => {
    const response = await page.goto(LAHORE);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/^Lahore, Friendly cooperation city of Guangzhou/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Lahore \(Pakistan\) and Guangzhou: Friendly cooperation city since 2021/);

    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toContainText('Lahore');
    await expect(h1.locator('[lang="zh-CN"]')).toHaveText('拉合尔');

    const facts = page.getByRole('region', { name: 'About the tie' });
    await expect(facts).toContainText('Pakistan');
    await expect(facts).toContainText('City');
    await expect(facts).toContainText('Friendly cooperation city');
    // A year stays a year: never "1 January 2021".
    await expect(facts.locator('time')).toHaveText('2021');
    await expect(facts).not.toContainText('January');

    // The small map: Guangzhou and Lahore, Lahore's mark named for a screen reader.
    const map = page.getByRole('group', { name: 'Guangzhou and Lahore' });
    await expect(map.getByRole('link', { name: 'Lahore, Pakistan, 2021' })).toHaveCount(1);

    const agreements = page.getByRole('region', { name: 'Agreements' });
    await expect(agreements.getByRole('heading', { name: 'Guangzhou–Lahore memorandum of understanding' })).toBeVisible();
    await expect(agreements).toContainText('Memorandum of understanding · signed 2021');

    const timeline = page.getByRole('list', { name: 'Exchanges with Lahore, newest first' });
    const items = timeline.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    await expect(items).toHaveCount(2);
    const metro = items.nth(0);
    await expect(metro.getByRole('heading')).toHaveText('Lahore Orange Line metro: operation and maintenance');
    await expect(metro).toContainText('since October 2020');
    await expect(metro).toContainText('consortium led by Guangzhou Metro');
    const masks = items.nth(1);
    await expect(masks.getByRole('heading')).toHaveText('20,000 disposable surgical masks donated to Lahore');
    await expect(masks).toContainText('2020');
    await expect(masks.getByRole('list', { name: 'Quantities' })).toHaveText('Disposable surgical masks: 20,000');

    const ties = page.getByRole('region', { name: "Lahore's other ties in the registry" });
    await expect(ties.getByRole('listitem')).toHaveText('Zhengzhou – Lahore (Sister city, 2021)');

    await page.getByRole('link', { name: 'All partners of Guangzhou' }).click();
    await expect(page).toHaveURL(/\/partners$/);
  });

  test("Lahore's page in Chinese", async ({ page }) => {
    const response = await page.goto(`/zh${LAHORE}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/^拉合尔：广州友好合作交流城市/);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toContainText('拉合尔');
    await expect(h1.locator('[lang="en"]')).toHaveText('Lahore');

    const facts = page.getByRole('region', { name: '友好关系概况' });
    await expect(facts).toContainText('巴基斯坦');
    await expect(facts).toContainText('友好合作交流城市');
    await expect(facts.locator('time')).toHaveText('2021年');

    await expect(page.getByRole('region', { name: '协议' }).getByRole('heading', { name: '广州—拉合尔谅解备忘录' })).toBeVisible();

    const timeline = page.getByRole('list', { name: '与拉合尔的交流活动（由近及远）' });
    await expect(timeline.getByRole('heading', { name: '拉合尔轨道交通橙线运营维护' })).toBeVisible();
    await expect(timeline).toContainText('2020年10月起');
    await expect(timeline.getByRole('heading', { name: '向拉合尔捐赠2万只一次性医用外科口罩' })).toBeVisible();
    await expect(timeline.getByRole('list', { name: '数量' })).toHaveText('一次性医用外科口罩：20,000');

    await expect(page.getByRole('region', { name: '拉合尔在登记册中的其他友好关系' }).getByRole('listitem')).toHaveText('郑州—拉合尔（友好城市，2021年）');
  });

  for (const path of [
    '/partners/no-such-partner',
    '/zh/partners/no-such-partner',
    // In the registry, but Zhengzhou's tie, not Guangzhou's.
    '/partners/zhengzhou-lahore',
    '/partners/Guangzhou-Lahore',
    "/partners/guangzhou-lahore'%20or%201=1",
    '/partners/%F0%9F%98%80',
    `/partners/${'a'.repeat(500)}`,
  ]) {
    test(`${path.slice(0, 60)} is a 404`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(path.startsWith('/zh') ? '找不到页面' : 'Page not found');
    });
  }

  for (const path of [LAHORE, `/zh${LAHORE}`, '/partners/guangzhou-fukuoka']) {
    test(`axe finds nothing on ${path}`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }

  test('reads on a 375 px phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of [LAHORE, `/zh${LAHORE}`]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
