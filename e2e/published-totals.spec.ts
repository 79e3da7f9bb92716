import { expect, type Locator, type Page, test } from '@playwright/test';
import { STORAGE } from './fixtures';
import { actionId, callFormAction } from './support/actions';
import { asRole, cookieHeader, expectNoAxeViolations } from './support/roles';

// The office's announced counts beside the registry (/dashboard/announcements): the seeded three with the registry's
// figures on each date, recording, editing, deleting and restoring one, bad input refused beside the field with and
// without JavaScript, a viewer refused, both languages.

/** The figures table of the announcement headed `date`. */
const figures = (page: Page, date: string) => page.getByRole('region', { name: date, exact: true }).getByRole('table');

/**
 * A figure's row: the announced number, the registry's on that date and the difference, registry less announced.
 * Other specs add ties to the shared end-to-end database before this one runs, so the registry holds at least the
 * seed's figure (the integration tests check the exact figures on the seed alone).
 */
async function expectFigure(table: Locator, label: string, announced: number, seeded: number) {
  const row = table.getByRole('row', { name: new RegExp(`^${label}`) });
  await expect(row.getByRole('rowheader')).toHaveText(label);
  const [given, registry, difference] = (await row.getByRole('cell').allTextContents()).map((text) => Number(text.replace(/[,\s]/g, '').replace('−', '-')));
  expect(given).toBe(announced);
  expect(registry).toBeGreaterThanOrEqual(seeded);
  expect(difference).toBe(registry! - announced);
}

test.describe('the seeded announcements, as a viewer sees them', () => {
  test.use({ storageState: STORAGE.viewer });

  test('newest first, each figure beside the registry on that date and the difference', async ({ page }) => {
    await page.goto('/dashboard/announcements');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Published totals');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['April 19, 2022', 'November 24, 2021', 'November 19, 2021']);
    // The day Lahore joined: 99 in 65 announced, 82 in 59 on record (4 undated ties are not counted on a past date).
    const lahore = figures(page, 'November 19, 2021');
    await expectFigure(lahore, 'Partners in all', 99, 82);
    await expectFigure(lahore, 'Countries in all', 65, 59);
    await expect(page.getByRole('region', { name: 'November 19, 2021', exact: true })).toContainText('4 partners in the registry with no date of establishment are not counted');
    // The 38 sister cities are all on record; the friendly cooperation cities are not.
    const table = figures(page, 'April 19, 2022');
    await expectFigure(table, 'Sister partners', 38, 38);
    await expectFigure(table, 'Friendly cooperation partners', 63, 46);
    await expect(table.getByRole('row', { name: /Countries in all/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /People's Daily Online/ })).toHaveAttribute('href', 'http://en.people.cn/n3/2021/1120/c90000-9922200.html');
    // A viewer reads but changes nothing.
    await expect(page.getByRole('link', { name: 'Record an announcement' })).toHaveCount(0);
    await expect(page.getByText('Delete', { exact: true })).toHaveCount(0);
  });

  test('a viewer is refused the form, and a direct call of the action writes nothing', async ({ page, baseURL }) => {
    await page.goto('/dashboard/announcements');
    const before = await page.getByRole('heading', { level: 2 }).count();
    await page.goto('/dashboard/announcements/new');
    await expect(page).toHaveURL(/\/forbidden$/);
    const created = await callFormAction(baseURL!, '/dashboard/announcements/new', actionId('createPublishedTotalAction'), { announcedOn: '2021-01-01', partners: '1' }, { Cookie: cookieHeader('viewer') });
    expect(created.status).toBeLessThan(500);
    expect(await created.text()).toContain('auth.forbidden');
    await page.goto('/dashboard/announcements');
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(before);
  });

  for (const path of ['/dashboard/announcements', '/zh/dashboard/announcements']) {
    test(`axe finds nothing on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('keeping an announcement', () => {
  test.describe.configure({ mode: 'serial' });

  test('an editor records one, is refused bad input beside the field, edits it and deletes it', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'editor');
    await page.goto('/dashboard/announcements');
    await page.getByRole('link', { name: 'Record an announcement' }).click();
    await expect(page).toHaveURL(/\/dashboard\/announcements\/new$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('Date of the announcement').fill('2020-11-23');
    await page.getByLabel('Partners in all').fill('87');
    await page.getByLabel('Countries in all').fill('95');
    await page.getByLabel('Source', { exact: true }).fill('huacheng.gz-cmc.com');
    await page.getByRole('button', { name: 'Record announcement' }).click();
    await expect(page.getByLabel('Countries in all')).toHaveAccessibleDescription('There cannot be more countries than partners.');
    await page.getByLabel('Countries in all').fill('59');
    await page.getByRole('button', { name: 'Record announcement' }).click();
    await expect(page).toHaveURL(/\/dashboard\/announcements\?done=created$/);
    await expect(page.getByRole('status').filter({ hasText: 'The announcement was recorded.' })).toBeVisible();
    await expect(figures(page, 'November 23, 2020').getByRole('row', { name: /Partners in all/ })).toHaveText(/Partners in all\s*87\s*\d+/);

    await page.getByRole('link', { name: 'Edit the announcement of November 23, 2020' }).click();
    await expect(page.getByLabel('Partners in all')).toHaveValue('87');
    await page.getByLabel('Note').fill('The 2020 additions.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(/done=saved$/);
    await expect(page.getByRole('region', { name: 'November 23, 2020', exact: true })).toContainText('The 2020 additions.');

    const announcement = page.getByRole('region', { name: 'November 23, 2020', exact: true });
    await announcement.getByText('Delete', { exact: true }).first().click();
    await expect(announcement.getByText('Nothing is erased: an admin can restore it.')).toBeVisible();
    await announcement.getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL(/done=deleted$/);
    await expect(page.getByRole('region', { name: 'November 23, 2020', exact: true })).toHaveCount(0);
    await context.close();
  });

  test('an admin sees it among the deleted and restores it', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'admin');
    await page.goto('/dashboard/announcements');
    await page.getByRole('link', { name: 'Deleted announcements' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deleted announcements');
    await page.getByRole('button', { name: 'Restore the announcement of November 23, 2020' }).click();
    await expect(page).toHaveURL(/done=restored$/);
    await expect(page.getByRole('region', { name: 'November 23, 2020', exact: true })).toBeVisible();
    await context.close();
  });

  test('without JavaScript, in Chinese: refused beside the field with what was typed kept', async ({ browser }) => {
    const { context, page } = await asRole(browser, 'editor', { javaScriptEnabled: false });
    await page.goto('/zh/dashboard/announcements/new');
    await page.getByLabel('公布日期').fill('2021-11-19');
    await page.getByLabel('友城总数').fill('99');
    await page.getByLabel('友好城市（省州）数').fill('38');
    await page.getByLabel('友好合作交流城市数').fill('63');
    await page.getByRole('button', { name: '记录' }).click();
    await expect(page.getByLabel('友好合作交流城市数')).toHaveAccessibleDescription('友好城市与友好合作交流城市之和超过了友城总数。');
    await expect(page.getByLabel('友好城市（省州）数')).toHaveValue('38');
    await expect(page.getByLabel('公布日期')).toHaveValue('2021-11-19');
    await context.close();
  });
});
