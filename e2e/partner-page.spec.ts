import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { STORAGE } from './fixtures';

// The public profile of one partner (/partners/[slug]) on the seeded Guangzhou network, signed out, in both
// languages: Lahore's tie, its MoU, the masks and the Orange Line, and Lahore's tie with Zhengzhou; then the signed
// copies and photos staff add, public ones shown and internal ones never.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

const LAHORE = '/partners/guangzhou-lahore';
const MASKS = '20,000 disposable surgical masks donated to Lahore';
const METRO = 'Lahore Orange Line metro: operation and maintenance';

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
    // Newest first; other specs may log more activities for Lahore, so each is found by its title.
    const titles = await timeline.getByRole('heading', { level: 3 }).allTextContents();
    expect(titles.indexOf(METRO)).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf(METRO)).toBeLessThan(titles.indexOf(MASKS));
    const metro = timeline.locator(':scope > li').filter({ has: page.getByRole('heading', { name: METRO }) });
    await expect(metro).toContainText('since October 2020');
    await expect(metro).toContainText('consortium led by Guangzhou Metro');
    const masks = timeline.locator(':scope > li').filter({ has: page.getByRole('heading', { name: MASKS }) });
    await expect(masks.locator('time')).toHaveText('2020');
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
    await expect(timeline).toContainText('自2020年10月起');
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

  test('a signed copy and a photo staff mark public show on the page; internal ones never do', async ({ browser, page }) => {
    const staff = await browser.newContext({ storageState: STORAGE.editor });
    const editor = await staff.newPage();
    await editor.goto('/partnerships?q=lahore');
    await editor.getByRole('link', { name: 'Lahore', exact: true }).first().click();
    await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Guangzhou – Lahore');
    const tiePath = new URL(editor.url()).pathname;
    await editor.getByRole('link', { name: 'Edit: Guangzhou–Lahore memorandum of understanding' }).click();
    const files = editor.getByRole('region', { name: 'Signed files' });
    for (const [name, isPublic] of [['Lahore MoU signed.pdf', true], ['INTERNAL-MARKER draft.pdf', false]] as const) {
      await files.getByLabel('Signed copy (PDF)').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
      if (isPublic) await files.getByLabel('The public may download this file').check();
      await files.getByRole('button', { name: 'Upload' }).click();
      await expect(files.getByText('File uploaded.')).toBeVisible();
    }
    await editor.goto(tiePath);
    await editor.getByRole('list', { name: 'Activities of this tie, newest first' }).getByRole('link', { name: METRO }).click();
    const photos = editor.getByRole('region', { name: 'Photos' });
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: { r: 230, g: 120, b: 20 } } }).png().toBuffer();
    for (const [caption, isPublic] of [['Orange Line train at a Lahore station', true], ['INTERNAL-MARKER depot', false]] as const) {
      await photos.getByLabel('Photo (JPEG, PNG or WebP)').setInputFiles({ name: 'metro.png', mimeType: 'image/png', buffer: png });
      await photos.getByLabel('Caption in English').fill(caption);
      if (isPublic) await photos.getByLabel('The public may see this photo').check();
      await photos.getByRole('button', { name: 'Upload photo' }).click();
      await expect(photos.getByText('Photo uploaded.')).toBeVisible();
    }
    await staff.close();

    // Signed out, at the next request.
    await page.goto(LAHORE);
    const agreements = page.getByRole('region', { name: 'Agreements' });
    const link = agreements.getByRole('link', { name: /^Signed copy: Lahore MoU signed\.pdf \(PDF, 1 KB\)$/ });
    const file = await page.request.get((await link.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
    const metro = page.getByRole('list', { name: 'Exchanges with Lahore, newest first' }).locator(':scope > li').filter({ has: page.getByRole('heading', { name: METRO }) });
    const img = metro.getByRole('figure', { name: 'Orange Line train at a Lahore station' }).locator('img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(800);
    const shown = await page.request.get((await img.getAttribute('src'))!);
    expect(shown.headers()['content-type']).toBe('image/webp');
    expect(shown.headers()['cache-control']).toBe('public, max-age=60');
    await expect(page.locator('body')).not.toContainText('INTERNAL-MARKER');
    expect(await page.content()).not.toContain('INTERNAL-MARKER');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.goto(`/zh${LAHORE}`);
    expect(await page.content()).not.toContain('INTERNAL-MARKER');
  });

  test('reads on a 375 px phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of [LAHORE, `/zh${LAHORE}`]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
