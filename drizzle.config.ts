import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this: it diffs db/schema against drizzle/meta and needs no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
});
