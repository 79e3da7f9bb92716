import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './e2e/browser';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const executablePath = systemChromium();
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: executablePath ? { executablePath, args: CHROMIUM_ARGS } : {},
};

// Runs against a production build (`next build` first; scripts/e2e.mjs does both) on a freshly seeded database.
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: { ...browser } },
    { name: 'chromium', dependencies: ['setup'], use: { ...browser } },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
