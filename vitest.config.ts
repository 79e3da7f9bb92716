import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);
const resolve = {
  alias: {
    // Outside a Next server, cache tags have nowhere to go; the stand-in records the tags actions expire.
    'next/cache': path.join(root, 'db/testing/next-cache.ts'),
    '@': root,
    // Modules marked server-only are imported directly by tests, which run on the server side anyway.
    'server-only': path.join(root, 'node_modules/server-only/empty.js'),
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['{app,components,db,lib}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.{ts,tsx}', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['{app,components,db,lib}/**/*.int.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['./db/testing/setup.ts'],
          // next-intl imports 'next/navigation' without an extension, which only a bundler resolves.
          server: { deps: { inline: ['next-intl'] } },
          // Each file gets its own database; PGlite start-up and argon2 hashing are slow on two cores.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
