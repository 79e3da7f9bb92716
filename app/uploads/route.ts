import { db } from '@/db/index';
import { insertSignedFile, type FileOwner } from '@/db/mutations/files';
import { publicDataChangedByRoute } from '@/lib/cache/public-data';
import { admitUpload, type UploadRefusals } from '@/lib/uploads/admit-upload';
import { refusal, seeOther } from '@/lib/uploads/answers';
import { MAX_FILE_BYTES, safeReturnPath, signedFileProblem, uploadFieldsSchema, type FileError } from '@/lib/validation/files';

export const dynamic = 'force-dynamic';

const REFUSALS = {
  400: ['Bad request', '请求无效'],
  403: ['Forbidden', '禁止访问'],
  413: ['Too large: files up to 20 MB', '文件过大：上限为 20 MB'],
} as const satisfies UploadRefusals;
const refuse = (status: keyof typeof REFUSALS) => refusal(status, REFUSALS[status]);

/**
 * POST /uploads: one signed PDF for an agreement or a lifecycle step of a partnership, from the upload form
 * (components/forms/file-upload-form.tsx), with JavaScript or without. Outside the proxy's matcher, so the body
 * streams here unbuffered; this handler does the proxy's checks itself (origin) and its own (session, role, size
 * before and while reading, PDF by content). Answers the form with a 303 back to its page carrying the outcome
 * (`?fileError=<key>&fileOwner=<id>` or `?fileUploaded=1&fileOwner=<id>`); a request no form sends gets 400, 403
 * or 413. Never a 5xx for bad input.
 */
export async function POST(request: Request): Promise<Response> {
  const admitted = await admitUpload(request, { maxFileBytes: MAX_FILE_BYTES, fileField: 'file', refusals: REFUSALS });
  if (admitted.kind === 'answer') return admitted.response;
  const { user, ...read } = admitted;

  const parsed = uploadFieldsSchema.safeParse(read.fields);
  if (!parsed.success) return refuse(400);
  const { partnershipId, agreementId, statusEventId, isPublic, returnTo } = parsed.data;
  const owner: FileOwner = agreementId ? { agreementId } : { statusEventId: statusEventId! };
  const ownerId = agreementId ?? statusEventId!;
  const page = safeReturnPath(returnTo, partnershipId) ?? `/partnerships/${partnershipId}`;
  const back = (outcome: { fileError: FileError } | { fileUploaded: '1' }) =>
    seeOther(`${page}?${new URLSearchParams({ ...outcome, fileOwner: ownerId })}#files-${ownerId}`);

  const file = read.file;
  // An empty file input sends a nameless, empty part.
  if (!file || (file.size === 0 && !file.name && !file.truncated)) return back({ fileError: 'files.fileRequired' });
  const problem = file.truncated ? 'validation.fileTooLarge' : signedFileProblem(file);
  if (problem) return back({ fileError: problem });

  const result = await db.transaction((tx) =>
    insertSignedFile(tx, user, partnershipId, owner, {
      fileName: file.name.replace(/[\u0000-\u001F\u007F]/g, '').trim() || 'document.pdf',
      chunks: file.chunks,
      byteSize: file.size,
      sha256: file.sha256,
      isPublic,
    }),
  );
  // A file marked public shows on the public partner page, which is read from the cache.
  publicDataChangedByRoute();
  if (result.kind === 'gone') return back({ fileError: 'files.gone' });
  return back({ fileUploaded: '1' });
}
