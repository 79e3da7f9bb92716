import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from './fixtures';
import { expectNoAxeViolations } from './support/roles';
import { startServer, type RunningServer } from './support/server';

// The spreadsheet import on a server of its own over an empty registry (just Guangzhou and the demo staff): the
// shared dataset becomes 93 partners; a GB18030 file with Chinese headers, read without JavaScript in Chinese,
// has its mapping fixed and is committed; the import is in the audit trail; axe on every page of it.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: RunningServer;
let base: string;
const PORT = Number(process.env.E2E_IMPORT_PORT ?? 3261);

test.beforeAll(async () => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'amity-import-')), 'pglite');
  const env = { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir };
  const made = spawnSync('npx', ['tsx', '--conditions=react-server', 'e2e/support/empty-registry.ts'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  server = await startServer({ port: PORT, env });
  base = server.base;
});

test.afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function signIn(page: Page, email: string, prefix = '') {
  await page.goto(`${base}${prefix}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
}

test('the shared dataset becomes 93 partners of an empty registry', async ({ page }) => {
  await signIn(page, 'editor@amity.test');
  await page.goto(`${base}/partnerships`);
  await expect(page.getByRole('status').filter({ hasText: 'No partnerships' })).toBeVisible();
  await page.getByRole('link', { name: 'Import a spreadsheet' }).click();
  await expect(page.getByRole('heading', { name: 'Import partnerships' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Spreadsheet file').setInputFiles('db/seed/data/guangzhou-partner-cities.csv');
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page).toHaveURL(/\/partnerships\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Rows of the file' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'New: 93' })).toBeVisible();
  await expect(page.getByText('Every column is imported.')).toBeVisible();
  await expect(page.getByLabel(/^country_code/)).toHaveValue('partner_country');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Commit the import' }).click();
  await expect(page.getByRole('heading', { name: 'Import committed' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'See the partnerships' }).click();
  await expect(page.getByRole('status').filter({ hasText: '93 partnerships' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Fukuoka/ })).toBeVisible();
});

test('a GB18030 file with Chinese headers, without JavaScript, in Chinese: fix the mapping, commit', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'editor@amity.test', '/zh');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'amity-gb-')), '友城名单.csv');
  // 英文城市名 is not a header the import knows: the English name column is left unmapped at first.
  const text = '城市,英文城市名,国家,关系类型,结好时间\r\n库斯科,Cusco,秘鲁,友好合作城市,2004年11月18日\r\n阿雷格里港,Porto Alegre,巴西,友好合作城市,2017.6.5\r\n';
  writeFileSync(file, iconv.encode(text, 'gb18030'));
  await page.goto(`${base}/zh/partnerships/import`);
  await page.getByLabel('表格文件').setInputFiles(file);
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '文件各行' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('GB18030', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('忽略的列：英文城市名')).toBeVisible();
  await expect(page.getByRole('link', { name: '错误：2' })).toBeVisible();
  await page.getByLabel('英文城市名').selectOption('partner_en');
  await page.getByRole('button', { name: '重新预览' }).click();
  await expect(page.getByRole('link', { name: '新增：2' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('所有列均会导入。')).toBeVisible();
  await page.getByRole('button', { name: '提交导入' }).click();
  await expect(page.getByRole('heading', { name: '导入已提交' })).toBeVisible({ timeout: 30_000 });
  await page.goto(`${base}/zh/partnerships?q=cusco`);
  await expect(page.getByRole('row', { name: /库斯科/ })).toBeVisible();
  await context.close();
});

test('the import is in the audit trail, and the export reads back as 95 unchanged rows', async ({ page }) => {
  await signIn(page, 'admin@amity.test');
  // The Chinese pages, with JavaScript this time, for axe.
  await page.goto(`${base}/zh/partnerships/import`);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '友城名单.csv' }).click();
  await expect(page.getByRole('heading', { name: '导入已提交' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`${base}/admin/audit?action=import.commit`);
  await expect(page.getByRole('row', { name: /Spreadsheet imported/ })).toHaveCount(2);
  await page.goto(`${base}/partnerships/import`);
  await page.getByRole('link', { name: 'guangzhou-partner-cities.csv' }).click();
  await page.getByRole('link', { name: 'See it in the audit trail' }).click();
  await expect(page.getByRole('row', { name: /Spreadsheet imported/ })).toBeVisible();
  // Export as XLSX and import it back: nothing to write.
  const xlsx = await page.request.get(`${base}/partnerships/export?format=xlsx`);
  expect(xlsx.status()).toBe(200);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'amity-x-')), 'partnerships.xlsx');
  writeFileSync(file, await xlsx.body());
  await page.goto(`${base}/partnerships/import`);
  await page.getByLabel('Spreadsheet file').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByRole('link', { name: 'Unchanged: 95' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Nothing to write')).toBeVisible();
});
