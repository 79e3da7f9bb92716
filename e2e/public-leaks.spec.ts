import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { slugify } from '../lib/slug';
import { STORAGE } from './fixtures';

// What the public never sees (issue 9): an editor writes one marker into every internal place the registry has
// (an internal tie with its own partner, internal notes of a public tie, an internal agreement with its
// signatories, an internal signed file of a public agreement, an internal activity, internal notes of a public
// activity); then, signed out, every public page and download is read in both languages: the marker is in none
// of them, while the public parts written beside it are. The registry has no contact-detail fields for
// signatories; their names and titles on the internal agreement carry the marker instead.

const RUN = Date.now().toString(36).toUpperCase();
const MARKER = `LEAK${RUN}`;
// Public text written beside the marker: it must show, so a page that shows nothing cannot pass.
const PUBLIC_AGREEMENT = `Limassol port cooperation memorandum ${RUN.toLowerCase()}`;
const PUBLIC_ACTIVITY = `Limassol harbour delegation ${RUN.toLowerCase()}`;
const PARTNER = { en: 'Limassol', zh: '利马索尔', slug: 'guangzhou-limassol' };
// Every internal text written, whole: a search for the marker echoes the bare marker back (in the search box and
// the language switch), so those pages are checked for these instead.
const PARTNER_NAME = `Reykjavik ${MARKER}`;
const INTERNAL_TEXTS = [
  PARTNER_NAME,
  `${MARKER}雷克雅未克`,
  `Summary of an internal tie ${MARKER}`,
  `Internal notes ${MARKER}`,
  `Notes on a public tie ${MARKER}`,
  `Confidential annex ${MARKER}`,
  `Back room ${MARKER}`,
  `Signer ${MARKER}`,
  `Private office ${MARKER}`,
  `${MARKER} draft.pdf`,
  `Secret visit ${MARKER}`,
  `Activity notes ${MARKER}`,
];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

let internalPartnerSlug = '';
let internalFileId = '';

async function openLimassol(page: Page) {
  await page.goto('/partnerships?q=limassol');
  await page.getByRole('link', { name: PARTNER.en, exact: true }).first().click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
}

/** The body of a public address, fetched without a session; its status must be the one expected. */
async function publicBody(request: APIRequestContext, path: string, status = 200): Promise<string> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(status);
  expect(response.headers()['set-cookie'], `${path} sets no cookie`).toBeUndefined();
  return response.text();
}

/**
 * No internal text in a body; nor the bare marker, unless the page echoes what was asked for: a search for the
 * marker (then not the internal partner's name either), or the internal tie's own address on its 404.
 */
function expectNoMarker(body: string, path: string, { echoes }: { echoes?: 'search' | 'address' } = {}) {
  // Case-insensitive: a slug or a search index would carry the marker in lower case.
  const text = body.toLowerCase();
  for (const internal of INTERNAL_TEXTS) expect(text, `${path}: ${internal}`).not.toContain(internal.toLowerCase());
  if (echoes === 'search') expect(text, path).not.toContain('reykjavik');
  else if (!echoes) expect(text, path).not.toContain(MARKER.toLowerCase());
}

