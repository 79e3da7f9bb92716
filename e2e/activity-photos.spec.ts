import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { STORAGE } from './fixtures';

// Lahore's staff page: its activities as a timeline and its commitments against deeds, in both languages. Photos of
// an activity: uploaded through the streamed photo route with JavaScript and without, refused beside the field
// when not an image or too large, shown from the resized copy, deleted by an editor and restored by an admin.

const MASKS = '20,000 disposable surgical masks donated to Lahore';
const METRO = 'Lahore Orange Line metro: operation and maintenance';
const LAHORE_FIELDS = ['Economy', 'Trade', 'Culture', 'Tourism', 'Science and technology', 'Education'];

async function asRole(browser: Browser, role: keyof typeof STORAGE, opts: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ storageState: STORAGE[role], ...opts });
  return { context, page: await context.newPage() };
}

async function openLahore(page: Page) {
  await page.goto('/partnerships?q=lahore');
  await page.getByRole('link', { name: 'Lahore', exact: true }).first().click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guangzhou – Lahore');
  return new URL(page.url()).pathname;
}

test.describe("Lahore's activities and commitments", () => {
  test('the timeline shows the Orange Line and the masks; none of the six MoU fields has an activity yet', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'editor');
    const path = await openLahore(page);
    const section = page.getByRole('region', { name: 'Activities', exact: true });
    const timeline = section.getByRole('list', { name: 'Activities of this tie, newest first' });
    // Newest first; other specs may log more activities for Lahore, so each is found by its title.
    const titles = await timeline.locator(':scope > li > p > a').allTextContents();
    expect(titles.indexOf(METRO)).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf(METRO)).toBeLessThan(titles.indexOf(MASKS));
    const metro = timeline.locator(':scope > li').filter({ has: page.getByRole('link', { name: METRO }) });
    await expect(metro).toContainText('since October 2020');
    await expect(metro).toContainText('Infrastructure or technical project, Ongoing, Outgoing (given or sent)');
    const masks = timeline.locator(':scope > li').filter({ has: page.getByRole('link', { name: MASKS }) });
    await expect(masks.locator('p').first()).toHaveText('2020');
    await expect(masks).toContainText('Donation, Completed, Outgoing (given or sent)');
    await expect(masks.getByRole('list', { name: 'Quantities for this partner' })).toHaveText('Disposable surgical masks: 20,000');
    const id = path.split('/').pop();
    await expect(section.getByRole('link', { name: 'Log an activity' })).toHaveAttribute('href', `/activities/new?partnership=${id}`);

    const commitments = section.getByRole('table', { name: 'Commitments against deeds' });
    await expect(commitments.getByRole('row')).toHaveCount(1 + 6);
    for (const field of LAHORE_FIELDS) {
      const row = commitments.getByRole('row', { name: new RegExp(`^${field}`) });
      await expect(row).toContainText("the tie's fields, Memorandum of understanding (2021)");
      await expect(row).toContainText('Committed, not yet acted on');
    }
    await expect(section.getByText('0 of 6 committed fields have activities.')).toBeVisible();
    // The masks (health) and the Orange Line (infrastructure, transport) fall outside the MoU's fields.
    const outside = section.getByRole('heading', { name: 'Activities in fields no agreement names' }).locator('xpath=..');
    await expect(outside.getByRole('listitem').filter({ hasText: /^Health/ }).getByRole('link', { name: MASKS })).toBeVisible();
    await expect(outside.getByRole('listitem').filter({ hasText: /^Transport/ }).getByRole('link', { name: METRO })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.goto(`/zh${path}`);
    const zh = page.getByRole('region', { name: '交流活动' });
    const zhTimeline = zh.getByRole('list', { name: '该友好关系的交流活动（最新在前）' });
    await expect(zhTimeline.getByRole('link', { name: '向拉合尔捐赠2万只一次性医用外科口罩' })).toBeVisible();
    await expect(zhTimeline.getByRole('link', { name: '拉合尔轨道交通橙线运营维护' })).toBeVisible();
    await expect(zh.getByText('一次性医用外科口罩：20,000')).toBeVisible();
    await expect(zh.getByText('自2020年10月起')).toBeVisible();
    await expect(zh.getByRole('link', { name: '记录交流活动' })).toBeVisible();
    const zhTable = zh.getByRole('table', { name: '承诺与落实' });
    await expect(zhTable.getByRole('row', { name: /^经济/ })).toContainText('已承诺，尚未落实');
    await expect(zhTable.getByRole('row', { name: /^经济/ })).toContainText('友好关系所列领域、谅解备忘录（2021年）');
    await expect(zh.getByText('6个承诺领域中有0个已有交流活动。')).toBeVisible();
    await context.close();
  });

  test('a viewer reads the timeline without the link to log an activity', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'viewer');
    await openLahore(page);
    const section = page.getByRole('region', { name: 'Activities', exact: true });
    await expect(section.getByRole('list', { name: 'Activities of this tie, newest first' }).getByRole('link', { name: METRO })).toBeVisible();
    await expect(section.getByRole('link', { name: 'Log an activity' })).toHaveCount(0);
    await context.close();
  });
});

