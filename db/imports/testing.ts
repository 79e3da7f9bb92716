import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '../index';
import { createImport, runCommit, runPreview, startCommit, uploadedImport, type CommitResult, type PreviewResult } from '../mutations/imports';
import type { Actor } from '../mutations/users';
import { imports } from '../schema';
import { readImportFile } from './lib';

// Helpers for integration tests of the import: what the upload route and the two background tasks do, awaited.
// Tests only.

/** Stores `bytes` as the upload route does and runs its first preview; the import's id and the preview's result. */
export async function uploadAndPreview(actor: Actor, bytes: Uint8Array, fileName = 'partners.csv'): Promise<{ id: string; preview: PreviewResult }> {
  const read = await readImportFile(bytes, {});
  if ('error' in read) throw new Error(`the test file does not read: ${read.error}`);
  const id = await createImport(db, actor, uploadedImport({ fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }, read));
  return { id, preview: await runPreview(db, id, 1) };
}

/** Commits a previewed import as the page's Commit button does, and waits for it. */
export async function commitNow(actor: Actor, id: string): Promise<CommitResult> {
  const [row] = await db.select({ version: imports.version }).from(imports).where(eq(imports.id, id));
  const claimed = await startCommit(db, id, row!.version);
  if (claimed.kind !== 'ok') throw new Error(`commit not claimed: ${claimed.kind}`);
  return runCommit(db, actor, id);
}

/** A UTF-8 CSV file of a header and rows (cells quoted when needed). */
export function csvBytes(rows: string[][]): Uint8Array {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return new TextEncoder().encode(rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n');
}
