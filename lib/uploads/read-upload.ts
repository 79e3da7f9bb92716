import { createHash } from 'node:crypto';
import Busboy from 'busboy';
import { FILE_HEAD_BYTES, FILE_TAIL_BYTES } from '../validation/files';

// Reads a multipart upload as it streams in: small fields as text, one file as the chunks that arrived (never
// joined into one buffer), counted and hashed on the way. Server only (node:crypto, busboy).

/**
 * The largest upload body read, in bytes. A file over MAX_FILE_BYTES is read on to this size and discarded, so the
 * browser gets the page with its message rather than a reset connection; a larger body is cut off (413).
 */
export const MAX_UPLOAD_BODY_BYTES = 32 * 1024 * 1024;

export interface UploadLimits {
  /** Bytes of the file kept at most; past this the file is marked `truncated` and its chunks dropped. */
  maxFileBytes: number;
  /** Bytes of the whole body read at most; past this reading stops ('too_large'). */
  maxBodyBytes: number;
  /** The form field that carries the file. */
  fileField: string;
}

export interface UploadedFile {
  name: string;
  /** The file's bytes as they arrived; empty when `truncated`. */
  chunks: Uint8Array[];
  /** Bytes received (up to maxFileBytes when truncated). */
  size: number;
  truncated: boolean;
  sha256: string;
  head: Uint8Array;
  tail: Uint8Array;
}

export type UploadRead =
  | { kind: 'ok'; fields: Record<string, string>; file: UploadedFile | null }
  | { kind: 'too_large' }
  | { kind: 'malformed' };

/** Fields of the upload form are short (ids, a path, a checkbox); anything longer is not ours. */
const FIELD_LIMITS = { fields: 10, fieldSize: 1000, fieldNameSize: 100, files: 1, parts: 12, headerPairs: 20 };

function bytesAt(chunks: Uint8Array[], fromEnd: boolean, count: number): Uint8Array {
  const picked: Uint8Array[] = [];
  let have = 0;
  for (let i = 0; i < chunks.length && have < count; i++) {
    const chunk = chunks[fromEnd ? chunks.length - 1 - i : i]!;
    const need = count - have;
    const part = fromEnd ? chunk.subarray(Math.max(0, chunk.byteLength - need)) : chunk.subarray(0, need);
    if (fromEnd) picked.unshift(part);
    else picked.push(part);
    have += part.byteLength;
  }
  return Buffer.concat(picked);
}

/**
 * Reads `body` (a request body of Content-Type `contentType`) with the given limits. The body is read to its end
 * even when the file is over the limit (the rest is discarded as it arrives), so the client gets an answer instead
 * of a reset connection; only a body over `maxBodyBytes` is cut off. Never throws for bad input: a body that is
 * not multipart, ends early or breaks the format gives 'malformed'.
 */
export async function readUpload(body: ReadableStream<Uint8Array> | null, contentType: string, limits: UploadLimits): Promise<UploadRead> {
  if (!body || !/^multipart\/form-data\s*;/i.test(contentType)) return { kind: 'malformed' };
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: { 'content-type': contentType },
      limits: { ...FIELD_LIMITS, fileSize: limits.maxFileBytes },
      defParamCharset: 'utf8',
    });
  } catch {
    return { kind: 'malformed' }; // not multipart, or no boundary
  }

  const fields: Record<string, string> = {};
  let file: (UploadedFile & { hash: ReturnType<typeof createHash> }) | null = null;
  let broken = false;

  const finished = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) broken = true;
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      // A stream nobody reads stalls the parser; one that errors unheard crashes the process.
      stream.on('error', () => {
        broken = true;
      });
      if (name !== limits.fileField || file) {
        stream.resume();
        return;
      }
      const received = { name: info.filename ?? '', chunks: [] as Uint8Array[], size: 0, truncated: false, sha256: '', head: new Uint8Array(), tail: new Uint8Array(), hash: createHash('sha256') };
      file = received;
      stream.on('data', (chunk: Buffer) => {
        if (received.truncated) return;
        received.chunks.push(chunk);
        received.size += chunk.byteLength;
        received.hash.update(chunk);
      });
      stream.on('limit', () => {
        received.truncated = true;
        received.chunks = []; // over the limit: nothing of it is kept
      });
    });
    parser.on('close', resolve);
    parser.on('error', reject);
  });
  // If reading stops early, the parser's outcome is no longer awaited.
  finished.catch(() => undefined);

  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBodyBytes) {
        await reader.cancel().catch(() => undefined);
        parser.destroy();
        return { kind: 'too_large' };
      }
      if (!parser.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            parser.off('drain', go);
            parser.off('error', go);
            parser.off('close', go);
            resolve();
          };
          parser.on('drain', go);
          parser.on('error', go);
          parser.on('close', go);
        });
      }
    }
    parser.end();
    await finished;
  } catch {
    await reader.cancel().catch(() => undefined);
    parser.destroy();
    return { kind: 'malformed' };
  }
  if (broken) return { kind: 'malformed' };
  const got = file as (UploadedFile & { hash: ReturnType<typeof createHash> }) | null;
  if (!got) return { kind: 'ok', fields, file: null };
  const { hash, ...rest } = got;
  return {
    kind: 'ok',
    fields,
    file: {
      ...rest,
      sha256: hash.digest('hex'),
      head: bytesAt(rest.chunks, false, FILE_HEAD_BYTES),
      tail: bytesAt(rest.chunks, true, FILE_TAIL_BYTES),
    },
  };
}

/**
 * Reads and discards a body up to `maxBytes`, then stops reading it: for a refusal answered after the body (so the
 * browser, still sending, gets the answer rather than a reset connection). Never throws.
 */
export async function discardBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<void> {
  if (!body) return;
  const reader = body.getReader();
  let total = 0;
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      total += r.value.byteLength;
      if (total > maxBytes) break;
    }
  } catch {
    // The client went away; nothing to answer.
  }
  await reader.cancel().catch(() => undefined);
}
