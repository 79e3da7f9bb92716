import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { STORAGE } from './fixtures';
import { actionId, callFormAction } from './support/actions';

// The staff activity pages as the office uses them: the seeded Lahore activities, logging one donation to three
// partners with its total, bad input refused beside the fields, a stale edit, delete and restore, in both
// languages; viewers read and are refused the forms and the actions.

async function asRole(browser: Browser, role: keyof typeof STORAGE) {
  const context = await browser.newContext({ storageState: STORAGE[role] });
  return { context, page: await context.newPage() };
}

async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

/** The signed-in cookies of a role, as a Cookie header for a request made outside the browser. */
function cookieHeader(role: keyof typeof STORAGE): string {
  const state = JSON.parse(readFileSync(STORAGE[role], 'utf8')) as { cookies: Array<{ name: string; value: string }> };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

const TITLE = `Masks and thermometers for three partners ${Date.now().toString(36)}`;

test.describe('the seeded Lahore activities, as a viewer sees them', () => {
  test.use({ storageState: STORAGE.viewer });

  test('the masks and the Orange Line: partners, quantities, totals, organisation and milestone', async ({ page }) => {
    await page.goto('/activities?q=lahore');
    await expect(page.getByRole('link', { name: '20,000 disposable surgical masks donated to Lahore' })).toBeVisible();
    await page.getByRole('link', { name: 'Lahore Orange Line metro: operation and maintenance' }).click();
    await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lahore Orange Line metro: operation and maintenance');
    await expect(page.getByText('Infrastructure or technical project · Outgoing (given or sent) · Ongoing')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Organisations involved' })).toContainText('Consortium led by Guangzhou Metro: Operator and maintainer');
    const milestones = page.getByRole('region', { name: 'Milestones' });
    await expect(milestones.getByRole('listitem')).toContainText(['October 2020Start of operation']);
    // A viewer reads but changes nothing.
    await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
    await expect(page.getByText('Delete this activity')).toHaveCount(0);

    await page.goto('/activities?kind=donation&q=lahore');
    await page.getByRole('link', { name: '20,000 disposable surgical masks donated to Lahore' }).click();
    await expect(page.getByRole('row', { name: /Guangzhou – Lahore.*Pakistan.*Completed.*Disposable surgical masks: 20,000/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Totals' }).getByRole('row', { name: /Disposable surgical masks.*20,000.*1 partner/ })).toBeVisible();
  });

  test('a viewer is refused the forms, and a direct call of the action writes nothing', async ({ page, baseURL }) => {
    await page.goto('/activities/new');
    await expect(page).toHaveURL(/\/forbidden$/);
    await page.goto('/activities?q=orange');
    await page.getByRole('link', { name: 'Lahore Orange Line metro: operation and maintenance' }).click();
    await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
    const orange = new URL(page.url()).pathname;
    await page.goto(`${orange}/edit`);
    await expect(page).toHaveURL(/\/forbidden$/);

    await page.goto('/activities');
    const count = await page.getByRole('status').first().textContent();
    // The actions are public endpoints: called directly with a viewer's session, each refuses and writes nothing.
    const created = await callFormAction(baseURL!, '/activities/new', actionId('createActivityAction'), {
      kind: 'donation',
      status: 'completed',
      direction: 'outgoing',
      titleEn: 'Forged by a viewer',
      'partners.0.partnershipId': '00000000-0000-4000-8000-000000000000',
      'partners.0.status': 'completed',
    }, { Cookie: cookieHeader('viewer') });
    expect(created.status).toBeLessThan(500);
    expect(await created.text()).toContain('auth.forbidden');
    const deleted = await callFormAction(baseURL!, orange, actionId('deleteActivityAction'), { id: orange.split('/').pop()!, version: '1' }, { Cookie: cookieHeader('viewer') });
    expect(deleted.status).toBeLessThan(500);
    expect(await deleted.text()).toContain('auth.forbidden');
    await page.goto('/activities?q=Forged');
    await expect(page.getByRole('status').first()).toHaveText('No activities');
    await page.goto('/activities');
    await expect(page.getByRole('status').first()).toHaveText(count!);
    await page.goto(orange);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lahore Orange Line metro: operation and maintenance');
  });

  for (const path of ['/activities', '/zh/activities']) {
    test(`axe finds nothing on ${path} and an activity page`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: path.startsWith('/zh') ? '拉合尔轨道交通橙线运营维护' : 'Lahore Orange Line metro: operation and maintenance' }).click();
      await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('logging and keeping an activity', () => {
  test.describe.configure({ mode: 'serial' });
  let url = '';

  test('an editor logs one donation to three partners with different quantities and sees the total; bad input is refused beside the fields', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'editor');
    await page.goto('/activities');
    await page.getByRole('link', { name: 'Record an activity' }).click();
    await expect(page).toHaveURL(/\/activities\/new$/);
    await expectNoAxeViolations(page);

    await page.getByLabel('Title (English)', { exact: true }).fill(TITLE);
    await page.getByLabel('Title (Chinese)', { exact: true }).fill('向三个友城捐赠口罩和体温计');
    await page.getByLabel('Type', { exact: true }).selectOption('donation');
    await page.getByLabel('Start', { exact: true }).fill('2020-04');
    await page.getByLabel('End', { exact: true }).fill('2020-03-31');
    await page.getByLabel('Health', { exact: true }).check();
    await page.getByLabel('Partner 1', { exact: true }).selectOption({ label: 'Vancouver · 温哥华 (Canada)' });
    await page.getByLabel('Partner 2', { exact: true }).selectOption({ label: 'Fukuoka · 福冈 (Japan)' });
    await page.getByLabel('Partner 3', { exact: true }).selectOption({ label: 'Los Angeles · 洛杉矶 (United States)' });
    await page.getByLabel('Status for partner 3').selectOption('ongoing');
    const quantity = async (n: number, partner: string, item: string, amount: string) => {
      await page.getByLabel(`Quantity ${n}: for`).selectOption({ label: partner });
      await page.getByLabel(`Quantity ${n}: item (English)`).fill(item);
      await page.getByLabel(`Quantity ${n}: amount`).fill(amount);
      await page.getByLabel(`Quantity ${n}: unit`).fill('pieces');
    };
    await quantity(1, 'Vancouver · 温哥华 (Canada)', 'Surgical masks', '20,000');
    await quantity(2, 'Fukuoka · 福冈 (Japan)', 'Surgical masks', '-5000');
    await quantity(3, 'Los Angeles · 洛杉矶 (United States)', 'Surgical masks', 'lots');
    await page.getByLabel('Monetary value', { exact: true }).fill('150000');
    await page.getByLabel('Currency', { exact: true }).fill('XYZ');
    await page.getByRole('button', { name: 'Record activity' }).click();

    await expect(page.getByLabel('End', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('The end cannot be before the start.')).toBeVisible();
    await expect(page.getByLabel('Quantity 2: amount')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('The amount cannot be negative.')).toBeVisible();
    await expect(page.getByText('Write a number, such as 20000 or 12.5 (at most two decimals).')).toBeVisible();
    await expect(page.getByLabel('Currency', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Give an ISO 4217 currency code, such as CNY, USD or PKR.')).toBeVisible();
    await expect(page).toHaveURL(/\/activities\/new$/);
    await expectNoAxeViolations(page);

    await page.getByLabel('End', { exact: true }).fill('2020-05-20');
    await page.getByLabel('Quantity 2: amount').fill('15000');
    await page.getByLabel('Quantity 3: amount').fill('5000');
    // With JavaScript, rows are added as needed.
    await page.getByRole('button', { name: 'Add a quantity' }).click();
    await quantity(4, 'Vancouver · 温哥华 (Canada)', 'Thermometers', '200');
    await page.getByLabel('Currency', { exact: true }).fill('cny');
    await page.getByRole('button', { name: 'Record activity' }).click();
    await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
    url = new URL(page.url()).pathname;

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(page.getByText('April 2020 – May 20, 2020')).toBeVisible();
    await expect(page.getByText('CNY 150,000.00')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Partners (3)' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Guangzhou – Vancouver.*Surgical masks: 20,000 pieces.*Thermometers: 200 pieces/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Guangzhou – Los Angeles.*United States.*Ongoing.*Surgical masks: 5,000 pieces/ })).toBeVisible();
    const totals = page.getByRole('region', { name: 'Totals' });
    await expect(totals.getByRole('row', { name: /Surgical masks.*40,000.*pieces.*3 partners/ })).toBeVisible();
    await expect(totals.getByRole('row', { name: /Thermometers.*200.*pieces.*1 partner/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // The same in Chinese.
    await page.goto(`/zh${url}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('向三个友城捐赠口罩和体温计');
    await expect(page.getByText('2020年4月 – 2020年5月20日')).toBeVisible();
    await expect(page.getByRole('heading', { name: '友城（3）' })).toBeVisible();
    await expect(page.getByRole('region', { name: '合计' }).getByRole('row', { name: /Surgical masks.*40,000.*pieces.*3 个友城/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // It is found by its partner and its year, and not by another year.
    await page.goto(`/activities?q=${encodeURIComponent(TITLE)}&year=2020&kind=donation`);
    await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
    await page.goto(`/activities?q=${encodeURIComponent(TITLE)}&year=2021`);
    await expect(page.getByRole('link', { name: TITLE })).toHaveCount(0);
    await context.close();
  });

  test('its dates read the same in every time zone, on the page and in the form', async ({ browser }) => {
    for (const timezoneId of ['Pacific/Honolulu', 'Pacific/Kiritimati']) {
      const context = await browser.newContext({ storageState: STORAGE.editor, timezoneId });
      const page = await context.newPage();
      await page.goto(url);
      await expect(page.getByText('April 2020 – May 20, 2020')).toBeVisible();
      await page.goto(`${url}/edit`);
      await expect(page.getByLabel('Start', { exact: true })).toHaveValue('2020-04');
      await expect(page.getByLabel('End', { exact: true })).toHaveValue('2020-05-20');
      await context.close();
    }
  });

  test('a stale edit writes nothing and shows what the other editor changed', async ({ browser }) => {
    const first = await asRole(browser, 'editor');
    const second = await asRole(browser, 'admin');
    await first.page.goto(`${url}/edit`);
    await second.page.goto(`${url}/edit`);
    await expectNoAxeViolations(first.page);
    await first.page.getByLabel('Place (English)', { exact: true }).fill('Baiyun airport');
    await first.page.getByLabel('Quantity 1: amount').fill('25000');
    await first.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(first.page).toHaveURL(new RegExp(`${url}$`));
    await expect(first.page.getByRole('region', { name: 'Totals' }).getByRole('row', { name: /Surgical masks.*45,000/ })).toBeVisible();

    await second.page.getByLabel('Participants', { exact: true }).fill('12');
    await second.page.getByRole('button', { name: 'Save changes' }).click();
    const alert = second.page.getByRole('alert').filter({ hasText: 'Someone else saved' });
    await expect(alert).toContainText('Someone else saved this activity after you opened it. Nothing was saved.');
    await expect(alert).toContainText('editor@amity.test');
    await expect(alert).toContainText('Baiyun airport');
    await expect(alert.getByText('Quantities', { exact: true })).toBeVisible();
    await second.page.goto(url);
    await expect(second.page.getByText('Baiyun airport')).toBeVisible();
    await expect(second.page.getByRole('region', { name: 'Overview' }).getByText('12', { exact: true })).toHaveCount(0);
    await first.context.close();
    await second.context.close();
  });

  test('an editor deletes it; an admin finds it among the deleted and restores it', async ({ browser }) => {
    const editor = await asRole(browser, 'editor');
    await editor.page.goto(url);
    await editor.page.getByText('Delete this activity').click();
    await editor.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(editor.page).toHaveURL(/\/activities\?done=deleted$/);
    await expect(editor.page.getByText('The activity was deleted. An admin can restore it.')).toBeVisible();
    await editor.page.goto(`/activities?q=${encodeURIComponent(TITLE)}`);
    await expect(editor.page.getByRole('link', { name: TITLE })).toHaveCount(0);
    // Only admins see a deleted activity, even by its address.
    const gone = await editor.page.goto(url);
    expect(gone!.status()).toBe(404);
    await expect(editor.page.getByRole('heading', { name: TITLE })).toHaveCount(0);
    await editor.context.close();

    const admin = await asRole(browser, 'admin');
    await admin.page.goto('/activities');
    await admin.page.getByRole('link', { name: 'Deleted activities' }).click();
    await admin.page.getByRole('link', { name: TITLE }).click();
    await expect(admin.page.getByText('This activity is deleted.')).toBeVisible();
    await admin.page.getByRole('button', { name: 'Restore this activity' }).click();
    await expect(admin.page.getByText('The activity was restored.')).toBeVisible();
    await admin.page.goto(`/activities?q=${encodeURIComponent(TITLE)}`);
    await expect(admin.page.getByRole('link', { name: TITLE })).toBeVisible();
    await admin.context.close();
  });

  test('the form works without JavaScript: a partnership named in the address is the first partner', async ({ browser }) => {
    const context = await browser.newContext({ storageState: STORAGE.editor, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/partnerships?q=fukuoka');
    const tie = await page.getByRole('link', { name: 'Fukuoka', exact: true }).first().getAttribute('href');
    const id = tie!.split('/').pop()!;
    await page.goto(`/zh/activities/new?partnership=${id}`);
    await expect(page.getByLabel('友城 1', { exact: true })).toHaveValue(id);
    await expect(page.getByRole('button', { name: '添加数量' })).toHaveCount(0);
    await page.getByLabel('标题（英文）', { exact: true }).fill(`${TITLE} (no script)`);
    await page.getByLabel('类型', { exact: true }).selectOption('cultural_event');
    await page.getByLabel('开始', { exact: true }).fill('2019');
    await page.getByLabel('数量 1：物品（英文）').fill('Calligraphy sets');
    // Refused without scripts: the messages beside the fields, and what was typed still there.
    await page.getByLabel('结束', { exact: true }).fill('2018');
    await page.getByLabel('数量 1：数目').fill('-3');
    await page.getByRole('button', { name: '登记活动' }).click();
    await expect(page.getByText('结束日期不能早于开始日期。')).toBeVisible();
    await expect(page.getByText('数量不能为负数。')).toBeVisible();
    await expect(page.getByLabel('标题（英文）', { exact: true })).toHaveValue(`${TITLE} (no script)`);
    await expect(page.getByLabel('数量 1：物品（英文）')).toHaveValue('Calligraphy sets');
    await expect(page.getByLabel('友城 1', { exact: true })).toHaveValue(id);
    await page.getByLabel('结束', { exact: true }).fill('');
    await page.getByLabel('数量 1：数目').fill('30');
    await page.getByRole('button', { name: '登记活动' }).click();
    await expect(page).toHaveURL(/\/zh\/activities\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${TITLE} (no script)`);
    await expect(page.getByText('文化活动 · 赠出或派出 · 已完成')).toBeVisible();
    await expect(page.getByRole('region', { name: '合计' }).getByRole('row', { name: /Calligraphy sets.*30/ })).toBeVisible();
    await context.close();
  });
});

test.describe('what the public never sees', () => {
  test('an internal activity of a public tie reaches no public page, in either language', async ({ browser }) => {
    const marker = `INTERNAL-ONLY activity ${Date.now().toString(36)}`;
    const { context, page } = await asRole(browser, 'editor');
    await page.goto('/activities/new');
    await page.getByLabel('Title (English)', { exact: true }).fill(marker);
    await page.getByLabel('Title (Chinese)', { exact: true }).fill(`${marker} 内部`);
    await page.getByLabel('Type', { exact: true }).selectOption('delegation_visit');
    await page.getByLabel('Start', { exact: true }).fill('2024-05');
    await page.getByLabel('Partner 1', { exact: true }).selectOption({ label: 'Lahore · 拉合尔 (Pakistan)' });
    await page.getByLabel('Show in the public directory').uncheck();
    await page.getByRole('button', { name: 'Record activity' }).click();
    await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
    // Staff see it on Lahore's tie.
    await page.goto('/partnerships?q=lahore');
    await page.getByRole('link', { name: 'Lahore', exact: true }).first().click();
    await expect(page.getByText(marker).first()).toBeVisible();
    await context.close();

    const anonymous = await browser.newContext();
    for (const path of ['/', '/zh', '/partners', '/zh/partners', '/partners?q=lahore', '/zh/partners?q=%E6%8B%89%E5%90%88%E5%B0%94']) {
      const response = await anonymous.request.get(path);
      expect(response.status(), path).toBe(200);
      expect(await response.text(), path).not.toContain('INTERNAL-ONLY');
    }
    await anonymous.close();
  });
});
