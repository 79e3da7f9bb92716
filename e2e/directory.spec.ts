import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('public partner directory', () => {
  test('the home page leads to the English directory with all 93 partners', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/partners$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Partners of Guangzhou' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('93 partners');
    const rows = page.getByRole('table', { name: 'Partners of Guangzhou' }).getByRole('row');
    await expect(rows).toHaveCount(94);
    const lahore = page.getByRole('row', { name: /Lahore/ });
    await expect(lahore).toContainText('拉合尔');
    await expect(lahore).toContainText('Pakistan');
    await expect(lahore).toContainText('Friendly cooperation city');
    await expect(lahore).toContainText('2021');
    await expect(page.getByRole('row', { name: /Fukuoka/ })).toContainText('Sister city');
  });

  test('searches by English or Chinese name, and in Chinese under /zh', async ({ page }) => {
    await page.goto('/partners');
    await page.getByLabel('Search partners').fill('lahore');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\?q=lahore$/);
    await expect(page.getByRole('status')).toHaveText('1 partner matches “lahore”');
    await expect(page.getByRole('row', { name: /Lahore/ })).toBeVisible();

    await page.getByLabel('Search partners').fill('拉合尔');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status')).toHaveText('1 partner matches “拉合尔”');

    await page.getByRole('link', { name: 'Switch to Chinese' }).click();
    await expect(page).toHaveURL(/\/zh\/partners\?q=/);
    await expect(page.getByRole('heading', { level: 1, name: '广州的国际友好城市' })).toBeVisible();
    await expect(page.getByRole('row', { name: /拉合尔/ })).toContainText('巴基斯坦');
    await page.getByRole('link', { name: '显示全部' }).click();
    await expect(page.getByRole('status')).toHaveText('共 93 个友好城市');
  });

  test('says so when nothing matches', async ({ page }) => {
    await page.goto('/partners?q=Atlantis');
    await expect(page.getByRole('status')).toHaveText('No partners match “Atlantis”');
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  for (const path of ['/partners', '/zh/partners', '/partners?q=nothing-here', '/no-such-page', '/zh/no-such-page']) {
    test(`axe finds nothing on ${path}`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }

  test('works from the keyboard: skip link, search box, language switch', async ({ page }) => {
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
