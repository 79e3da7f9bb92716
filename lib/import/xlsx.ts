import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { IMPORT_LIMITS, tableBuilder, type ImportFileError, type Table } from './read';

// An XLSX workbook read with exceljs 4.4.0, behind a guard against ZIP bombs: the archive is listed and unpacked
// with fflate (which reads the central directory and writes each entry into a buffer of its declared size, so a
// lying entry is cut short rather than grown), only the parts needed are unpacked and only after their declared
// sizes are checked against IMPORT_LIMITS.unpackedBytes, and exceljs reads a new archive of those parts alone.
// Up to three passes, all through exceljs's public API:
// 1. the sheet names: the workbook and its relations, each sheet replaced by a stub naming its own part, loaded;
// 2. the chosen sheet streamed row by row (WorkbookReader), stopping at the first row over a limit;
// 3. only when the sheet has merged cells: the workbook loaded, the other sheets stubbed, so that a merged cell
//    gives its value to every cell it covers (a country written once for a group of cities); the load also resolves
//    the sheet's links, comments and tables, which are parts of their own. It costs about three times the stream.
// Sheet parts are found where exceljs looks for them, xl/worksheets/sheetN.xml, as every producer we know writes.

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function stubSheet(marker: string): Uint8Array {
  const text = marker.replace(/[<>&]/g, '');
  return strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}"><sheetData>` +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`,
  );
}

const EMPTY_SHARED_STRINGS = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN_NS}" count="0" uniqueCount="0"/>`);

/**
 * How much of a date a number format shows: 'month' when it has a month but no day ("mmm-yy", which Excel gives
 * to a typed "Aug 1996"; yyyy"年"m"月"), 'year' for a year alone ("yyyy"), 'day' otherwise (no format included).
 * Quoted text, [bracketed] codes and escaped characters are ignored; a format with a day or a time is 'day'.
 */
export function formatPrecision(numFmt: string | undefined): 'year' | 'month' | 'day' {
  const codes = (numFmt ?? '').replace(/\[[^\]]*]|"[^"]*"|\\./g, '').toLowerCase();
  if (codes === '' || /[dhs]/.test(codes)) return 'day';
  if (/m/.test(codes)) return 'month';
  return /y/.test(codes) ? 'year' : 'day';
}

/**
 * The text of an exceljs cell value: a date as its UTC calendar date (exceljs reads serials in UTC), written
 * YYYY-MM-DD, or YYYY-MM or YYYY when its number format shows no day or no month (formatPrecision), so that a
 * month typed into Excel keeps its precision; numbers as JavaScript writes them (33.6, not Excel's
 * 33.600000000000001); formulas by their cached result; rich text and links by their text; errors as #N/A.
 */
export function cellText(value: ExcelJS.CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const precision = formatPrecision(numFmt);
    return value.toISOString().slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10);
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result, numFmt);
  if ('hyperlink' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  if ('error' in value) return String(value.error);
  return '';
}

