import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';

// The open data as anyone reads it, signed out: the page in both languages, the CSV and JSON downloads parsed
// and counted against the directory, and what search engines read (robots.txt, sitemap.xml, the site icon).

test.describe('open data', () => {
  test('the page explains the data and links both downloads, in English and Chinese, and axe finds nothing', async ({ page }) => {
    await page.goto('/open-data');
    await expect(page).toHaveTitle(/^Open data · Amity/);
    await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible();
    await expect(page.getByText(/^Data as of /)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Partners as CSV' })).toHaveAttribute('href', '/api/open-data/partners.csv');
    await expect(page.getByRole('link', { name: 'Partners as JSON' })).toHaveAttribute('href', '/api/open-data/partners.json');
    await expect(page.getByRole('link', { name: 'Read the licence (CC BY 4.0)' })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/open-data$/);
    await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', /\/zh\/open-data$/);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.getByRole('link', { name: 'Switch to Chinese' }).click();
    await expect(page).toHaveURL(/\/zh\/open-data$/);
    await expect(page.getByRole('heading', { level: 1, name: '开放数据' })).toBeVisible();
    await expect(page.getByText(/^数据截至/)).toBeVisible();
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /CC BY 4\.0/);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test('the footer leads to it from the directory', async ({ page }) => {
    await page.goto('/partners');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Sources and licences' }).click();
    await expect(page).toHaveURL(/\/open-data$/);
  });

  test('the CSV and the JSON hold the same partners as the directory, with numbers as numbers', async ({ page, request }) => {
    await page.goto('/partners');
    const count = Number((await page.getByRole('status').first().textContent())!.match(/\d+/)![0]);
    expect(count).toBeGreaterThanOrEqual(93);

    const download = page.waitForEvent('download');
    await page.goto('/open-data');
    await page.getByRole('link', { name: 'Partners as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('partners.csv');
    const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
    expect(text.startsWith('\uFEFFpartner_en,partner_zh,country_code,')).toBe(true);
    const csv = Papa.parse<Record<string, unknown>>(text.slice(1), { header: true, dynamicTyping: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.data).toHaveLength(count);
    const la = csv.data.find((r) => r.partner_en === 'Los Angeles')!;
    expect(la).toMatchObject({ partner_zh: '洛杉矶', country_code: 'US', country_zh: '美国', type: 'sister_city', established_precision: 'day' });
    expect(typeof la.longitude).toBe('number');
    expect(la.longitude as number).toBeLessThan(-118);
    const lahore = csv.data.find((r) => r.partner_en === 'Lahore')!;
    expect(lahore).toMatchObject({ established: 2021, established_precision: 'year' });
    expect(String(lahore.page_en)).toMatch(/^http:\/\/[^/]+\/partners\/guangzhou-lahore$/);
    expect(String(lahore.page_zh)).toMatch(/^http:\/\/[^/]+\/zh\/partners\/guangzhou-lahore$/);

    const response = await request.get('/api/open-data/partners.json');
    expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('public, no-cache');
    expect(response.headers()['set-cookie']).toBeUndefined();
    const json = await response.json();
    expect(json).toMatchObject({ version: 1, license: { id: 'CC-BY-4.0' }, home: { nameEn: 'Guangzhou' }, count });
    expect(json.partners).toHaveLength(count);
    expect(json.partners.find((p: { nameEn: string }) => p.nameEn === 'Fukuoka')).toMatchObject({
      nameZh: '福冈',
      countryCode: 'JP',
      established: { date: '1979-05-02', precision: 'day' },
    });
    // The ETag answers a repeated request with a 304 and no body.
    const again = await request.get('/api/open-data/partners.json', { headers: { 'If-None-Match': response.headers()['etag']! } });
    expect(again.status()).toBe(304);
  });

  test('robots.txt, sitemap.xml and the icon answer at the root with their types', async ({ request }) => {
    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
    const rules = await robots.text();
    for (const line of ['Disallow: /login', 'Disallow: /zh/login', 'Disallow: /partnerships', 'Disallow: /admin', 'Allow: /api/open-data/']) {
      expect(rules).toContain(line);
    }
    expect(rules).toMatch(/Sitemap: http:\/\/[^/]+\/sitemap\.xml/);

    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.status()).toBe(200);
    expect(sitemap.headers()['content-type']).toMatch(/^application\/xml/);
    const xml = await sitemap.text();
    for (const path of ['/partners', '/zh/partners', '/open-data', '/zh/open-data', '/partners/guangzhou-lahore', '/zh/partners/guangzhou-lahore']) {
      expect(xml).toMatch(new RegExp(`<loc>http://[^<]+${path}</loc>`));
    }
    expect(xml).toContain('hreflang="zh-CN"');
    expect(xml).not.toContain('/login');

    const icon = await request.get('/icon.svg');
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/svg+xml');
  });

  test('no public page logs a console error', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    for (const path of ['/partners', '/zh/partners', '/partners/guangzhou-lahore', '/zh/partners/guangzhou-lahore', '/open-data', '/zh/open-data']) {
      await page.goto(path, { waitUntil: 'networkidle' });
    }
    expect(errors).toEqual([]);
  });
});
