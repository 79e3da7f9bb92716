import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { STORAGE } from './fixtures';

// The staff partnership pages as the office uses them: find a tie, register one, edit it while someone else
// does, delete and restore it, in both languages and in two time zones.

async function openPartnership(page: Page, search: string, partner: string) {
  await page.goto(`/partnerships?q=${encodeURIComponent(search)}`);
  await page.getByRole('link', { name: partner, exact: true }).first().click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
}

async function asRole(browser: Browser, role: keyof typeof STORAGE, timezoneId?: string) {
  const context = await browser.newContext({ storageState: STORAGE[role], timezoneId });
  return { context, page: await context.newPage() };
}

test.describe('the seeded network, as staff see it', () => {
  test.use({ storageState: STORAGE.viewer });

  test("Lahore's tie: November 2021 MoU, its six fields, and Zhengzhou-Lahore beside it", async ({ page }) => {
    await openPartnership(page, 'lahore', 'Lahore');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guangzhou – Lahore');
    for (const field of ['Economy', 'Trade', 'Culture', 'Tourism', 'Science and technology', 'Education']) {
      await expect(page.getByRole('listitem').filter({ hasText: new RegExp(`^${field}$`) })).toBeVisible();
    }
    await expect(page.getByText('Memorandum of understanding · Signed 2021')).toBeVisible();
    const other = page.getByRole('region', { name: "Lahore's other ties in the registry" });
    await expect(other.getByRole('link', { name: 'Zhengzhou – Lahore' })).toBeVisible();
    // A viewer reads but changes nothing.
    await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
    await expect(page.getByText('Delete this partnership')).toHaveCount(0);
  });

  test('Henan-Balochistan and Hubei-Sindh are in the list of other localities’ ties', async ({ page }) => {
    await page.goto('/partnerships?scope=other&sort=partner');
    await expect(page.getByRole('status')).toHaveText('3 partnerships');
    await expect(page.getByRole('row', { name: /Balochistan.*Henan.*Sister province or state/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Sindh.*Hubei.*Sister province or state.*November 2021/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Lahore.*Zhengzhou.*Sister city/ })).toBeVisible();
  });

  test('the briefing: one printable page, in Chinese, without the site around it', async ({ page }) => {
    await openPartnership(page, 'lahore', 'Lahore');
    await page.getByRole('link', { name: 'Briefing for a visit' }).click();
    await expect(page).toHaveURL(/\/briefing$/);
    await page.goto(page.url().replace('/partnerships/', '/zh/partnerships/'));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('广州 – 拉合尔');
    await expect(page.getByText('经济、贸易、文化、旅游、科技、教育')).toBeVisible();
    // Its recent activities, with this partner's quantities.
    await expect(page.getByRole('listitem').filter({ hasText: '20,000' })).toBeVisible();
    await expect(page.getByText('谅解备忘录，2021年')).toBeVisible();
    await expect(page.getByText('拉合尔：城市，巴基斯坦。')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a viewer is refused the registration form', async ({ page }) => {
    await page.goto('/partnerships/new');
    await expect(page).toHaveURL(/\/forbidden$/);
  });

  test('the CSV download holds the filtered list, in a file', async ({ page }) => {
    await page.goto('/partnerships?country=PK');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download these as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^partnerships-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const lines = text.replace(/\r\n$/, '').split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,partner_en,partner_zh,partner_country,partner_level,home_en,home_zh,type,status,established,established_precision,established_basis,cooperation_fields,public,summary_en,summary_zh,deleted');
    expect(lines.slice(1).every((l) => l.includes(',PK,'))).toBe(true);
    expect(lines.some((l) => l.includes('Lahore,拉合尔,PK,city,Guangzhou,广州,friendly_cooperation_city,active,2021,year'))).toBe(true);
    expect(text).not.toContain('Internal');
  });

  for (const path of ['/partnerships', '/zh/partnerships']) {
    test(`axe finds nothing on ${path} and a partnership page`, async ({ page }) => {
      await page.goto(path);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await page.getByRole('link', { name: path.startsWith('/zh') ? '福冈' : 'Fukuoka', exact: true }).click();
      await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  }
});

test.describe('registering and keeping a tie', () => {
  test.describe.configure({ mode: 'serial' });
  let url = '';

  test('an editor registers Guangzhou-Punjab: bad input is shown beside the field, then it is saved', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'editor');
    await page.goto('/partnerships/new');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel('Partner locality').selectOption({ label: 'Punjab · 旁遮普省 (Pakistan)' });
    await page.getByLabel('Type').selectOption('friendly_cooperation_province');
    await page.getByLabel('Date established').fill('2999-01-01');
    await page.getByLabel('Trade').check();
    await page.getByLabel('Education').check();
    // A paste can carry a NUL, which PostgreSQL cannot store: it is dropped, not a 500.
    await page.getByLabel('Internal notes').fill('Marked internal:\u0000 not for the public.');
    await page.getByRole('button', { name: 'Register partnership' }).click();
    const date = page.getByLabel('Date established');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('A tie that is signed or active cannot be dated in the future.')).toBeVisible();
    await date.fill('1996-8');
    await page.getByRole('button', { name: 'Register partnership' }).click();
    await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
    url = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guangzhou – Punjab');
    // A month stays a month: no day is invented.
    await expect(page.getByRole('region', { name: 'Partner' }).getByText('August 1996', { exact: true })).toBeVisible();
    await expect(page.getByText('Marked internal: not for the public.')).toBeVisible();
    await expect(page.getByText('Active from August 1996')).toBeVisible();
    await context.close();
  });

  test('an MoU is recorded, then its signed PDF uploaded on its page; a renamed program and a 25 MB file are refused beside the field', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'editor');
    await page.goto(url);
    await page.getByRole('link', { name: 'Record an agreement' }).click();
    await expect(page).toHaveURL(/\/agreements\/new$/);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel('Signing date').fill('1996-08-16');
    await page.getByLabel('Place of signing (English)').fill('Guangzhou');
    const home = page.getByRole('group', { name: 'Signatories: Guangzhou' });
    await home.getByLabel('Name 1 (English)').fill('Li Ziliu');
    await home.getByLabel('Title 1 (English)').fill('Mayor of Guangzhou');
    // The agreement form takes no file: signed copies are uploaded on the agreement's page.
    await expect(page.getByLabel('Signed copy (PDF)')).toHaveCount(0);
    await page.getByRole('button', { name: 'Record agreement' }).click();
    await expect(page).toHaveURL(new RegExp(`${url}$`));
    await expect(page.getByText('Memorandum of understanding · Signed August 16, 1996 · in Guangzhou')).toBeVisible();
    await expect(page.getByText('Signatories: Li Ziliu, Mayor of Guangzhou (Home side)')).toBeVisible();
    await page.getByRole('link', { name: 'Edit: Guangzhou–Punjab memorandum of understanding' }).click();
    await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}$/);
    const files = page.getByRole('region', { name: 'Signed files' });
    const file = files.getByLabel('Signed copy (PDF)');
    await file.setInputFiles({ name: 'mou.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) });
    await files.getByRole('button', { name: 'Upload' }).click();
    await expect(files.getByText('This file is not a PDF. Upload the signed copy as a PDF.')).toBeVisible();
    await expect(file).toHaveAttribute('aria-invalid', 'true');
    await file.setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(25 * 1024 * 1024, 0x25) });
    await files.getByRole('button', { name: 'Upload' }).click();
    await expect(files.getByText('The file is larger than 20 MB.')).toBeVisible();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    await file.setInputFiles({ name: '广州-旁遮普 MoU.pdf', mimeType: 'application/pdf', buffer: pdf });
    await files.getByRole('button', { name: 'Upload' }).click();
    await expect(files.getByText('File uploaded.')).toBeVisible();
    await page.goto(url);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download 广州-旁遮普 MoU\.pdf/ }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('广州-旁遮普 MoU.pdf');
    const bytes = Buffer.concat(await (await saved.createReadStream()).toArray());
    expect(bytes.equals(pdf)).toBe(true);
    await context.close();
  });

  test('two editors on one record: the second save is refused with what the first changed', async ({ browser }) => {
    const a = await asRole(browser, 'editor');
    const b = await asRole(browser, 'admin');
    await a.page.goto(`${url}/edit`);
    await b.page.goto(`${url}/edit`);
    await a.page.getByLabel('Public summary (English)').fill('Trade and education since 1996.');
    await a.page.getByLabel('Basis of the date').fill('Signing in Guangzhou');
    await a.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(a.page).toHaveURL(new RegExp(`${url}$`));
    await expect(a.page.getByText('Trade and education since 1996.')).toBeVisible();

    await b.page.getByLabel('Public summary (English)').fill('My own summary.');
    await b.page.getByRole('button', { name: 'Save changes' }).click();
    const notice = b.page.getByRole('alert').filter({ hasText: 'Someone else saved this partnership' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Their changes (editor@amity.test):');
    await expect(notice.getByRole('definition').filter({ hasText: 'Trade and education since 1996.' })).toBeVisible();
    await expect(notice.getByRole('definition').filter({ hasText: 'Signing in Guangzhou' })).toBeVisible();
    // B's own input is still there, and nothing of it was saved.
    await expect(b.page.getByLabel('Public summary (English)')).toHaveValue('My own summary.');
    await a.page.reload();
    await expect(a.page.getByText('Trade and education since 1996.')).toBeVisible();
    await a.context.close();
    await b.context.close();
  });

  test('without JavaScript the edit form shows what the tie holds, saves, and shows a refusal beside the field', async ({ browser }) => {
    const context = await browser.newContext({ storageState: STORAGE.editor, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}/edit`);
    await expect(page.getByLabel('Public summary (English)')).toHaveValue('Trade and education since 1996.');
    await expect(page.getByLabel('Date established')).toHaveValue('1996-08');
    await expect(page.getByLabel('Trade')).toBeChecked();
    await expect(page.getByLabel('Economy')).not.toBeChecked();
    await page.getByLabel('Date established').fill('1996-13');
    await page.getByLabel('Internal notes').fill('Typed before the refusal.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Write a year (1979), a month (1996-08) or a day (1979-05-02).')).toBeVisible();
    await expect(page.getByLabel('Date established')).toHaveAttribute('aria-invalid', 'true');
    // What was typed is still there.
    await expect(page.getByLabel('Date established')).toHaveValue('1996-13');
    await expect(page.getByLabel('Internal notes')).toHaveValue('Typed before the refusal.');
    await expect(page.getByLabel('Trade')).toBeChecked();
    await page.goto(`${url}/edit`);
    await page.getByLabel('Public summary (English)').fill('Saved without scripts.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`${url}$`));
    await expect(page.getByText('Saved without scripts.')).toBeVisible();
    // Nothing else changed: the fields and the date are as they were.
    await expect(page.getByRole('region', { name: 'Partner' }).getByText('August 1996', { exact: true })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: /^Trade$/ })).toBeVisible();
    await context.close();
  });

  test('its lifecycle: a suspension needs a review date after it, an approval and an upgrade keep one tie, in both languages', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'editor');
    await page.goto(url);
    await page.getByRole('link', { name: 'Change the status' }).click();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel('New status').selectOption('suspended');
    await page.getByLabel('Effective date').fill('2023-02');
    await page.getByRole('button', { name: 'Record the step' }).click();
    const review = page.getByLabel('Review date (suspension)');
    await expect(review).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Fill in this field.')).toBeVisible();
    await review.fill('2023-01-31');
    await page.getByRole('button', { name: 'Record the step' }).click();
    await expect(page.getByText('The review date must come after the effective date.')).toBeVisible();
    await review.fill('2024-02-01');
    await page.getByLabel('Reason').fill('Provincial review of foreign ties');
    await page.getByRole('button', { name: 'Record the step' }).click();
    await expect(page).toHaveURL(new RegExp(`${url}#timeline$`));
    const timeline = page.getByRole('region', { name: 'Lifecycle' });
    await expect(timeline.getByText('Suspended from February 2023')).toBeVisible();
    await expect(timeline.getByText('Review on February 1, 2024')).toBeVisible();
    await expect(timeline.getByText('Provincial review of foreign ties')).toBeVisible();
    // The suspension's document, attached to the step on the timeline.
    await timeline.getByText('Documents of this step: attach or remove').first().click();
    const notice = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    await timeline.getByLabel('Signed copy (PDF)').first().setInputFiles({ name: 'review-notice.pdf', mimeType: 'application/pdf', buffer: notice });
    await timeline.getByLabel('The public may download this file').first().check();
    await timeline.getByRole('button', { name: 'Upload' }).first().click();
    const link = timeline.getByRole('link', { name: 'review-notice.pdf', exact: true });
    await expect(link).toBeVisible();
    await expect(timeline.getByText('File uploaded.')).toBeVisible();
    // Marked public, of a public tie: anyone downloads it at /files/<id>, as an attachment, without signing in.
    const fileId = (await link.getAttribute('href'))!.split('/').pop()!;
    const anonymous = await browser.newContext();
    const publicCopy = await anonymous.request.get(`/files/${fileId}`);
    expect(publicCopy.status()).toBe(200);
    expect(publicCopy.headers()['content-disposition']).toMatch(/^attachment; filename="?review-notice\.pdf"?(;|$)/);
    expect(publicCopy.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect((await publicCopy.body()).equals(notice)).toBe(true);
    expect((await anonymous.request.get(`/files/${fileId.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}`)).status()).toBe(404);
    await anonymous.close();

    // In Chinese: the national approval, then the upgrade of the same tie.
    await page.goto(`/zh${url}/lifecycle/new?kind=approval`);
    await page.getByLabel('批准机关级别').selectOption('national');
    await page.getByLabel('批准机关', { exact: true }).fill('外交部');
    await page.getByLabel('生效日期').fill('2999');
    await page.getByRole('button', { name: '记录节点' }).click();
    await expect(page.getByText('节点应在发生后记录：此日期晚于今天。')).toBeVisible();
    await page.getByLabel('生效日期').fill('1996-07');
    await page.getByRole('button', { name: '记录节点' }).click();
    await expect(page).toHaveURL(new RegExp(`/zh${url}#timeline$`));
    await expect(page.getByRole('region', { name: '关系进程' }).getByText('由外交部批准')).toBeVisible();
    await page.getByRole('region', { name: '关系进程' }).getByRole('link', { name: '记录升级' }).click();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel('新类型').selectOption('sister_province');
    await page.getByLabel('生效日期').fill('2024-05-02');
    await page.getByRole('button', { name: '记录节点' }).click();
    await expect(page).toHaveURL(new RegExp(`/zh${url}#timeline$`));
    // The same page, now a sister-province tie, with the approval among the dates it can be counted from.
    await page.goto(url);
    await expect(page.getByText('Upgraded from Friendly cooperation province or state to Sister province or state from May 2, 2024')).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: /^July 1996 · 外交部$/ })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await context.close();
  });

  test('an editor deletes it; an admin finds it among the deleted and restores it', async ({ browser }) => {
    const editor = await asRole(browser, 'editor');
    await editor.page.goto(url);
    await editor.page.getByText('Delete this partnership').click();
    await editor.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(editor.page.getByText('Partnership deleted. An admin can restore it')).toBeVisible();
    await editor.page.goto('/partnerships?q=punjab');
    await expect(editor.page.getByRole('status')).toHaveText('No partnerships');
    await editor.context.close();

    const admin = await asRole(browser, 'admin');
    await admin.page.goto('/zh/partnerships?deleted=1');
    await admin.page.getByRole('link', { name: '旁遮普省', exact: true }).click();
    await expect(admin.page.getByText('此伙伴关系已删除')).toBeVisible();
    await admin.page.getByRole('button', { name: '恢复' }).click();
    await expect(admin.page.getByText('伙伴关系已恢复。')).toBeVisible();
    // The page is the live record again: no deleted banner, no restore button.
    await expect(admin.page.getByText('此伙伴关系已删除')).toHaveCount(0);
    await expect(admin.page.getByRole('button', { name: '恢复' })).toHaveCount(0);
    await admin.page.goto('/partnerships?q=punjab');
    await expect(admin.page.getByRole('status')).toHaveText('1 partnership');
    await admin.context.close();
  });
});

