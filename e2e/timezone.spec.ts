import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './fixtures';
import { startServer } from './support/server';

// The main e2e server runs on Asia/Shanghai; this one runs on America/Los_Angeles, fifteen or sixteen hours
// behind. A calendar date must read the same on both, in the page, the form and the CSV.
test.describe.configure({ timeout: 120_000 });

test('a server on America/Los_Angeles shows 1979-05-02 as 1979-05-02', async ({ page }) => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'amity-tz-')), 'pglite');
  const env = { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir, TZ: 'America/Los_Angeles' };
  const seed = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/seed.ts', '--demo-users'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(seed.status, seed.stderr).toBe(0);
  const server = await startServer({ port: 3295, env });
  try {
    const base = server.base;
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill('editor@amity.test');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await page.goto(`${base}/partnerships?q=fukuoka`);
    await expect(page.getByRole('row', { name: /Fukuoka.*May 2, 1979/ })).toBeVisible();
    await page.getByRole('link', { name: 'Fukuoka', exact: true }).click();
    await expect(page.getByText('May 2, 1979', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page.getByLabel('Date established')).toHaveValue('1979-05-02');
    const csv = await page.request.get(`${base}/partnerships/export?q=fukuoka`);
    expect(await csv.text()).toContain(',sister_city,active,1979-05-02,day,');
  } finally {
    expect(await server.stop()).toBe(0);
  }
});
