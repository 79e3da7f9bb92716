import { db } from '@/db/index';
import { insertActivityPhoto } from '@/db/mutations/activity-photos';
import { publicDataChangedByRoute } from '@/lib/cache/public-data';
import { admitUpload, type UploadRefusals } from '@/lib/uploads/admit-upload';
import { refusal, seeOther } from '@/lib/uploads/answers';
import { processPhoto } from '@/lib/uploads/photo-image';
import { MAX_PHOTO_BYTES, PHOTO_HEAD_BYTES, photoFieldsSchema, photoFileProblem, safeActivityReturnPath, type PhotoError } from '@/lib/validation/activity-photos';

export const dynamic = 'force-dynamic';

const REFUSALS = {
  400: ['Bad request', '请求无效'],
  403: ['Forbidden', '禁止访问'],
  413: ['Too large: photos up to 10 MB', '文件过大：照片上限为 10 MB'],
} as const satisfies UploadRefusals;
const refuse = (status: keyof typeof REFUSALS) => refusal(status, REFUSALS[status]);

/**
 * POST /uploads/photos: one photo of an activity, from the photo form (activity-photos.tsx), with JavaScript or
 * without. Outside the proxy's matcher like /uploads, so the body streams here unbuffered; this handler makes the
 * proxy's origin check itself, then checks the session and registry:write, the declared length, and reads the body
 * with the same reader as /uploads: a file over 10 MiB is not kept (read on to 32 MiB, discarded, so the browser gets
 * its answer). Then the type by content, the pixels, and the resize (lib/uploads/photo-image.ts); one transaction
 * stores both copies and the audit event. Answers the form with a 303 back to its page carrying the outcome
 * (`?photoError=<key>` or `?photoUploaded=1`, at #photos); a request no form sends gets 400, 403 or 413.
 */
export async function POST(request: Request): Promise<Response> {
  const admitted = await admitUpload(request, { maxFileBytes: MAX_PHOTO_BYTES, fileField: 'photo', refusals: REFUSALS });
  if (admitted.kind === 'answer') return admitted.response;
  const { user, ...read } = admitted;

  const idOnly = photoFieldsSchema.pick({ activityId: true, returnTo: true }).safeParse(read.fields);
  if (!idOnly.success) return refuse(400);
  const { activityId, returnTo } = idOnly.data;
  const page = safeActivityReturnPath(returnTo, activityId) ?? `/activities/${activityId}`;
  const back = (outcome: { photoError: PhotoError } | { photoUploaded: '1' }) => seeOther(`${page}?${new URLSearchParams(outcome)}#photos`);

  const parsed = photoFieldsSchema.safeParse(read.fields);
  if (!parsed.success) return back({ photoError: parsed.error.issues[0]!.message as PhotoError });
  const { captionEn, captionZh, isPublic } = parsed.data;

  const file = read.file;
  // An empty file input sends a nameless, empty part.
  if (!file || (file.size === 0 && !file.name && !file.truncated)) return back({ photoError: 'activityPhotos.required' });
  // Only now, with the size within the limit, is the file joined into one buffer for decoding.
  const bytes = file.truncated ? new Uint8Array() : Buffer.concat(file.chunks);
  const problem = file.truncated ? 'activityPhotos.tooLarge' : photoFileProblem({ size: file.size, head: bytes.subarray(0, PHOTO_HEAD_BYTES) });
  if (problem) return back({ photoError: problem });

  const image = await processPhoto(bytes);
  if (image.kind === 'not_image') return back({ photoError: 'activityPhotos.notImage' });
  if (image.kind === 'too_many_pixels') return back({ photoError: 'activityPhotos.tooManyPixels' });

  const extension = image.mediaType === 'image/jpeg' ? 'jpg' : image.mediaType.slice('image/'.length);
  const result = await db.transaction((tx) =>
    insertActivityPhoto(tx, user, activityId, {
      fileName: file.name.replace(/[\u0000-\u001F\u007F]/g, '').trim() || `photo.${extension}`,
      mediaType: image.mediaType,
      byteSize: file.size,
      sha256: file.sha256,
      width: image.width,
      height: image.height,
      content: bytes,
      display: image.display,
      captionEn,
      captionZh,
      isPublic,
    }),
  );
  // A public photo shows on the public partner page, which is read from the cache.
  publicDataChangedByRoute();
  if (result.kind === 'gone') return back({ photoError: 'activityPhotos.gone' });
  return back({ photoUploaded: '1' });
}