test.describe('what the public never sees', () => {
  test.describe.configure({ mode: 'serial' });

  test('an editor writes the marker into every internal place', async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ storageState: STORAGE.editor });
    const page = await context.newPage();

    // 1. An internal tie with a partner of its own, found in the gazetteer and named with the marker.
    await page.goto('/partnerships/new');
    await page.getByLabel('Partner locality').selectOption({ label: 'A locality not yet in the registry…' });
    await page.getByLabel('Find it in the gazetteer').fill('reykjavik');
    await page.getByRole('button', { name: /^Reykjavík · Iceland/ }).first().click();
    await page.getByLabel('English name', { exact: true }).fill(PARTNER_NAME);
    await page.getByLabel('Chinese name', { exact: true }).fill(`${MARKER}雷克雅未克`);
    await page.getByLabel('Type', { exact: true }).selectOption('friendly_cooperation_city');
    await page.getByLabel('Date established').fill('2020');
    await page.getByLabel('Public summary (English)').fill(`Summary of an internal tie ${MARKER}`);
    await page.getByLabel('Internal notes').fill(`Internal notes ${MARKER}`);
    await page.getByLabel('Show in the public directory').uncheck();
    await page.getByRole('button', { name: 'Register partnership' }).click();
    await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(MARKER);
    internalPartnerSlug = `guangzhou-${slugify(PARTNER_NAME)}`;

    // 2. Internal notes on Limassol's public tie.
    await openLimassol(page);
    const limassol = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Internal notes').fill(`Notes on a public tie ${MARKER}`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`${limassol}$`));
    await expect(page.getByText(`Notes on a public tie ${MARKER}`)).toBeVisible();

    // 3. An internal agreement on the public tie, its place and signatories marked.
    await page.getByRole('link', { name: 'Record an agreement' }).click();
    await page.getByLabel('Title (English)').fill(`Confidential annex ${MARKER}`);
    await page.getByLabel('Signing date').fill('2023-09');
    await page.getByLabel('Place of signing (English)').fill(`Back room ${MARKER}`);
    const home = page.getByRole('group', { name: 'Signatories: Guangzhou' });
    await home.getByLabel('Name 1 (English)').fill(`Signer ${MARKER}`);
    await home.getByLabel('Title 1 (English)').fill(`Private office ${MARKER}`);
    await page.getByLabel('Show this agreement (kind, date, title) in the public directory').uncheck();
    await page.getByRole('button', { name: 'Record agreement' }).click();
    await expect(page).toHaveURL(new RegExp(`${limassol}$`));

    // 4. A public agreement on the same tie, and an internal signed file of it named with the marker.
    await page.getByRole('link', { name: 'Record an agreement' }).click();
    await page.getByLabel('Title (English)').fill(PUBLIC_AGREEMENT);
    await page.getByLabel('Signing date').fill('2023-09-11');
    await page.getByRole('button', { name: 'Record agreement' }).click();
    await expect(page).toHaveURL(new RegExp(`${limassol}$`));
    await page.getByRole('link', { name: `Edit: ${PUBLIC_AGREEMENT}` }).click();
    const files = page.getByRole('region', { name: 'Signed files' });
    await files.getByLabel('Signed copy (PDF)').setInputFiles({ name: `${MARKER} draft.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await expect(files.getByLabel('The public may download this file')).not.toBeChecked();
    await files.getByRole('button', { name: 'Upload' }).click();
    await expect(files.getByText('File uploaded.')).toBeVisible();
    const download = files.getByRole('link', { name: new RegExp(`^Download ${MARKER} draft\\.pdf`) });
    internalFileId = (await download.getAttribute('href'))!.split('/').pop()!;

    // 5. An internal activity of the public tie, and 6. a public one with internal notes.
    for (const [title, isPublic] of [
      [`Secret visit ${MARKER}`, false],
      [PUBLIC_ACTIVITY, true],
    ] as const) {
      await page.goto('/activities/new');
      await page.getByLabel('Title (English)', { exact: true }).fill(title);
      await page.getByLabel('Type', { exact: true }).selectOption('delegation_visit');
      await page.getByLabel('Start', { exact: true }).fill('2024-03');
      await page.getByLabel('Partner 1', { exact: true }).selectOption({ label: 'Limassol · 利马索尔 (Cyprus)' });
      await page.getByLabel('Internal notes').fill(`Activity notes ${MARKER}`);
      if (!isPublic) await page.getByLabel('Show in the public directory').uncheck();
      await page.getByRole('button', { name: 'Record activity' }).click();
      await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
      await expect(page.getByText(`Activity notes ${MARKER}`)).toBeVisible();
    }
    await context.close();
  });

  for (const locale of ['en', 'zh'] as const) {
    test(`signed out, no public page or download in ${locale === 'en' ? 'English' : 'Chinese'} holds the marker`, async ({ browser }) => {
      const context = await browser.newContext();
      const { request } = context;
      const prefix = locale === 'zh' ? '/zh' : '';
      const name = PARTNER[locale];

      // Pages: the directory, searched for the marker and for the partner, the partner's page, the open data.
      for (const path of [`${prefix}/partners`, `${prefix}/partners?q=reykjavik`, `${prefix}/open-data`]) {
        expectNoMarker(await publicBody(request, path), path);
      }
      for (const path of [`${prefix}/partners?q=${MARKER}`, `${prefix}/partners?q=${MARKER.toLowerCase()}`]) {
        expectNoMarker(await publicBody(request, path), path, { echoes: 'search' });
      }
      const found = await publicBody(request, `${prefix}/partners?q=${encodeURIComponent(name)}`);
      expectNoMarker(found, 'search for the partner');
      expect(found).toContain(name);
      const profile = await publicBody(request, `${prefix}/partners/${PARTNER.slug}`);
      expectNoMarker(profile, 'the partner page');
      expect(profile).toContain(name);
      expect(profile).toContain(PUBLIC_AGREEMENT);
      expect(profile).toContain(PUBLIC_ACTIVITY);
      // The directory's map, a document of its own: the public partner, never the internal tie's.
      const lang = prefix === '/zh' ? 'zh' : 'en';
      for (const query of ['', `?q=${encodeURIComponent(name)}`]) {
        const drawing = await publicBody(request, `/map/partners-${lang}.svg${query}`);
        expectNoMarker(drawing, 'the map document');
        expect(drawing).toContain(`${prefix}/partners/${PARTNER.slug}"`);
      }

      // The internal tie has no page, and its partner's name is not in the 404 either; the internal file no download.
      expectNoMarker(await publicBody(request, `${prefix}/partners/${internalPartnerSlug}`, 404), 'the internal tie', { echoes: 'address' });
      expectNoMarker(await publicBody(request, `${prefix}/files/${internalFileId}`, 404), 'the internal file');

      // Downloads (the same for both languages).
      const csv = await publicBody(request, '/api/open-data/partners.csv');
      const json = await publicBody(request, '/api/open-data/partners.json');
      const sitemap = await publicBody(request, '/sitemap.xml');
      for (const [path, body] of [['csv', csv], ['json', json], ['sitemap', sitemap]] as const) expectNoMarker(body, path);
      expect(csv).toContain(`${PARTNER.en},${PARTNER.zh},CY`);
      expect(JSON.parse(json).partners.some((p: { nameEn: string }) => p.nameEn === PARTNER.en)).toBe(true);
      expect(sitemap).toContain(`${prefix}/partners/${PARTNER.slug}<`);
      await context.close();
    });
  }

  test('the browser, signed out, shows the public parts and never the marker', async ({ page }) => {
    await page.goto(`/zh/partners/${PARTNER.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(PARTNER.zh);
    await expect(page.getByText(PUBLIC_ACTIVITY)).toBeVisible();
    await expect(page.locator('body')).not.toContainText(MARKER);
  });
});
