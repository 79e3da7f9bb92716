import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, detectEncoding, readImportFile, type ImportEncoding, type ImportRead } from './read';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function read(bytes: Uint8Array, options?: Parameters<typeof readImportFile>[1]): Promise<ImportRead> {
  const result = await readImportFile(bytes, options);
  if ('error' in result) throw new Error(`refused: ${result.error}`);
  return result;
}

describe('readImportFile: CSV encodings', () => {
  // Real bytes in each encoding, made by iconv-lite (the encoder Excel's code pages need; Node only decodes them).
  const cases: Array<[ImportEncoding, string, string, string]> = [
    ['gb18030', '城市,国家,结好时间\n广州友好城市,日本,1979年5月2日\n', '城市', '广州友好城市'],
    ['gb18030', 'city_en,city_zh\nFukuoka,福冈\n', 'city_zh', '福冈'],
    ['cp949', '도시,국가\n부산,대한민국\n', '도시', '부산'],
    ['cp949', 'name,country\n부산,KR\n', 'name', '부산'],
    ['shift_jis', '都市,国\n福岡,日本\n', '都市', '福岡'],
    ['shift_jis', 'city,name_ja\nFukuoka,福岡\nOsaka,大阪\n', 'name_ja', '福岡'],
  ];

  it.each(cases)('detects and decodes %s: %j', async (encoding, text, headerCell, cell) => {
    const bytes = new Uint8Array(iconv.encode(text, encoding));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const file = await read(bytes);
    expect(file).toMatchObject({ kind: 'csv', encoding, detectedEncoding: encoding, sheets: [], sheet: null });
    expect(file.header).toContain(headerCell);
    expect(file.rows.flat()).toContain(cell);
  });

  it('reads UTF-8 with and without a byte-order mark, the mark not in the first header', async () => {
    for (const bytes of [utf8('\uFEFFcity,城市\nFukuoka,福冈\n'), utf8('city,城市\nFukuoka,福冈\n')]) {
      const file = await read(bytes);
      expect(file).toMatchObject({ encoding: 'utf-8', detectedEncoding: 'utf-8', header: ['city', '城市'], rows: [['Fukuoka', '福冈']] });
    }
    expect(detectEncoding(utf8('plain ascii'))).toBe('utf-8');
  });

  it('decodes in the encoding the user chose, and still says what was detected', async () => {
    const bytes = new Uint8Array(iconv.encode('城市,国家\n广州友好城市,日本\n', 'gb18030'));
    const chosen = await read(bytes, { encoding: 'shift_jis' });
    expect(chosen).toMatchObject({ encoding: 'shift_jis', detectedEncoding: 'gb18030' });
    expect(chosen.rows.flat()).not.toContain('广州友好城市');
    const back = await read(bytes, { encoding: 'gb18030' });
    expect(back.rows).toEqual([['广州友好城市', '日本']]);
  });

  it('decodes UTF-8 chosen for a GB18030 file with replacement characters, not a refusal', async () => {
    const bytes = new Uint8Array(iconv.encode('city,country\n广州,日本\n', 'gb18030'));
    const file = await read(bytes, { encoding: 'utf-8' });
    expect(file).toMatchObject({ encoding: 'utf-8', detectedEncoding: 'gb18030', header: ['city', 'country'] });
    expect(file.rows[0]!.join('')).toContain('\uFFFD');
  });
});

