import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './messages/en.json';

// Every audit action the code writes has a label in the catalogue, so the audit page never shows a bare code.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('audit action labels', () => {
  it('cover every action written under app/ and db/', () => {
    const written = new Set<string>();
    for (const file of [...sources('app'), ...sources('db')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\baction: '([a-z_]+\.[a-z_]+)'/g)) written.add(m[1]!);
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:audit|changeUser)\([^)]*'([a-z_]+\.[a-z_]+)'/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(10);
    const labelled = new Set(Object.keys(en.auditActions).map((k) => k.replace(/__/g, '.')));
    expect([...written].filter((a) => !labelled.has(a))).toEqual([]);
  });
});
