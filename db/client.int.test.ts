import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './client';

describe('lockDataDir', () => {
  const dir = () => path.join(mkdtempSync(path.join(tmpdir(), 'amity-lock-')), 'pglite');

  it('refuses a second opener of the same folder while the first holds it, and frees it on release', () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(readFileSync(`${d}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(d)).toThrow(/already open in this process/);
    release();
    expect(existsSync(`${d}.lock`)).toBe(false);
    lockDataDir(d)();
  });

  it('names the live process that holds the folder', () => {
    const d = dir();
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(`${d}.lock`, String(process.ppid));
    expect(() => lockDataDir(d)).toThrow(new RegExp(`in use by process ${process.ppid}; stop it first`));
  });

  it('takes over a lock left by a process that has died', () => {
    const d = dir();
    writeFileSync(`${d}.lock`, '2147483646');
    const release = lockDataDir(d);
    expect(readFileSync(`${d}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
