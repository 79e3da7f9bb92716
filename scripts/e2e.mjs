// `npm run test:e2e`: builds the production app, then runs Playwright against it (see playwright.config.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const systemChromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(systemChromium)) {
  const { chromium } = await import('@playwright/test');
  if (!existsSync(chromium.executablePath())) {
    console.error(
      `No browser for the end-to-end tests: neither ${systemChromium} nor Playwright's Chromium is installed.\n` +
        'Install one of them: `apt-get install chromium` (Debian/Ubuntu), `npx playwright install chromium`, ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
    process.exit(1);
  }
}

if (process.env.E2E_SKIP_BUILD !== '1') run('npx', ['next', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
