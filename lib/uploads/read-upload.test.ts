import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { discardBody, readUpload } from './read-upload';

const LIMITS = { maxFileBytes: 1000, maxBodyBytes: 5000, fileField: 'file' };

/** A multipart body of the form, as a browser would send it, and its content type. */
async function encode(entries: Array<[string, string | File]>): Promise<{ body: Uint8Array; type: string }> {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}

/** The bytes as a stream in chunks of `size`, as a chunked request delivers them. */
function chunked(bytes: Uint8Array, size = 97): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

describe('readUpload', () => {
  it('reads the fields and the file as chunks, counted and hashed', async () => {
    const content = new Uint8Array(900).map((_, i) => i % 251);
    const { body, type } = await encode([['partnershipId', 'p'], ['file', new File([content], '协议.pdf')]]);
    const read = await readUpload(chunked(body), type, LIMITS);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.fields).toEqual({ partnershipId: 'p' });
    expect(read.file).toMatchObject({ name: '协议.pdf', size: 900, truncated: false, sha256: createHash('sha256').update(content).digest('hex') });
    expect(Buffer.concat(read.file!.chunks).equals(Buffer.from(content))).toBe(true);
    expect([...read.file!.head]).toEqual([...content.subarray(0, 8)]);
    expect(read.file!.tail.length).toBe(900);
  });

  it('reads a file over the limit to the end, keeping none of it', async () => {
    const { body, type } = await encode([['file', new File([new Uint8Array(3000)], 'big.pdf')], ['after', 'yes']]);
    const read = await readUpload(chunked(body), type, LIMITS);
    expect(read).toMatchObject({ kind: 'ok', fields: { after: 'yes' }, file: { truncated: true, chunks: [] } });
  });

  it('stops reading a body over its limit', async () => {
    const { body, type } = await encode([['file', new File([new Uint8Array(6000)], 'huge.pdf')]]);
    expect(await readUpload(chunked(body), type, LIMITS)).toEqual({ kind: 'too_large' });
  });

  it.each([
    ['no body', null, 'multipart/form-data; boundary=x'],
    ['not multipart', chunked(new TextEncoder().encode('a=b')), 'application/x-www-form-urlencoded'],
    ['no boundary', chunked(new TextEncoder().encode('x')), 'multipart/form-data'],
    ['garbage', chunked(new TextEncoder().encode('garbage')), 'multipart/form-data; boundary=zzz'],
  ])('calls %s malformed', async (_what, body, type) => {
    expect(await readUpload(body, type, LIMITS)).toEqual({ kind: 'malformed' });
  });

  it('calls a body that ends inside the file malformed', async () => {
    const { body, type } = await encode([['file', new File([new Uint8Array(500)], 'x.pdf')]]);
    expect(await readUpload(chunked(body.subarray(0, 300)), type, LIMITS)).toEqual({ kind: 'malformed' });
  });
});

describe('discardBody', () => {
  it('reads a body to its end, or stops past its limit', async () => {
    let pulled = 0;
    const body = (chunks: number) =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= chunks) return controller.close();
          pulled++;
          controller.enqueue(new Uint8Array(100));
        },
      });
    await discardBody(body(10), 5000);
    expect(pulled).toBe(10);
    pulled = 0;
    await discardBody(body(100), 450);
    expect(pulled).toBeLessThan(10);
    await expect(discardBody(null, 1)).resolves.toBeUndefined();
  });
});
