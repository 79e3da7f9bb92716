import { z } from 'zod';
import { checkbox } from './fields';

// Photos of an activity: the upload form's checks (in the browser before sending, and on the server as the body
// streams in, with the same schema), the upload's other fields, the outcome it leaves in the page's query string,
// and the references of delete and restore. Messages are catalogue keys. Imports no server code.

/** The largest photo, in bytes (10 MiB). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/**
 * The most pixels a photo may have (width × height, 50 megapixels: a 10 MB file can declare far more, and decoding
 * it would take gigabytes). A phone's or camera's photo is 12 to 48 megapixels.
 */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** The display copy's longest side, in pixels. */
export const DISPLAY_LONG_SIDE = 1600;
/** Caption length, in characters (a caption is a sentence; the upload reads at most 1,000 bytes a field). */
export const MAX_CAPTION_CHARS = 300;
/** How many bytes of the file's start the type check looks at. */
export const PHOTO_HEAD_BYTES = 12;

export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

/**
 * The image type a file is by its first bytes (JPEG: FF D8 FF; PNG: its 8-byte signature; WebP: a RIFF container
 * of form WEBP), or null for anything else, whatever its name or claimed type. SVG is text and is never an image here.
 */
export function photoTypeOf(head: Uint8Array): PhotoMediaType | null {
  const at = (i: number, bytes: number[]) => bytes.every((b, j) => head[i + j] === b);
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

/** A file as both sides see it before storing: its size in bytes and its first bytes. */
export const photoFileSchema = z
  .object({
    size: z
      .number()
      .int()
      .min(1, { message: 'activityPhotos.empty' })
      .max(MAX_PHOTO_BYTES, { message: 'activityPhotos.tooLarge' }),
    head: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
  })
  .refine((f) => f.size > MAX_PHOTO_BYTES || f.size === 0 || photoTypeOf(f.head) !== null, { message: 'activityPhotos.notImage', path: ['head'] });

export type PhotoFileFacts = z.input<typeof photoFileSchema>;

/** The first message a file gets, or null when it may go on to decoding. */
export function photoFileProblem(file: PhotoFileFacts): PhotoError | null {
  const parsed = photoFileSchema.safeParse(file);
  return parsed.success ? null : (parsed.error.issues[0]!.message as PhotoError);
}

const uuid = z.uuid({ message: 'validation.invalid' });
const caption = (tooLong: PhotoError) =>
  z
    .string()
    .trim()
    .max(MAX_CAPTION_CHARS, { message: tooLong })
    .optional()
    .transform((v) => v || null);

/** The upload form's fields besides the file. */
export const photoFieldsSchema = z.object({
  activityId: uuid,
  captionEn: caption('activityPhotos.captionEnTooLong'),
  captionZh: caption('activityPhotos.captionZhTooLong'),
  isPublic: checkbox,
  returnTo: z.string().max(300).optional(),
});

/**
 * Where a photo form may send the user back to: a page of that activity, as a local path (`/activities/<id>...` or
 * `/zh/activities/<id>...`), never another site or another record's page.
 */
export function safeActivityReturnPath(value: unknown, activityId: string): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  const m = /^(\/zh)?\/activities\/([0-9a-f-]{36})(\/[A-Za-z0-9/_-]*)?$/.exec(value);
  if (!m || m[2] !== activityId.toLowerCase() || value.includes('//')) return null;
  return value;
}

/** A stored photo to delete or restore, and the page of its activity to come back to. */
export const photoRefSchema = z.object({
  id: uuid,
  activityId: uuid,
  returnTo: z.string().max(300).optional(),
});

/** What an upload can end in, as shown beside its field: a catalogue key. */
export const PHOTO_ERRORS = [
  'activityPhotos.required',
  'activityPhotos.empty',
  'activityPhotos.tooLarge',
  'activityPhotos.notImage',
  'activityPhotos.tooManyPixels',
  'activityPhotos.captionEnTooLong',
  'activityPhotos.captionZhTooLong',
  'activityPhotos.gone',
] as const;
export type PhotoError = (typeof PHOTO_ERRORS)[number];

/** The outcome an upload left in the page's query string (`?photoError=...` or `?photoUploaded=1`), read by the form. */
export const photoOutcomeSchema = z.object({
  photoError: z.enum(PHOTO_ERRORS).optional().catch(undefined),
  photoUploaded: z.literal('1').optional().catch(undefined),
});
