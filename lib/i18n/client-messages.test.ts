import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import { LOGIN_CLIENT_NAMESPACES, pickMessages, STAFF_CLIENT_NAMESPACES } from './client-messages';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [p] : [];
  });
}

describe('client message namespaces', () => {
  it('pick only the named namespaces', () => {
    expect(Object.keys(pickMessages(en, ['errors', 'nope']))).toEqual(['errors']);
  });

  it('cover every namespace a staff client component asks for by name', () => {
    const asked = new Set<string>();
    for (const file of [...files('app/[locale]/(staff)'), ...files('components')]) {
      const text = readFileSync(file, 'utf8');
      if (!text.startsWith("'use client'")) continue;
      for (const m of text.matchAll(/useTranslations\('([\w]+)'\)/g)) asked.add(m[1]!);
    }
    expect(asked.size).toBeGreaterThan(5);
    expect([...asked].filter((n) => !(STAFF_CLIENT_NAMESPACES as readonly string[]).includes(n))).toEqual([]);
  });

  it('give the sign-in form its messages', () => {
    const text = readFileSync('app/[locale]/login/_components/login-form.tsx', 'utf8');
    for (const m of text.matchAll(/useTranslations\('([\w]+)'\)/g)) expect(LOGIN_CLIENT_NAMESPACES as readonly string[]).toContain(m[1]);
  });
});
