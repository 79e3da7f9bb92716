import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { STORAGE } from './fixtures';

// Partners get renamed: an editor renames one on its locality page, and the old name still finds it, in the staff
// list and the public directory, in English and in Chinese. Tampere is renamed here for the test's sake only.

async function openLocality(page: Page, search: string, partner: string) {
  await page.goto(`/partnerships?q=${encodeURIComponent(search)}`);
  await page.getByRole('link', { name: partner, exact: true }).first().click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  await page.getByRole('link', { name: `About ${partner}: names and ties` }).click();
  await expect(page).toHaveURL(/\/localities\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(partner);
}

test.describe('renaming a partner', () => {
  test.use({ storageState: STORAGE.editor });
  // The directory test reads what the rename wrote.
  test.describe.configure({ mode: 'serial' });

  test('an editor renames Tampere; the old name finds it in both languages; bad input is refused beside the fields', async ({ page }) => {
    await openLocality(page, 'tampere', 'Tampere');
    await expect(page.getByText('City, Finland')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ties in the registry' }).getByRole('link', { name: 'Guangzhou – Tampere' })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    const localityUrl = page.url();

    const rename = page.getByRole('form', { name: 'Rename' });
    const nameEn = rename.getByRole('textbox', { name: 'New English name' });
    const date = rename.getByRole('textbox', { name: 'Date of the rename' });
    await nameEn.fill('');
    await date.fill('2016-13');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(nameEn).toHaveAccessibleDescription('Fill in this field.');
    await expect(date).toHaveAccessibleDescription(/Write a year \(1979\), a month \(1996-08\) or a day \(1979-05-02\)\.$/);
    await date.fill('2999');
    await expect(date).toHaveAccessibleDescription(/This date is in the future\.$/);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    // The same refusals in Chinese.
    await page.goto(localityUrl.replace('/localities/', '/zh/localities/'));
    const renameZh = page.getByRole('form', { name: '更名' });
    await renameZh.getByRole('textbox', { name: '新英文名称' }).fill('');
    await renameZh.getByRole('button', { name: '更名' }).click();
    await expect(renameZh.getByRole('textbox', { name: '新英文名称' })).toHaveAccessibleDescription('请填写此项。');
    await expect(renameZh.getByRole('textbox', { name: '更名日期' })).toHaveAccessibleDescription(/请填写年份（1979）、年月（1996-08）或日期（1979-05-02）。$/);

    await page.goto(localityUrl);
    await nameEn.fill('Tammerfors');
    await rename.getByRole('textbox', { name: 'New Chinese name' }).fill('塔默福斯');
    await date.fill('2025-03');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(page.getByText('Renamed. The former names are kept below.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tammerfors');
    const former = page.getByRole('region', { name: 'Former names' });
    await expect(former).toContainText('Tampere · 坦佩雷');
    await expect(former).toContainText('Renamed · used until March 2025');
    // The address did not change, and the tie is still there.
    expect(page.url().split('?')[0]).toBe(localityUrl);
    await expect(page.getByRole('region', { name: 'Ties in the registry' }).getByRole('link', { name: 'Guangzhou – Tammerfors' })).toBeVisible();

    // Staff list, English and Chinese, by the old name.
    await page.goto('/partnerships?q=tampere');
    const row = page.getByRole('row', { name: /Tammerfors/ });
    await expect(row).toContainText('formerly Tampere');
    await page.goto(`/zh/partnerships?q=${encodeURIComponent('坦佩雷')}`);
    await expect(page.getByRole('row', { name: /塔默福斯/ })).toContainText('旧称坦佩雷');
    // The partnership page shows the current name with the former one beside it.
    await page.getByRole('link', { name: '塔默福斯', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('广州 – 塔默福斯');
    await expect(page.getByText('旧称坦佩雷')).toBeVisible();
    await page.getByRole('link', { name: '关于塔默福斯：名称与结好关系' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('塔默福斯');
    await expect(page.getByRole('region', { name: '曾用名', exact: true })).toContainText('使用至2025年3月');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test('the public directory finds the renamed partner by its old name, in English and Chinese', async ({ page }) => {
    await page.goto('/partners?q=Tampere');
    await expect(page.getByRole('status')).toHaveText('1 partner matches “Tampere”');
    await expect(page.getByRole('row', { name: /Tammerfors/ })).toContainText('formerly Tampere');
    await page.goto(`/zh/partners?q=${encodeURIComponent('坦佩雷')}`);
    await expect(page.getByRole('row', { name: /塔默福斯/ })).toContainText('旧称坦佩雷');
  });
});

test.describe('a viewer on a locality page', () => {
  test.use({ storageState: STORAGE.viewer });

  test('reads the names and ties but has no forms', async ({ page }) => {
    await openLocality(page, 'lahore', 'Lahore');
    await expect(page.getByRole('region', { name: 'Former names' })).toContainText('No former names recorded.');
    await expect(page.getByRole('form')).toHaveCount(0);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});

test.describe('merging localities', () => {
  test.use({ storageState: STORAGE.admin });
  test.describe.configure({ mode: 'serial' });

  test('a merge that would duplicate a tie is refused beside the field; a merge moves the tie; an admin undoes it', async ({ page }) => {
    // Kyiv and Kherson are both friendly cooperation cities of Guangzhou: one locality cannot hold both ties.
    await openLocality(page, 'kyiv', 'Kyiv');
    const merge = page.getByRole('form', { name: 'Merge another locality into this one' });
    const picked = merge.getByRole('combobox', { name: 'Locality to merge in' });
    await merge.getByRole('button', { name: 'Merge into this locality' }).click();
    await expect(picked).toHaveAccessibleDescription(/Choose the locality to merge in\.$/);
    await picked.selectOption({ label: 'Kherson (赫尔松), City' });
    await merge.getByRole('button', { name: 'Merge into this locality' }).click();
    await expect(merge.getByText(/^Nothing was merged: this locality would have two live partnerships/)).toBeVisible();
    await expect(picked).toHaveAccessibleDescription(/Both localities have a tie of the same type with the same partner\.$/);

    // Bari (sister city) takes in Padua (friendly cooperation city) for the test's sake, then the merge is undone.
    await openLocality(page, 'bari', 'Bari');
    await merge.getByRole('combobox', { name: 'Locality to merge in' }).selectOption({ label: 'Padua (帕多瓦), City' });
    await merge.getByRole('textbox', { name: 'Date of the merger' }).fill('2024');
    await merge.getByRole('button', { name: 'Merge into this locality' }).click();
    await expect(page.getByText('Merged: the partnerships moved here.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ties in the registry' }).getByRole('link', { name: 'Guangzhou – Bari' })).toHaveCount(2);
    const former = page.getByRole('region', { name: 'Former names' });
    await expect(former).toContainText('Padua · 帕多瓦');
    await expect(former).toContainText('Merged in · used until 2024');
    await page.goto('/partnerships?q=padua');
    await expect(page.getByRole('row', { name: /Bari.*Friendly cooperation city/ })).toContainText('formerly Padua');
    await page.goBack();

    await former.getByRole('link', { name: /The merged record of Padua/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Padua');
    await expect(page.getByText('This locality was merged into Bari')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole('button', { name: 'Undo the merge' }).click();
    await expect(page.getByText('Merge undone: the locality is back with its partnerships.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ties in the registry' }).getByRole('link', { name: 'Guangzhou – Padua' })).toBeVisible();
    await page.goto('/partnerships?q=padua');
    await expect(page.getByRole('row', { name: /Padua/ })).not.toContainText('formerly');
  });
});