test.describe('a partner from the gazetteer', () => {
  test('Baranya is found by typing, filled from ISO 3166-2, named in Chinese, and registered once; Pest is the registry\'s Pest County', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'editor');
    await page.goto('/zh/partnerships/new');
    await page.getByLabel('伙伴地方').selectOption({ label: '登记册中尚无的地方…' });
    await page.getByLabel('在地名库中查找').fill('baranya');
    await page.getByRole('button', { name: /^Baranya · 匈牙利/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Baranya，匈牙利' })).toBeVisible();
    await expect(page.getByLabel('英文名称')).toHaveValue('Baranya');
    await page.getByRole('button', { name: '登记伙伴关系' }).click();
    // The Chinese name is typed by staff, never guessed.
    await expect(page.getByText('请填写此项。').first()).toBeVisible();
    await page.getByLabel('中文名称').fill('巴兰尼亚州');
    await page.getByLabel('级别').selectOption('county');
    await page.getByLabel('类型').selectOption('friendly_cooperation_province');
    await page.getByLabel('建立时间').fill('2021-11');
    await page.getByRole('button', { name: '登记伙伴关系' }).click();
    await expect(page).toHaveURL(/\/zh\/partnerships\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('广州 – 巴兰尼亚州');
    await expect(page.getByText('县，匈牙利')).toBeVisible();

    // Searching again offers the registry's own Baranya instead of a second one; and ISO 3166-2's "Pest" is the
    // registry's "Pest County" (seeded), never a duplicate.
    await page.goto('/partnerships/new');
    await page.getByLabel('Partner locality').selectOption({ label: 'A locality not yet in the registry…' });
    const search = page.getByLabel('Find it in the gazetteer');
    await search.fill('baranya');
    await expect(page.getByRole('button', { name: /^Baranya · Hungary/ })).toContainText('already in the registry');
    await search.fill('pest');
    const known = page.getByRole('button', { name: /^Pest · Hungary/ });
    await expect(known).toContainText('already in the registry');
    await known.click();
    await expect(page.getByLabel('Partner locality')).toHaveValue(/^[0-9a-f-]{36}$/);
    await expect(page.getByLabel('Partner locality').locator('option:checked')).toHaveText(/^Pest County/);
    await context.close();
  });
});

test.describe('calendar dates in any time zone', () => {
  for (const timezoneId of ['Asia/Shanghai', 'America/Los_Angeles']) {
    test(`Fukuoka's 1979-05-02 stays 1979-05-02 in a browser on ${timezoneId}`, async ({ browser }) => {
      const { context, page } = await asRole(browser, 'editor', timezoneId);
      await openPartnership(page, 'fukuoka', 'Fukuoka');
      await expect(page.getByRole('region', { name: 'Partner' }).getByText('May 2, 1979', { exact: true })).toBeVisible();
      await page.getByRole('link', { name: 'Edit', exact: true }).click();
      await expect(page.getByLabel('Date established')).toHaveValue('1979-05-02');
      await page.goto(page.url().replace('/partnerships/', '/zh/partnerships/').replace(/\/edit$/, ''));
      await expect(page.getByRole('region', { name: '伙伴' }).getByText('1979年5月2日', { exact: true })).toBeVisible();
      await context.close();
    });
  }
});
