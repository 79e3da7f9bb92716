import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads a header and CRLF rows', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4\r\n')).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('name,note\n"Bình Dương, VN","say ""hi""\nthere"\n')).toEqual([
      { name: 'Bình Dương, VN', note: 'say "hi"\nthere' },
    ]);
  });

  it('keeps empty fields and a last line without a line break', () => {
    expect(parseCsv('a,b,c\n,,x')).toEqual([{ a: '', b: '', c: 'x' }]);
  });

  it('strips a byte-order mark', () => {
    expect(parseCsv('\ufeffa\n1\n')).toEqual([{ a: '1' }]);
  });

  it('rejects a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1\n')).toThrow(/row 2 has 1 fields/);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(/quoted field/);
  });
});
