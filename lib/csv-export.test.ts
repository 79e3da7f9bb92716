import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { toCsv } from './csv-export';

describe('toCsv', () => {
  it('writes a BOM, quotes what needs quoting and round-trips', () => {
    const text = toCsv(['name', 'note'], [['São Paulo', 'a "quoted", text\nover two lines'], ['拉合尔', null]]);
    expect(text.startsWith('\uFEFFname,note\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      { name: 'São Paulo', note: 'a "quoted", text\nover two lines' },
      { name: '拉合尔', note: '' },
    ]);
  });

  it('never lets a text cell start a formula, and keeps negative numbers', () => {
    const rows = parseCsv(toCsv(['v'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['\tx'], ['\rx'], [-3], [42]]));
    expect(rows.map((r) => r.v)).toEqual(["'=HYPERLINK(\"http://evil\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", '-3', '42']);
  });

  it('neutralises a formula in a text over several lines too', () => {
    const rows = parseCsv(toCsv(['v'], [['=1+2\nnote'], ['@A1\r\nx'], ['a\n=1']]));
    expect(rows.map((r) => r.v)).toEqual(["'=1+2\nnote", "'@A1\r\nx", 'a\n=1']);
  });
});
