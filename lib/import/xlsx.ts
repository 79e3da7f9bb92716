import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { IMPORT_LIMITS, tableBuilder, type ImportFileError, type Table } from './read';

// An XLSX workbook read with exceljs 4.4.0, behind a guard against ZIP bombs: the archive is listed and unpacked
// with fflate (which reads the central directory and writes each entry into a buffer of its declared size, so a
// lying entry is cut short rather than grown), only the parts needed are unpacked and only after their declared
// sizes are checked against IMPORT_LIMITS.unpackedBytes, and exceljs reads a new archive of those parts alone.
// Three passes, all through exceljs's public API:
// 1. the sheet names: the workbook and its relations, each sheet replaced by a stub naming its own part, loaded;
// 2. the limits: the chosen sheet streamed row by row (WorkbookReader), stopping at the first row over a limit;
// 3. the values: the workbook loaded, the other sheets stubbed (so that a merged cell gives its value to every cell
//    it covers, and the sheet's links, comments and tables resolve).
// Sheet parts are found where exceljs looks for them, xl/worksheets/sheetN.xml, as every producer we know writes.

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
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

/** The text of an exceljs cell value: dates as YYYY-MM-DD (their UTC date: exceljs reads serials in UTC), numbers as JavaScript writes them, formulas by their cached result, rich text and links by their text. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('hyperlink' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  if ('error' in value) return String(value.error);
  return '';
}

// exceljs declares its own `Buffer` (an ArrayBuffer); it reads a Node Buffer, as its documentation shows.
type ExcelBuffer = Parameters<ExcelJS.Xlsx['load']>[0];

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function rowCells(row: ExcelJS.Row, width: number): string[] {
  const cells: string[] = [];
  for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
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
  // In this order, the streaming reader has the relations and shared strings before the sheet (no temporary file).
  const ordered: Zippable = {};
  for (const name of [CONTENT_TYPES, WORKBOOK_RELS, WORKBOOK]) if (parts[name]) ordered[name] = parts[name];
  ordered[SHARED_STRINGS] = parts[SHARED_STRINGS] ?? EMPTY_SHARED_STRINGS;
  ordered[chosen.part] = sheetXml;
  const streamed = zipSync(ordered, { level: 0 });
  // The whole workbook for exceljs to load, each other sheet an empty stub.
  const whole: Zippable = { ...parts };
  for (const part of others) whole[part] = stubSheet('');

  try {
    // Pass 2: the limits, streamed, so a sheet of 100,000 rows is refused at row 20,002 without being held.
    const limits = tableBuilder(options.headerRow, { keep: false });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([asBuffer(streamed)]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const stop = limits.push(row.number, Array.from(values, (v) => cellText(v as ExcelJS.CellValue)));
        if (stop) return stop;
      }
    }

    // Pass 3: the values.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(asBuffer(zipSync(whole, { level: 0 })) as unknown as ExcelBuffer);
    const ws = book.getWorksheet(chosen.name);
    const table = tableBuilder(options.headerRow);
    if (ws) {
      const width = Math.min(ws.columnCount, IMPORT_LIMITS.columns);
      let stop: ImportFileError | null = null;
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        stop ??= table.push(rowNumber, rowCells(row, width));
      });
      if (stop) return stop;
    }
    const read = table.finish();
    return 'error' in read ? read : { ...read, sheets, sheet: chosen.name };
  } catch {
    return { error: 'unreadable' };
  }
}
