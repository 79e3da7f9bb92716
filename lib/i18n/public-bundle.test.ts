import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Next bundles for the browser every client module that a page's server modules import, rendered or not. Public
// pages format nothing in the browser, so nothing they import may reach next-intl's client half (its Link and
// provider bring use-intl's message formatting, about 12 KB compressed): no 'next-intl' (only 'next-intl/server')
// and no lib/i18n/navigation.
function files(entry: string): string[] {
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).flatMap((name) => files(path.join(entry, name))).filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f));
}

const PUBLIC_TREE = [
  'app/[locale]/(public)',
  'app/[locale]/layout.tsx',
  'app/[locale]/error.tsx',
  'app/[locale]/not-found.tsx',
  'components/site-header.tsx',
  'components/site-footer.tsx',
  'components/locale-link.tsx',
  'components/locale-switch.tsx',
  'components/ui',
  'components/map',
];

describe('public pages', () => {
  it("import nothing of next-intl's client half", () => {
    const offenders = PUBLIC_TREE.flatMap(files).filter((file) =>
      /from '(next-intl|@\/lib\/i18n\/navigation|[./]+\/?i18n\/navigation)'/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
