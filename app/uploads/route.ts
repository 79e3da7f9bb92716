import { db } from '@/db/index';
import { insertSignedFile, type FileOwner } from '@/db/mutations/files';
import { getCurrentUser } from '@/lib/auth/guards';
import { can } from '@/lib/permissions';
import { publicUrl } from '@/lib/security/public-url';
import { originAllowed } from '@/lib/security/request-guard';
import { refusal, seeOther, toLogin } from '@/lib/uploads/answers';
import { discardBody, MAX_UPLOAD_BODY_BYTES, readUpload } from '@/lib/uploads/read-upload';
import { MAX_FILE_BYTES, safeReturnPath, signedFileProblem, uploadFieldsSchema, type FileError } from '@/lib/validation/files';

export const dynamic = 'force-dynamic';

const REFUSALS = {
  400: ['Bad request', '请求无效'],
  403: ['Forbidden', '禁止访问'],
  413: ['Too large: files up to 20 MB', '文件过大：上限为 20 MB'],
} as const;
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
  let origin: string | null;
  try {
    origin = publicUrl()?.origin ?? null;
  } catch {
    origin = null; // startup refuses an invalid AMITY_PUBLIC_URL before anything is served
  }
  if (!originAllowed('POST', request.headers, origin)) return refuse(403);

  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= MAX_UPLOAD_BODY_BYTES)) return refuse(413);
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return refuse(400);

  // A session that ended while the form was open is a real case: the body is read and dropped first, so the
  // browser gets the way to sign in rather than a reset connection.
  const user = await getCurrentUser();
  if (!user) {
    await discardBody(request.body, MAX_UPLOAD_BODY_BYTES);
    return toLogin(request);
  }
  if (user.mustChangePassword || user.mustEnrolTotp || !can(user.role, 'registry:write')) {
    await discardBody(request.body, MAX_UPLOAD_BODY_BYTES);
    return refuse(403);
  }

  const read = await readUpload(request.body, contentType, { maxFileBytes: MAX_FILE_BYTES, maxBodyBytes: MAX_UPLOAD_BODY_BYTES, fileField: 'file' });
  if (read.kind === 'too_large') return refuse(413);
  if (read.kind === 'malformed') return refuse(400);

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
  // The staff pages read the database on every request; no cache holds a list of files to invalidate.
  if (result.kind === 'gone') return back({ fileError: 'files.gone' });
  return back({ fileUploaded: '1' });
}
