import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

// A start that cannot work must exit with a one-line reason, not serve 500s. These start their own servers.
function start(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['next', 'start', '-p', '3297'], {
      env: { ...process.env, NODE_ENV: 'production', ...env } as NodeJS.ProcessEnv,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test.describe('start-up', () => {
  test.describe.configure({ timeout: 60_000 });

  test('exits non-zero when the database cannot be reached', async () => {
    const { code, output } = await start({
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
      AUTH_SECRET: 'x'.repeat(44),
    });
    expect(code).toBe(1);
    expect(output).toMatch(/amity: cannot start: database PostgreSQL at 127\.0\.0\.1:9\/none: .*ECONNREFUSED/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  test('exits non-zero without AUTH_SECRET in production', async () => {
    const { code, output } = await start({ AUTH_SECRET: '', DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' });
    expect(code).toBe(1);
    expect(output).toContain('amity: cannot start: AUTH_SECRET is not set');
  });
});
