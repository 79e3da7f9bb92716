'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { db } from '@/db/index';
import { commitInBackground, previewInBackground } from '@/db/imports/background';
import { IMPORT_FIELDS, IMPORT_LIMIT_VALUES, isImportEncoding, proposeMapping, readImportFile, usableMapping } from '@/db/imports/lib';
import { choosePreviewReading, decideDuplicate, discardImport, ImportGone, startCommit } from '@/db/mutations/imports';
import { queryImport, queryImportContent } from '@/db/queries/imports-core';
import { failure, invalid, type ActionState, type FieldErrors } from '@/lib/action-state';
import { authorizeAction } from '@/lib/auth/guards';
import { formFields } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import { duplicateDecisionSchema, importReadingSchema, importRefSchema } from '@/lib/validation/imports';

const CONFLICT: ActionState = { status: 'conflict', message: { key: 'imports.conflict' } };

/**
 * Back to the import's page. The page is the one the form was on: its router cache is dropped, else the browser
 * would show it as it was before the action (a commit would look as if it had not started).
 */
async function toImport(id: string, query: Record<string, string> = {}): Promise<never> {
  revalidatePath('/[locale]/partnerships/import/[id]', 'page');
  const locale = await getLocale();
  return redirect({ href: { pathname: `/partnerships/import/${id}`, query }, locale });
}

/**
 * Reads an import again with the user's choices (/partnerships/import/[id]): a corrected column mapping, another
 * encoding (CSV) or sheet (XLSX; its header gets a newly proposed mapping), at the version the page showed; the
 * preview then runs again after the response. Editors and admins. A field named by two columns, a mapping with no
 * usable column or a file that does not read with the encoding or sheet are named beside their fields.
 */
export async function chooseReadingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = formFields(formData, ['mapping']);
  const parsed = importReadingSchema.safeParse(fields);
  if (!parsed.success) return invalid(parsed.error, undefined, 'imports');
  const input = parsed.data;
  const imp = await queryImport(db, input.id);
  if (!imp) return failure('imports.gone');
  if (imp.version !== input.version) return CONFLICT;
  const encoding = imp.kind === 'csv' ? (input.encoding ?? imp.encoding) : null;
  if (encoding !== null && !isImportEncoding(encoding)) {
    return { status: 'invalid', fieldErrors: { encoding: { key: 'validation.invalid' } }, message: { key: 'validation.fixFields' } };
  }
  const sheet = imp.kind === 'xlsx' ? (input.sheet ?? imp.sheet) : null;
  let header = imp.header;
  let mapping: Array<string | null> = input.mapping.map((f) => f || null);
  if (encoding !== imp.encoding || sheet !== imp.sheet) {
    const content = await queryImportContent(db, imp.id);
    if (!content) return failure('imports.busy');
    const read = await readImportFile(content, { encoding: encoding ?? undefined, sheet: sheet ?? undefined }).catch(() => ({ error: 'unreadable' as const }));
    const field = imp.kind === 'csv' ? 'encoding' : 'sheet';
    if ('error' in read) return { status: 'invalid', fieldErrors: { [field]: { key: `imports.file_${read.error}`, values: IMPORT_LIMIT_VALUES } }, message: { key: 'validation.fixFields' } };
    // Another sheet, or a header that reads differently in another encoding: its own proposal.
    if (JSON.stringify(read.header) !== JSON.stringify(imp.header)) mapping = proposeMapping(read.header);
    header = read.header;
  } else {
    const known = new Set<string>(IMPORT_FIELDS);
    const errors: FieldErrors = {};
    if (mapping.length !== header.length) return failure('imports.conflict');
    const seen = new Map<string, number>();
    mapping.forEach((f, i) => {
      if (f === null) return;
      if (!known.has(f)) errors[`mapping.${i}`] = { key: 'validation.invalid' };
      else if (seen.has(f)) errors[`mapping.${i}`] = { key: 'imports.fieldTwice' };
      else seen.set(f, i);
    });
    if (Object.keys(errors).length > 0) return { status: 'invalid', fieldErrors: errors, message: { key: 'validation.fixFields' } };
    if (!usableMapping(mapping as never)) return { status: 'invalid', fieldErrors: { mapping: { key: 'imports.mappingUnusable' } }, message: { key: 'imports.mappingUnusable' } };
  }
  const result = await db.transaction((tx) => choosePreviewReading(tx, imp.id, input.version, { mapping, header, encoding, sheet }));
  if (result.kind === 'gone') return failure('imports.gone');
  if (result.kind === 'busy') return failure('imports.busy');
  if (result.kind === 'conflict') return CONFLICT;
  previewInBackground(imp.id, result.run);
  return toImport(imp.id);
}

/** Accepts or skips one possible duplicate of the preview. Editors and admins; back to the same page of the table. */
export async function decideDuplicateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = formFields(formData);
  const parsed = duplicateDecisionSchema.safeParse(fields);
  if (!parsed.success) return invalid(parsed.error);
  const { id, version, rowNumber, decision } = parsed.data;
  let result: Awaited<ReturnType<typeof decideDuplicate>>;
  try {
    result = await db.transaction((tx) => decideDuplicate(tx, id, version, rowNumber, decision));
  } catch (err) {
    if (err instanceof ImportGone) return failure('imports.rowGone');
    throw err;
  }
  if (result.kind !== 'ok') return CONFLICT;
  const back = typeof fields.back === 'string' ? new URLSearchParams(fields.back) : new URLSearchParams();
  const query: Record<string, string> = {};
  for (const key of ['class', 'page']) if (back.get(key)) query[key] = back.get(key)!.slice(0, 20);
  return toImport(id, query);
}

/**
 * Commits a previewed import at the version the page showed: the import is claimed ('committing') and the commit
 * runs after the response, in one transaction (see runCommit); the page shows its progress. Editors and admins.
 */
export async function commitImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const parsed = importRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => startCommit(tx, parsed.data.id, parsed.data.version));
  if (result.kind === 'gone') return failure('imports.gone');
  if (result.kind === 'conflict') return CONFLICT;
  commitInBackground(auth.user, parsed.data.id);
  return toImport(parsed.data.id);
}

/** Discards an import not yet committed (its file and preview are deleted). Editors and admins. */
export async function discardImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const parsed = importRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => discardImport(tx, parsed.data.id, parsed.data.version));
  if (result.kind === 'conflict') return CONFLICT;
  const locale = await getLocale();
  return redirect({ href: { pathname: '/partnerships/import', query: { done: 'discarded' } }, locale });
}
