import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect, test } from '@playwright/test';
import { actionId, callFormAction } from './support/actions';
import { type RunningServer, startServer } from './support/server';

// Stopping the server (SIGTERM from a process manager, Ctrl-C in a terminal) in the middle of writes: requests in
// flight are answered, the database is closed cleanly, the process exits 0, and every answered write is there.
// The writes are sign-in attempts: each one stores an attempt row and an audit event in one transaction.
const ATTEMPTS = 8;

async function signInStorm(server: RunningServer, onFirst: () => void): Promise<Response[]> {
  const id = actionId('signInAction');
  let first = true;
  return Promise.all(
    Array.from({ length: ATTEMPTS }, (_, i) =>
      callFormAction(server.base, '/login', id, { email: `nobody-${i}@amity.test`, password: 'not-the-password-1' }).then((res) => {
        if (first) {
          first = false;
          onFirst();
        }
        return res;
      }),
    ),
  );
}

async function failedSignIns(dataDir: string): Promise<number> {
  const db = new PGlite(dataDir);
  try {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'auth.sign_in_failed'`);
    return rows[0]!.n;
  } finally {
    await db.close();
  }
}

test.describe('graceful stop', () => {
  test.describe.configure({ timeout: 90_000 });

  for (const [how, signal, viaNpm] of [
    ['SIGTERM to the server', 'SIGTERM', false],
    ['Ctrl-C on `npm start` (SIGINT to the process group)', 'SIGINT', true],
  ] as const) {
    test(`${how}: requests in flight finish, PGlite closes, nothing is lost`, async () => {
      const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'amity-stop-')), 'pglite');
      const server = await startServer({ port: 3292, viaNpm, env: { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir } });
      const responses = await signInStorm(server, () => {
        if (viaNpm) process.kill(-server.child.pid!, signal);
        else server.child.kill(signal);
      });
      for (const res of responses) {
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('auth.invalid');
      }
      const code = await server.exited;
      // npm may end before the server it started has written its last line.
      await expect.poll(() => server.logLines().some((l) => l.msg === 'stopped'), { timeout: 20_000 }).toBe(true);
      const lines = server.logLines();
      const stopping = lines.find((l) => l.msg === 'stopping');
      expect(stopping, server.output()).toMatchObject({ signal });
      // The signal came while some of the attempts were still being answered.
      expect(Number(stopping!.inFlight)).toBeGreaterThan(0);
      expect(lines.at(-1)).toMatchObject({ msg: 'stopped', signal });
      if (!viaNpm) expect(code).toBe(0);
      // The folder opens again (no lock left behind, no recovery needed) with every answered write in it.
      expect(await failedSignIns(dataDir)).toBe(ATTEMPTS);
      const again = await startServer({ port: 3292, env: { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir } });
      expect(await again.stop()).toBe(0);
    });
  }
});
