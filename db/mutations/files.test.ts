import { describe, expect, it } from 'vitest';
import { partsOf } from './files';

describe('partsOf', () => {
  const bytes = new Uint8Array(2500).map((_, i) => i % 256);
  it.each([[[2500]], [[1, 999, 1000, 500]], [[300, 300, 300, 300, 300, 300, 300, 300, 100]], [[1000, 1000, 500]]])('regroups chunks of %j into parts of 1000', (sizes) => {
    const chunks: Uint8Array[] = [];
    let at = 0;
    for (const n of sizes) {
      chunks.push(bytes.subarray(at, at + n));
      at += n;
    }
    const parts = [...partsOf(chunks, 1000)];
    expect(parts.map((p) => p.byteLength)).toEqual([1000, 1000, 500]);
    expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);
  });
  it('gives nothing for nothing', () => {
    expect([...partsOf([])]).toEqual([]);
  });
});
