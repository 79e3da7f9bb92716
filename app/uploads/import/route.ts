import { db } from '@/db/index';
import { previewInBackground } from '@/db/imports/background';
import { IMPORT_MAX_BYTES, readImportFile } from '@/db/imports/lib';
import { createImport, uploadedImport } from '@/db/mutations/imports';
import { admitUpload, type UploadRefusals } from '@/lib/uploads/admit-upload';
import { refusal, seeOther } from '@/lib/uploads/answers';

export const dynamic = 'force-dynamic';

const MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
const REFUSALS = {
  400: ['Bad request', '请求无效'],
  403: ['Forbidden', '禁止访问'],
  413: [`Too large: files up to ${MB} MB`, `文件过大：上限为 ${MB} MB`],
} as const satisfies UploadRefusals;

/**
 * POST /uploads/import: a spreadsheet (CSV or XLSX, by content) for /partnerships/import, from its upload form, with
 * JavaScript or without. Outside the proxy's matcher, so the body streams here unbuffered; admitUpload makes the
 * proxy's origin check, refuses an oversize body from its length and while reading, and requires an editor or an
 * admin. A file that does not read (too large, not tabular, no header, too many rows or columns, no column the
 * import knows) goes back to the form with its message (`?error=<key>`) and nothing is stored; a good one is stored
 * with its proposed mapping, its preview starts after the response, and the browser goes to the import's page.
 * Never a 5xx for bad input.
 */
export async function POST(request: Request): Promise<Response> {
  const admitted = await admitUpload(request, { maxFileBytes: IMPORT_MAX_BYTES, fileField: 'file', refusals: REFUSALS });
  if (admitted.kind === 'answer') return admitted.response;
  const { user, fields, file } = admitted;
  const prefix = fields.locale === 'zh' ? '/zh' : '';
  const back = (error: string) => seeOther(`${prefix}/partnerships/import?${new URLSearchParams({ error })}`);

  // An empty file input sends a nameless, empty part.
  if (!file || (file.size === 0 && !file.name && !file.truncated)) return back('imports.fileRequired');
  if (file.truncated) return back('imports.file_too_large');
  const bytes = new Uint8Array(Buffer.concat(file.chunks));
  let read: Awaited<ReturnType<typeof readImportFile>>;
  try {
    read = await readImportFile(bytes, {});
  } catch (err) {
    console.warn({ msg: 'an import file did not read', error: err instanceof Error ? err.message : String(err) });
    return back('imports.file_unreadable');
  }
  if ('error' in read) return back(`imports.file_${read.error}`);
  const fileName = file.name.replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(0, 200) || 'import';
  const upload = uploadedImport({ fileName, bytes, sha256: file.sha256 }, read);
  if (upload.mapping.every((field) => field === null)) return back('imports.noUsableColumn');
  const id = await db.transaction((tx) => createImport(tx, user, upload));
  previewInBackground(id, 1);
  return seeOther(`${prefix}/partnerships/import/${id}`);
}
