import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// A start that cannot work must exit with a one-line reason, not serve 500s. These start their own servers.
function start(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['scripts/server.mjs', '-p', '3297'], {
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

  test('exits non-zero when another process holds the PGlite folder', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'amity-e2e-')), 'pglite');
    // This test process plays the other holder: its pid is in the lock and it is alive.
    writeFileSync(`${dir}.lock`, String(process.pid));
    const { code, output } = await start({ DATABASE_URL: '', PGLITE_DATA_DIR: dir, AUTH_SECRET: 'x'.repeat(44) });
    expect(code).toBe(1);
    expect(output).toContain(`amity: cannot start: database PGlite at ${dir}: PGlite folder ${dir} is in use by process ${process.pid}`);
  });
});
