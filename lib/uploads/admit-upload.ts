import { getCurrentUser, type CurrentUser } from '../auth/guards';
import { can } from '../permissions';
import { publicUrl } from '../security/public-url';
import { originAllowed } from '../security/request-guard';
import { refusal, toLogin } from './answers';
import { discardBody, MAX_UPLOAD_BODY_BYTES, readUpload, type UploadedFile } from './read-upload';

/** The words of a route's refusals (for requests no form sends), English and Chinese. */
export type UploadRefusals = Record<400 | 403 | 413, readonly [string, string]>;

/**
 * Everything an upload route outside the proxy must do before it looks at what was sent, in order: the proxy's
 * origin check (403), the declared length against MAX_UPLOAD_BODY_BYTES (413), a multipart body (400), a session
 * (a signed-out caller is sent to sign in) of an account that may write the registry (403) — the body of a refused
 * caller is read and dropped first, so the browser gets the answer rather than a reset connection — and then the
 * body read as a stream (`readUpload`: at most `maxFileBytes` of the file `fileField` kept, 413 past the body cap,
 * 400 when it does not parse). Either the answer to send now, or the caller, the text fields and the file.
 */
export async function admitUpload(
  request: Request,
  opts: { maxFileBytes: number; fileField: string; refusals: UploadRefusals },
): Promise<{ kind: 'answer'; response: Response } | { kind: 'read'; user: CurrentUser; fields: Record<string, string>; file: UploadedFile | null }> {
  const answer = (response: Response) => ({ kind: 'answer' as const, response });
  const refuse = (status: 400 | 403 | 413) => answer(refusal(status, opts.refusals[status]));
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
    return answer(toLogin(request));
  }
  if (user.mustChangePassword || user.mustEnrolTotp || !can(user.role, 'registry:write')) {
    await discardBody(request.body, MAX_UPLOAD_BODY_BYTES);
    return refuse(403);
  }

  const read = await readUpload(request.body, contentType, { maxFileBytes: opts.maxFileBytes, maxBodyBytes: MAX_UPLOAD_BODY_BYTES, fileField: opts.fileField });
  if (read.kind === 'too_large') return refuse(413);
  if (read.kind === 'malformed') return refuse(400);
  return { kind: 'read', user, fields: read.fields, file: read.file };
}