// The built-in date formats of Chinese, Japanese and Korean Excel (ECMA-376 part 1, 18.8.30: ids 27 to 36 and 50
// to 58 depend on the language), which a workbook uses by id without writing their code. exceljs does not know
// them as dates and would read 1979年5月2日 as the number 28977, so their codes (as zh-CN Excel shows them) are
// declared in styles.xml before it loads. The time formats among those ids are left alone.
const EAST_ASIAN_DATE_FORMATS: Record<string, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** styles.xml with a <numFmt> for each East Asian built-in date format its cells use and it does not define. */
export function withEastAsianDateFormats(styles: string): string {
  const defined = new Set([...styles.matchAll(/<numFmt\s[^>]*?numFmtId="(\d+)"/g)].map((m) => m[1]!));
  const used = new Set([...styles.matchAll(/numFmtId="(\d+)"/g)].map((m) => m[1]!));
  const missing = [...used].filter((id) => EAST_ASIAN_DATE_FORMATS[id] && !defined.has(id));
  if (missing.length === 0) return styles;
  const escape = (code: string) => code.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const xml = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="${escape(EAST_ASIAN_DATE_FORMATS[id]!)}"/>`).join('');
  if (/<numFmts\b[^>]*\/>/.test(styles)) return styles.replace(/<numFmts\b[^>]*\/>/, `<numFmts>${xml}</numFmts>`);
  if (/<numFmts\b[^>]*>/.test(styles)) return styles.replace(/<numFmts\b[^>]*>/, (open) => open + xml);
  return styles.replace(/<styleSheet\b[^>]*>/, (open) => `${open}<numFmts>${xml}</numFmts>`);
}

// exceljs declares its own `Buffer` (an ArrayBuffer); it reads a Node Buffer, as its documentation shows.
type ExcelBuffer = Parameters<ExcelJS.Xlsx['load']>[0];

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function rowCells(row: ExcelJS.Row, width: number): string[] {
  const cells: string[] = [];
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cells.push(cellText(cell.value, cell.numFmt));
  }
  return cells;
}

/**
 * Reads the first visible sheet of an XLSX (or the sheet named `options.sheet`) into a Table with the sheet names
 * (tab order), or an ImportFileError: 'not_tabular' for a ZIP with no workbook, 'unreadable' for a damaged one,
 * 'no_sheet', 'too_large_unpacked', and the errors of the table's limits. See the comment at the top of this file.
 */
export async function readXlsx(
  bytes: Uint8Array,
  options: { sheet?: string; headerRow: number },
): Promise<(Table & { sheets: string[]; sheet: string }) | ImportFileError> {
  const sizes = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter(file) {
        sizes.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch {
    return { error: 'unreadable' };
  }
  if (!sizes.has(WORKBOOK)) return { error: 'not_tabular' };
  if (!sizes.has(WORKBOOK_RELS)) return { error: 'unreadable' };
  const sheetParts = [...sizes.keys()].filter((name) => SHEET_PART.test(name));

  const unpack = (names: string[]): { files: Record<string, Uint8Array> } | ImportFileError => {
    const wanted = new Set(names.filter((n) => sizes.has(n)));
    const total = [...wanted].reduce((sum, n) => sum + (sizes.get(n) ?? 0), 0);
    if (total > IMPORT_LIMITS.unpackedBytes) return { error: 'too_large_unpacked', limit: IMPORT_LIMITS.unpackedBytes };
    try {
      return { files: unzipSync(bytes, { filter: (file) => wanted.has(file.name) }) };
    } catch {
      return { error: 'unreadable' };
    }
  };

  // Pass 1: names, tab order and visibility of the sheets.
  const meta = unpack([CONTENT_TYPES, WORKBOOK, WORKBOOK_RELS]);
  if ('error' in meta) return meta;
  const stubs: Zippable = { ...meta.files };
  for (const part of sheetParts) stubs[part] = stubSheet(part);
  let listed: Array<{ name: string; part: string; visible: boolean }>;
  try {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(asBuffer(zipSync(stubs, { level: 0 })) as unknown as ExcelBuffer);
    listed = book.worksheets.map((ws) => ({
      name: ws.name,
      part: cellText(ws.getCell('A1').value),
      visible: ws.state !== 'hidden' && ws.state !== 'veryHidden',
    }));
  } catch {
    return { error: 'unreadable' };
  }
  const sheets = listed.map((s) => s.name);
  const chosen = options.sheet !== undefined ? listed.find((s) => s.name === options.sheet) : (listed.find((s) => s.visible) ?? listed[0]);
  if (!chosen) return options.sheet !== undefined ? { error: 'no_sheet' } : { error: 'no_header' };

  // Every part but the other sheets: the chosen sheet's comments, tables, drawings and links are parts of their own
  // that exceljs resolves when it loads the sheet.
  const others = new Set(sheetParts.filter((part) => part !== chosen.part));
  const unpacked = unpack([...sizes.keys()].filter((name) => !others.has(name)));
  if ('error' in unpacked) return unpacked;
  const parts = unpacked.files;
  const sheetXml = parts[chosen.part];
  if (!sheetXml) return { error: 'unreadable' };
  const styles = parts[STYLES] && strToU8(withEastAsianDateFormats(strFromU8(parts[STYLES])));

  try {
    // Pass 2: the rows streamed, in this order of parts so the reader has the relations, styles and shared strings
    // before the sheet (no temporary file); it stops at the first row over a limit, so a sheet of 100,000 rows is
    // refused at row 20,002 without being held.
    const ordered: Zippable = {};
    for (const name of [CONTENT_TYPES, WORKBOOK_RELS, WORKBOOK]) if (parts[name]) ordered[name] = parts[name];
    if (styles) ordered[STYLES] = styles;
    ordered[SHARED_STRINGS] = parts[SHARED_STRINGS] ?? EMPTY_SHARED_STRINGS;
    ordered[chosen.part] = sheetXml;
    const streamed = tableBuilder(options.headerRow);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([asBuffer(zipSync(ordered, { level: 0 }))]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const stop = streamed.push(row.number, rowCells(row, row.cellCount));
        if (stop) return stop;
      }
    }
    // Pass 3, only for a sheet with merged cells (which the streaming reader leaves blank but for their first cell):
    // the workbook loaded, each other sheet an empty stub.
    let table = streamed;
    if (Buffer.from(sheetXml.buffer, sheetXml.byteOffset, sheetXml.byteLength).includes('mergeCell')) {
      const whole: Zippable = { ...parts };
      for (const part of others) whole[part] = stubSheet('');
      if (styles) whole[STYLES] = styles;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(asBuffer(zipSync(whole, { level: 0 })) as unknown as ExcelBuffer);
      const ws = book.getWorksheet(chosen.name);
      table = tableBuilder(options.headerRow);
      if (ws) {
        const width = Math.min(ws.columnCount, IMPORT_LIMITS.columns);
        let stop: ImportFileError | null = null;
        ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
          stop ??= table.push(rowNumber, rowCells(row, width));
        });
        if (stop) return stop;
      }
    }
    const read = table.finish();
    return 'error' in read ? read : { ...read, sheets, sheet: chosen.name };
  } catch {
    return { error: 'unreadable' };
  }
}