describe('readImportFile: CSV layout', () => {
  it('detects comma, semicolon and tab separators', async () => {
    for (const sep of [',', ';', '\t']) {
      const file = await read(utf8(['city', 'country', 'established'].join(sep) + '\n' + ['Fukuoka', 'JP', '1979-05-02'].join(sep) + '\n'));
      expect(file.header).toEqual(['city', 'country', 'established']);
      expect(file.rows).toEqual([['Fukuoka', 'JP', '1979-05-02']]);
    }
  });

  it("obeys Excel's sep= first line", async () => {
    const file = await read(utf8('sep=;\ncity;note\nFukuoka;a, b\n'));
    expect(file.header).toEqual(['city', 'note']);
    expect(file.rows).toEqual([['Fukuoka', 'a, b']]);
    expect(file.rowNumbers).toEqual([3]);
  });

  it("numbers each row by the line it starts on, through quoted line breaks, blank lines and mixed line ends", async () => {
    const text = 'city,note\r\n"Fukuoka","two\r\nlines"\r\n\r\nLos Angeles,x\nManila,"a ""quoted"" word"\n,\n';
    const file = await read(utf8(text));
    expect(file.rows).toEqual([
      ['Fukuoka', 'two\nlines'],
      ['Los Angeles', 'x'],
      ['Manila', 'a "quoted" word'],
    ]);
    expect(file.rowNumbers).toEqual([2, 5, 6]);
  });

  it('trims cells and pads or cuts rows to the header, which ends at its last named column', async () => {
    const file = await read(utf8(' city , country ,,\n  Fukuoka  \nOsaka,JP,extra,more\n'));
    expect(file.header).toEqual(['city', 'country']);
    expect(file.rows).toEqual([
      ['Fukuoka', ''],
      ['Osaka', 'JP'],
    ]);
  });

  it('reads the header from a later row when told, skipping a title above it', async () => {
    const file = await read(utf8('广州市国际友好城市一览表\n城市,国家\n福冈,日本\n'), { headerRow: 2 });
    expect(file.header).toEqual(['城市', '国家']);
    expect(file.rows).toEqual([['福冈', '日本']]);
    expect(file.rowNumbers).toEqual([3]);
  });

  it('reads the shared dataset: 93 rows under its ten columns', async () => {
    const { readFileSync } = await import('node:fs');
    const file = await read(new Uint8Array(readFileSync(new URL('../../db/seed/data/guangzhou-partner-cities.csv', import.meta.url))));
    expect(file.header).toHaveLength(10);
    expect(file.rows).toHaveLength(93);
    expect(file.rows[0]!.slice(0, 3)).toEqual(['Fukuoka', '福冈', 'JP']);
    expect(file.rowNumbers[92]).toBe(94);
  });
});

describe('readImportFile: refusals', () => {
  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.bytes + 1).fill(0x41);
    expect(await readImportFile(big)).toEqual({ error: 'too_large', limit: IMPORT_LIMITS.bytes });
  });

  it.each([
    ['a PDF', utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n')],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])],
    ['a legacy .xls (OLE2)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ['an HTML table saved as .xls', utf8('<html><body><table><tr><td>city</td></tr></table></body></html>')],
    ['SpreadsheetML 2003', utf8('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>')],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x63, 0x00, 0x69, 0x00, 0x74, 0x00, 0x79, 0x00])],
    ['binary data', new Uint8Array([0x63, 0x69, 0x74, 0x79, 0x00, 0x01, 0x02, 0x03])],
    ['text with control characters', utf8('city\x01,country\nFukuoka,JP\n')],
    ['a ZIP that is not a workbook', zipSync({ 'word/document.xml': strToU8('<w:document/>'), '[Content_Types].xml': strToU8('<Types/>') })],
    ['an empty ZIP', new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])],
  ])('refuses %s as not tabular', async (_, bytes) => {
    expect(await readImportFile(bytes)).toEqual({ error: 'not_tabular' });
  });

  it('refuses a file with no header', async () => {
    expect(await readImportFile(utf8(''))).toEqual({ error: 'no_header' });
    expect(await readImportFile(utf8('\nFukuoka,JP\n'))).toEqual({ error: 'no_header' });
    expect(await readImportFile(utf8('1979,33.6\n1981,34.05\n'))).toEqual({ error: 'no_header' });
    expect(await readImportFile(utf8('city,country\n'), { headerRow: 5 })).toEqual({ error: 'no_header' });
  });

  it('refuses a quote left open as unreadable', async () => {
    expect(await readImportFile(utf8('city,note\nFukuoka,"never closed\nOsaka,x\n'))).toEqual({ error: 'unreadable' });
  });

  it('refuses 100,001 rows at the limit, without reading them all', async () => {
    const text = 'city,country\n' + 'Fukuoka,JP\n'.repeat(100_001);
    const started = performance.now();
    expect(await readImportFile(utf8(text))).toEqual({ error: 'too_many_rows', limit: IMPORT_LIMITS.rows });
    expect(performance.now() - started).toBeLessThan(2_000);
    const limit = 'city,country\n' + 'Fukuoka,JP\n'.repeat(IMPORT_LIMITS.rows);
    expect((await read(utf8(limit))).rows).toHaveLength(IMPORT_LIMITS.rows);
  });

  it('refuses a row of 500 columns, in the header or below it', async () => {
    const wide = Array.from({ length: 500 }, (_, i) => `c${i}`).join(',');
    expect(await readImportFile(utf8(`${wide}\nFukuoka\n`))).toEqual({ error: 'too_many_columns', limit: IMPORT_LIMITS.columns });
    expect(await readImportFile(utf8(`city,country\n${wide}\n`))).toEqual({ error: 'too_many_columns', limit: IMPORT_LIMITS.columns });
    const trailingEmpty = `city,country${','.repeat(498)}\nFukuoka,JP${','.repeat(498)}\n`;
    expect((await read(utf8(trailingEmpty))).rows).toEqual([['Fukuoka', 'JP']]);
  });
});