test.describe('photos of an activity', () => {
  test.describe.configure({ mode: 'serial' });
  let activityPath = '';
  const CAPTION = 'Masks unloaded in Lahore';

  test('an editor uploads a photo: a resized WebP is shown with its caption as alt text, the original downloads', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'editor');
    await openLahore(page);
    await page.getByRole('list', { name: 'Activities of this tie, newest first' }).getByRole('link', { name: MASKS }).click();
    await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
    activityPath = new URL(page.url()).pathname;
    const photos = page.getByRole('region', { name: 'Photos' });
    await expect(photos.getByText('No photos yet.')).toBeVisible();
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer();
    await photos.getByLabel('Photo (JPEG, PNG or WebP)').setInputFiles({ name: 'lahore.png', mimeType: 'image/png', buffer: png });
    await photos.getByLabel('Caption in English').fill(CAPTION);
    await photos.getByLabel('Caption in Chinese').fill('口罩运抵拉合尔');
    await photos.getByRole('button', { name: 'Upload photo' }).click();
    await expect(page).toHaveURL(/photoUploaded=1#photos$/);
    await expect(photos.getByText('Photo uploaded.')).toBeVisible();
    const img = photos.getByRole('img', { name: CAPTION });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1600);
    const shown = await page.request.get((await img.getAttribute('src'))!);
    expect(shown.headers()['content-type']).toBe('image/webp');
    expect(shown.headers()['x-content-type-options']).toBe('nosniff');
    expect(shown.headers()['cache-control']).toContain('no-store');
    const download = page.waitForEvent('download');
    await photos.getByRole('link', { name: /^Original \(.*2400 × 1200 px\)$/ }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('lahore.png');
    expect((await sharp(await saved.path()).metadata()).width).toBe(2400);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.goto(`/zh${activityPath}`);
    await expect(page.getByRole('region', { name: '照片' }).getByRole('img', { name: '口罩运抵拉合尔' })).toBeVisible();
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`a text file renamed .png, an SVG and an 11 MB file are refused beside the field (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
      const { context, page } = await asRole(browser, 'editor', { javaScriptEnabled });
      const cases = [
        { name: 'minutes.png', mimeType: 'image/png', buffer: Buffer.from('Minutes of the meeting\n'.repeat(50)), message: 'This file is not a JPEG, PNG or WebP image. Upload a photo in one of these formats.' },
        { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), message: 'This file is not a JPEG, PNG or WebP image. Upload a photo in one of these formats.' },
        { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(11 * 1024 * 1024, 7)]), message: 'The photo is larger than 10 MB.' },
      ];
      for (const file of cases) {
        await page.goto(activityPath);
        const photos = page.getByRole('region', { name: 'Photos' });
        const field = photos.getByLabel('Photo (JPEG, PNG or WebP)');
        await field.setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
        await photos.getByRole('button', { name: 'Upload photo' }).click();
        await expect(photos.getByText(file.message)).toBeVisible();
        await expect(field).toHaveAttribute('aria-invalid', 'true');
        await expect(photos.getByRole('img')).toHaveCount(1);
      }
      await context.close();
    });
  }

  test('an editor deletes the photo, an admin sees it marked deleted and restores it', async ({ browser }) => {
    const editor = await asRole(browser, 'editor');
    await editor.page.goto(activityPath);
    const photos = editor.page.getByRole('region', { name: 'Photos' });
    await photos.getByText('Delete photo').click();
    await photos.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(photos.getByText('No photos yet.')).toBeVisible();
    await editor.context.close();

    const viewer = await asRole(browser, 'viewer');
    await viewer.page.goto(activityPath);
    await expect(viewer.page.getByRole('region', { name: 'Photos' }).getByText('No photos yet.')).toBeVisible();
    await expect(viewer.page.getByLabel('Photo (JPEG, PNG or WebP)')).toHaveCount(0);
    await viewer.context.close();

    const admin = await asRole(browser, 'admin');
    await admin.page.goto(activityPath);
    const adminPhotos = admin.page.getByRole('region', { name: 'Photos' });
    await expect(adminPhotos.getByText('deleted', { exact: true })).toBeVisible();
    await adminPhotos.getByRole('button', { name: `Restore photo ${CAPTION}` }).click();
    await expect(adminPhotos.getByText('deleted', { exact: true })).toHaveCount(0);
    await expect(adminPhotos.getByRole('img', { name: CAPTION })).toBeVisible();
    await admin.context.close();
  });
});
