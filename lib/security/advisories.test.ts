import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ADVISORIES, vulnerableInstalls } from './advisories';

// The versions package-lock.json installs (what `npm ci` gives CI and every deployment) against the advisories of
// lib/security/advisories.ts.
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, { version?: string }> };
const satisfies = (version: string, range: string) => semver.satisfies(version, range, { includePrerelease: true });

describe('security advisories against the installed versions', () => {
  it('no installed package is in an affected range', () => {
    const findings = vulnerableInstalls(lock, satisfies).map((f) => `${f.path}@${f.version}: ${f.advisory.id} (fixed in ${f.fixed})`);
    expect(findings).toEqual([]);
  });

  it('flags an affected version, nested copies included, and passes a fixed one', () => {
    const old = { packages: { 'node_modules/next': { version: '16.2.4' }, 'node_modules/x/node_modules/next': { version: '15.2.2' }, 'node_modules/react-dom': { version: '19.3.1' } } };
    const ids = vulnerableInstalls(old, satisfies).map((f) => `${f.path} ${f.advisory.id}`);
    expect(ids).toContain('node_modules/next CVE-2026-64642');
    expect(ids).toContain('node_modules/next CVE-2026-45109');
    expect(ids).toContain('node_modules/x/node_modules/next CVE-2025-29927');
    expect(vulnerableInstalls({ packages: { 'node_modules/next': { version: '16.4.6' } } }, satisfies)).toEqual([]);
    expect(vulnerableInstalls({ packages: { 'node_modules/react-server-dom-turbopack': { version: '19.3.0' } } }, satisfies).map((f) => f.advisory.id)).toEqual(['CVE-2026-126187']);
  });

  it('lists the advisories the project must track, each range valid and its fix outside it', () => {
    const ids = new Set(ADVISORIES.map((a) => a.id));
    for (const id of ['CVE-2025-29927', 'CVE-2025-55182', 'CVE-2026-64642']) expect(ids).toContain(id);
    for (const advisory of ADVISORIES) {
      expect(advisory.source).toMatch(/^https:\/\//);
      for (const { range, fixed } of advisory.affected) {
        expect(semver.validRange(range), `${advisory.id} ${range}`).not.toBeNull();
        if (fixed) {
          expect(semver.valid(fixed)).toBe(fixed);
          expect(satisfies(fixed, range), `${advisory.id}: ${fixed} in ${range}`).toBe(false);
        }
      }
    }
  });

  it('the lock file installs the packages the advisories are about', () => {
    // A renamed or removed lock entry must not make the first test pass by finding nothing.
    expect(lock.packages['node_modules/next']?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(lock.packages['node_modules/react']?.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
