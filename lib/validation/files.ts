import { z } from 'zod';
import { checkbox } from './fields';

// Signed files: the upload form's checks (in the browser before sending, and on the server as the body streams
// in, with the same schema), the upload's other fields, and the references of delete and restore. Messages are
// catalogue keys. Imports no server code.

/** The largest signed file, in bytes (20 MiB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How many bytes of the file's start and end the checks look at. */
export const FILE_HEAD_BYTES = 8;
export const FILE_TAIL_BYTES = 1024;

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

/**
 * Whether a file is a PDF by content (ISO 32000: it starts with `%PDF-` and ends, after trailing whitespace, with
 * `%%EOF` within its last 1 KiB), not by its name or the type the browser claimed. `tail` may be left out where only
 * the start is known yet.
 */
export function looksLikePdf(head: Uint8Array, tail?: Uint8Array): boolean {
  if (latin1(head.subarray(0, 5)) !== '%PDF-') return false;
  return tail === undefined || latin1(tail.subarray(Math.max(0, tail.length - FILE_TAIL_BYTES))).includes('%%EOF');
}

/**
 * A file as both sides see it before storing: its name, its size in bytes and its first and last bytes. The
 * browser builds it from the File the user picked; the server from the bytes it counted while streaming.
 */
export const signedFileSchema = z
  .object({
    name: z.string().trim().max(255).catch(''),
    size: z
      .number()
      .int()
      .min(1, { message: 'validation.fileEmpty' })
      .max(MAX_FILE_BYTES, { message: 'validation.fileTooLarge' }),
    head: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
    tail: z.custom<Uint8Array>((v) => v instanceof Uint8Array).optional(),
  })
  .refine((f) => f.size > MAX_FILE_BYTES || f.size === 0 || looksLikePdf(f.head, f.tail), { message: 'validation.notPdf', path: ['head'] });

export type SignedFileFacts = z.input<typeof signedFileSchema>;

/** The first message a file gets, or null when it may be stored. */
export function signedFileProblem(file: SignedFileFacts): FileError | null {
  const parsed = signedFileSchema.safeParse(file);
  return parsed.success ? null : (parsed.error.issues[0]!.message as FileError);
}

const uuid = z.uuid({ message: 'validation.invalid' });

/**
 * Where a form may send the user back to: a page of that partnership, as a local path (`/partnerships/<id>...` or
 * `/zh/partnerships/<id>...`), never another site or another record's page.
 */
export function safeReturnPath(value: unknown, partnershipId: string): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  const m = /^(\/zh)?\/partnerships\/([0-9a-f-]{36})(\/[A-Za-z0-9/_-]*)?$/.exec(value);
  if (!m || m[2] !== partnershipId.toLowerCase() || value.includes('//')) return null;
  return value;
}

/** The upload form's fields besides the file: the partnership, exactly one owner, who may see it, where to return. */
export const uploadFieldsSchema = z
  .object({
    partnershipId: uuid,
    agreementId: uuid.optional(),
    statusEventId: uuid.optional(),
    isPublic: checkbox,
    returnTo: z.string().max(300).optional(),
  })
  .refine((v) => (v.agreementId === undefined) !== (v.statusEventId === undefined), { message: 'validation.invalid', path: ['agreementId'] });

export type UploadFields = z.output<typeof uploadFieldsSchema>;

/** A stored file to delete or restore, and the page of its partnership to come back to. */
export const fileRefSchema = z.object({
  id: uuid,
  partnershipId: uuid,
  returnTo: z.string().max(300).optional(),
});

/** A stored file to mark public ('1') or internal ('0'), and the page to come back to. */
export const fileVisibilitySchema = fileRefSchema.extend({
  isPublic: z.enum(['0', '1'], { message: 'validation.invalid' }).transform((v) => v === '1'),
});

/** What an upload can end in, as shown beside the file field: a catalogue key. */
export const FILE_ERRORS = [
  'validation.fileTooLarge',
  'validation.fileEmpty',
  'validation.notPdf',
  'files.fileRequired',
  'files.gone',
] as const;
export type FileError = (typeof FILE_ERRORS)[number];

/** The outcome an upload left in the page's query string (`?fileError=...&fileOwner=...`), read by the form. */
export const uploadOutcomeSchema = z.object({
  fileError: z.enum(FILE_ERRORS).optional().catch(undefined),
  fileUploaded: z.literal('1').optional().catch(undefined),
  fileOwner: uuid.optional().catch(undefined),
});
