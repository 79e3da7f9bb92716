import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import type { ImportRowClass } from '@/lib/import-domain';
import { db } from '../index';
import { queryImport, queryImportRows, queryRecentImports, type ImportRowView, type ImportView } from './imports-core';

export type { ImportRowView, ImportView };

/** One import, or null. Editors and admins (registry:write). */
export async function getImport(id: string): Promise<ImportView | null> {
  await requireCapability('registry:write', `/partnerships/import/${id}`);
  return queryImport(db, id);
}

/** A page of an import's preview rows. Editors and admins. */
export async function listImportRows(imp: { id: string; previewRun: number }, filter: { class?: ImportRowClass; page: number }) {
  await requireCapability('registry:write', `/partnerships/import/${imp.id}`);
  return queryImportRows(db, imp, filter);
}

/** The latest imports. Editors and admins. */
export async function listRecentImports() {
  await requireCapability('registry:write', '/partnerships/import');
  return queryRecentImports(db);
}
