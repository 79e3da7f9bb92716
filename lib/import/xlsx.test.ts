import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, readImportFile, type ImportRead } from './read';
import { formatPrecision, withEastAsianDateFormats } from './xlsx';

async function read(bytes: Uint8Array, options?: Parameters<typeof readImportFile>[1]): Promise<ImportRead> {
  const result = await readImportFile(bytes, options);
  if ('error' in result) throw new Error(`refused: ${result.error}`);
  return result;
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The workbook with some of its parts' text rewritten (as other producers write them). */
function rewrite(bytes: Uint8Array, edit: (name: string, text: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) files[name] = strToU8(edit(name, strFromU8(files[name]!)));
  return zipSync(files);
}

const partners = (wb: ExcelJS.Workbook) => {
  const lists = wb.addWorksheet('Lists');
  lists.state = 'hidden';
  lists.addRow(['sister_city', 'friendly_cooperation_city']);
  const ws = wb.addWorksheet('Partners');
  ws.addRow(['city_en', 'city_zh', 'established', 'latitude', 'double', 'public', 'link', 'country']);
  ws.addRow(['Fukuoka', '福冈', new Date(Date.UTC(1979, 4, 2)), 33.6, { formula: 'D2*2', result: 67.2 }, true, { text: 'FAO', hyperlink: 'https://example.org' }, 'JP']);
  ws.getCell('C2').numFmt = 'yyyy-mm-dd';
  ws.addRow([]);
  ws.addRow([{ richText: [{ text: 'Los ' }, { text: 'Angeles', font: { bold: true } }] }, '洛杉矶', new Date(Date.UTC(1981, 11, 8)), -118.24368, { formula: 'D4*2' }, false, null, 'US']);
  ws.getCell('C4').numFmt = 'd mmmm yyyy';
  ws.addRow(['Osaka', '大阪', '1974', '  34.69  ', null, null, null, null]);
  ws.addRow(['Kobe', '神户', null, null, null, null, null, null]);
  ws.mergeCells('H5:H6');
  ws.getCell('H5').value = 'JP';
  ws.addRow([]);
  wb.addWorksheet('Notes').addRow(['note', 'text']).commit?.();
};

describe('formatPrecision and withEastAsianDateFormats', () => {
  it.each([
    ['yyyy-mm-dd', 'day'],
    ['d mmmm yyyy', 'day'],
    ['m/d/yy h:mm', 'day'],
    ['mmm-yy', 'month'],
    ['yyyy"年"m"月"', 'month'],
    ['[$-411]ge.m', 'month'],
    ['yyyy', 'year'],
    ['yyyy"年"', 'year'],
    ['"day "yyyy', 'year'],
    ['', 'day'],
    [undefined, 'day'],
  ])('reads the format %j as %s', (numFmt, precision) => {
    expect(formatPrecision(numFmt)).toBe(precision);
  });

  it('declares the East Asian date formats a workbook uses, once, and leaves others alone', () => {
    const styles = '<styleSheet xmlns="x"><cellXfs><xf numFmtId="31"/><xf numFmtId="57"/><xf numFmtId="32"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const patched = withEastAsianDateFormats(styles);
    expect(patched).toContain('<numFmts><numFmt numFmtId="31" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>');
    expect(patched).toContain('<numFmt numFmtId="57"');
    expect(patched).not.toContain('<numFmt numFmtId="32"');
    expect(withEastAsianDateFormats(patched)).toBe(patched);
    const defined = '<styleSheet><numFmts count="1"><numFmt numFmtId="31" formatCode="yyyy"/></numFmts><xf numFmtId="31"/></styleSheet>';
    expect(withEastAsianDateFormats(defined)).toBe(defined);
  });
});

describe('readImportFile: XLSX', () => {
  afterEach(() => {
    delete process.env.TZ;
  });

  it('reads the first visible sheet as text: dates as calendar dates, numbers as written, formulas by their cached value', async () => {
    const file = await read(await xlsx(partners));
    expect(file).toMatchObject({ kind: 'xlsx', encoding: null, detectedEncoding: null, sheets: ['Lists', 'Partners', 'Notes'], sheet: 'Partners' });
    expect(file.header).toEqual(['city_en', 'city_zh', 'established', 'latitude', 'double', 'public', 'link', 'country']);
    expect(file.rows).toEqual([
      ['Fukuoka', '福冈', '1979-05-02', '33.6', '67.2', 'true', 'FAO', 'JP'],
      ['Los Angeles', '洛杉矶', '1981-12-08', '-118.24368', '', 'false', '', 'US'],
      ['Osaka', '大阪', '1974', '34.69', '', '', '', 'JP'],
      ['Kobe', '神户', '', '', '', '', '', 'JP'],
    ]);
    expect(file.rowNumbers).toEqual([2, 4, 5, 6]);
  });

  it('gives the same calendar dates in any time zone of the server', async () => {
    const bytes = await xlsx(partners);
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Shanghai']) {
      process.env.TZ = zone;
      const file = await read(bytes);
      expect(file.rows.map((r) => r[2]), zone).toEqual(['1979-05-02', '1981-12-08', '1974', '']);
    }
  });

  it('keeps the precision a date cell shows: a month typed as Aug 1996 (mmm-yy), a year (yyyy)', async () => {
    const file = await read(
      await xlsx((wb) => {
        const ws = wb.addWorksheet('S');
        ws.addRow(['city', 'established']);
        for (const [numFmt, day] of [['mmm-yy', 1], ['yyyy"年"m"月"', 1], ['yyyy', 1], ['yyyy/m/d h:mm', 2]] as const) {
          const row = ws.addRow(['Fukuoka', new Date(Date.UTC(1996, 7, day))]);
          row.getCell(2).numFmt = numFmt;
        }
      }),
    );
    expect(file.rows.map((r) => r[1])).toEqual(['1996-08', '1996-08', '1996', '1996-08-02']);
  });

  it("reads the built-in date formats of Chinese, Japanese and Korean Excel as dates, not serial numbers", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['city', 'day', 'month']);
      ws.addRow(['Fukuoka', new Date(Date.UTC(1979, 4, 2)), new Date(Date.UTC(1996, 7, 1))]);
      ws.getCell('B2').numFmt = 'yyyy-mm-dd';
      ws.getCell('C2').numFmt = 'mmm yyyy';
    });
    // As Chinese Excel writes them: the cells use the ids 31 (1979年5月2日) and 57 (1996年8月), with no code.
    const builtIn = rewrite(bytes, (name, text) => {
      if (name !== 'xl/styles.xml') return text;
      const ids = [...text.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)];
      let out = text.replace(/<numFmts[^>]*>.*<\/numFmts>/s, '');
      for (const [, id, code] of ids) out = out.replaceAll(`numFmtId="${id}"`, `numFmtId="${code!.includes('d') ? 31 : 57}"`);
      return out;
    });
    expect(strFromU8(unzipSync(builtIn)['xl/styles.xml']!)).toMatch(/numFmtId="31".*numFmtId="57"/s);
    expect((await read(builtIn)).rows).toEqual([['Fukuoka', '1979-05-02', '1996-08']]);
  });

  it('reads dates of a workbook counted from 1904 (old Mac Excel)', async () => {
    const file = await read(
      await xlsx((wb) => {
        wb.properties.date1904 = true;
        const ws = wb.addWorksheet('S');
        ws.addRow(['city', 'established']);
        ws.addRow(['Fukuoka', new Date(Date.UTC(1979, 4, 2))]);
        ws.getCell('B2').numFmt = 'yyyy-mm-dd';
      }),
    );
    expect(file.rows).toEqual([['Fukuoka', '1979-05-02']]);
  });

  it('reads the sheet the user chose, and refuses a name the workbook lacks', async () => {
    const bytes = await xlsx(partners);
    expect(await read(bytes, { sheet: 'Notes' })).toMatchObject({ sheet: 'Notes', header: ['note', 'text'], rows: [] });
    expect(await read(bytes, { sheet: 'Lists' })).toMatchObject({ sheet: 'Lists', header: ['sister_city', 'friendly_cooperation_city'] });
    expect(await readImportFile(bytes, { sheet: 'Sheet9' })).toEqual({ error: 'no_sheet' });
  });

  it('lists the sheets in tab order, whatever the numbers of their parts', async () => {
    const bytes = rewrite(await xlsx(partners), (name, text) => {
      if (name !== 'xl/workbook.xml') return text;
      const sheets = [...text.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
      return text.replace(sheets.join(''), [sheets[2], sheets[1], sheets[0]].join(''));
    });
    const file = await read(bytes);
    expect(file.sheets).toEqual(['Notes', 'Partners', 'Lists']);
    expect(file.sheet).toBe('Notes');
  });

  it('reads a workbook whose relations name its parts by absolute paths (as openpyxl writes them)', async () => {
    const bytes = rewrite(await xlsx(partners), (name, text) =>
      name === 'xl/_rels/workbook.xml.rels' ? text.replace(/Target="(worksheets|styles|sharedStrings|theme)/g, 'Target="/xl/$1') : text,
    );
    expect(strFromU8(unzipSync(bytes)['xl/_rels/workbook.xml.rels']!)).toContain('Target="/xl/worksheets/sheet2.xml"');
    const file = await read(bytes);
    expect(file.sheet).toBe('Partners');
    expect(file.rows[0]).toEqual(['Fukuoka', '福冈', '1979-05-02', '33.6', '67.2', 'true', 'FAO', 'JP']);
  });

  it('reads a sheet laid out as an Excel table, with a comment and a link on its cells', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Cover').addRow(['About this file']);
      const ws = wb.addWorksheet('Ties');
      ws.addTable({
        name: 'Ties',
        ref: 'A1',
        headerRow: true,
        columns: [{ name: '城市' }, { name: '国家' }, { name: '类型' }],
        rows: [
          ['福冈', '日本', '友好城市'],
          ['釜山', '韩国', '友好合作交流城市'],
        ],
      });
      ws.getCell('A2').note = 'checked 2024';
      ws.getCell('B3').value = { text: '韩国', hyperlink: 'https://example.org/kr' };
    });
    const file = await read(bytes, { sheet: 'Ties' });
    expect(file.header).toEqual(['城市', '国家', '类型']);
    expect(file.rows).toEqual([
      ['福冈', '日本', '友好城市'],
      ['釜山', '韩国', '友好合作交流城市'],
    ]);
  });

  it('refuses a sheet whose first row is empty or has no text cell', async () => {
    const emptyFirst = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A2').value = 'city';
      ws.getCell('A3').value = 'Fukuoka';
    });
    expect(await readImportFile(emptyFirst)).toEqual({ error: 'no_header' });
    const numbersOnly = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow([1979, new Date(Date.UTC(1979, 4, 2)), 33.6]);
      ws.addRow(['Fukuoka']);
    });
    expect(await readImportFile(numbersOnly)).toEqual({ error: 'no_header' });
    expect(await readImportFile(await xlsx((wb) => wb.addWorksheet('Empty')))).toEqual({ error: 'no_header' });
  });

  it('reads a header below a title row when told', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['广州市国际友好城市一览表']);
      ws.mergeCells('A1:C1');
      ws.addRow(['城市', '国家', '结好时间']);
      ws.addRow(['福冈', '日本', '1979年5月2日']);
    });
    expect(await read(bytes, { headerRow: 2 })).toMatchObject({ header: ['城市', '国家', '结好时间'], rows: [['福冈', '日本', '1979年5月2日']], rowNumbers: [3] });
  });

  it('refuses a row of 500 columns', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['city', 'country']);
      ws.addRow(Array.from({ length: 500 }, (_, i) => `v${i}`));
    });
    expect(await readImportFile(bytes)).toEqual({ error: 'too_many_columns', limit: IMPORT_LIMITS.columns });
  });

  it('refuses 100,001 rows at the limit, streaming, without loading the sheet', async () => {
    const rows = Array.from({ length: 100_002 }, (_, i) =>
      i === 0 ? '<row r="1"><c r="A1" t="inlineStr"><is><t>city</t></is></c></row>' : `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const bytes = rewrite(await xlsx((wb) => wb.addWorksheet('S').addRow(['city'])), (name, text) =>
      name === 'xl/worksheets/sheet1.xml' ? text.replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${rows.join('')}</sheetData>`) : text,
    );
    const started = performance.now();
    expect(await readImportFile(bytes)).toEqual({ error: 'too_many_rows', limit: IMPORT_LIMITS.rows });
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 30_000);

  it('refuses a workbook whose parts declare more than the unpacked limit, before unpacking them', async () => {
    const bytes = zipSync(unzipSync(await xlsx(partners)), { level: 0 });
    // Rewrite the declared size of sheet2.xml in the central directory (signature PK\x01\x02, size at +24).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const name = strFromU8(bytes.subarray(i + 46, i + 46 + nameLength));
      if (name === 'xl/worksheets/sheet2.xml') {
        view.setUint32(i + 24, IMPORT_LIMITS.unpackedBytes + 1, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    expect(await readImportFile(bytes)).toEqual({ error: 'too_large_unpacked', limit: IMPORT_LIMITS.unpackedBytes });
  });

  it('cuts an entry that inflates past its declared size instead of growing it (a lying ZIP bomb)', async () => {
    const files = unzipSync(await xlsx(partners));
    const sheet = strFromU8(files['xl/worksheets/sheet2.xml']!);
    files['xl/worksheets/sheet2.xml'] = strToU8(sheet.replace('<sheetData>', `<sheetData>${' '.repeat(200 * 1024 * 1024)}`));
    const bytes = zipSync(files, { level: 9 });
    expect(bytes.byteLength).toBeLessThan(IMPORT_LIMITS.bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const name = strFromU8(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
      if (name === 'xl/worksheets/sheet2.xml') view.setUint32(i + 24, 4096, true);
    }
    const before = process.memoryUsage().rss;
    const result = await readImportFile(bytes);
    // The sheet is cut at its declared 4 KiB: what is left has no row, or does not parse.
    expect(['no_header', 'unreadable']).toContain('error' in result ? result.error : 'read');
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  }, 30_000);

  it('refuses a damaged workbook as unreadable', async () => {
    const bytes = await xlsx(partners);
    expect(await readImportFile(bytes.subarray(0, bytes.length - 100))).toEqual({ error: 'unreadable' });
    const noRels = unzipSync(bytes);
    delete noRels['xl/_rels/workbook.xml.rels'];
    expect(await readImportFile(zipSync(noRels))).toEqual({ error: 'unreadable' });
  });
});
