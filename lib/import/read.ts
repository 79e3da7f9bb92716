import { detectAll } from 'jschardet';
import Papa from 'papaparse';
import { readXlsx } from './xlsx';

// Reading an uploaded file into a header and rows of text, by its content, never by its name or declared type.
// An XLSX is a ZIP holding a workbook (read by ./xlsx.ts with exceljs); anything else must be text in one of the
// encodings of Excel's CSV files in our offices' languages, and parse as CSV (papaparse). The limits are checked
// as the file is read, so that an oversize file is refused before it is held whole in rows.

/** The text encodings a CSV may come in: UTF-8 (with or without a BOM) and the ANSI code pages of Chinese, Korean and Japanese Excel. */
export const IMPORT_ENCODINGS = ['utf-8', 'gb18030', 'cp949', 'shift_jis'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** Whether a string (a form's choice) is one of IMPORT_ENCODINGS. */
export function isImportEncoding(value: unknown): value is ImportEncoding {
  return typeof value === 'string' && (IMPORT_ENCODINGS as readonly string[]).includes(value);
}

/**
 * The limits of an import file: `bytes`, the file's size (10 MiB); `rows`, data rows under the header (20,000);
 * `columns`, cells of a row up to its last non-empty one (200); `unpackedBytes`, the XML an XLSX unpacks to for
 * the parts read (its workbook, styles, shared strings and the chosen sheet: 64 MiB), against ZIP bombs.
 */
export const IMPORT_LIMITS = { bytes: 10 * 1024 * 1024, rows: 20_000, columns: 200, unpackedBytes: 64 * 1024 * 1024 } as const;

/**
 * Why a file was refused; each is a key of the `import` message catalogue, and `limit` the limit it broke:
 * - too_large: over IMPORT_LIMITS.bytes; too_large_unpacked: an XLSX whose parts unpack to over unpackedBytes;
 * - not_tabular: neither an XLSX workbook nor text that parses as CSV (a PDF, an image, a legacy .xls, a Word
 *   file or another ZIP, an HTML page saved as .xls, binary data, UTF-16 text);
 * - no_header: the header row is empty or has no cell with a letter; no_sheet: options.sheet is not in the workbook;
 * - too_many_rows, too_many_columns: over IMPORT_LIMITS.rows or .columns;
 * - unreadable: a damaged file (a ZIP or workbook that does not unpack or parse, a CSV quote left open).
 */
export type ImportFileErrorKind =
  | 'too_large'
  | 'too_large_unpacked'
  | 'not_tabular'
  | 'no_header'
  | 'no_sheet'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'unreadable';

export interface ImportFileError {
  error: ImportFileErrorKind;
  limit?: number;
}

/**
 * A file read into text: its kind; for a CSV the encoding detected and the one used (they differ when the user
 * chose one), null for an XLSX; for an XLSX the sheet names (in tab order) and the sheet read, [] and null for a
 * CSV; the header (trimmed, up to its last non-empty cell) and the data rows under it, each trimmed, padded or cut
 * to the header's length, empty rows dropped; `rowNumbers[i]` is the file's own number of `rows[i]` (the line where
 * a CSV record starts, the sheet's row number in an XLSX), for messages.
 */
export interface ImportRead {
  kind: 'csv' | 'xlsx';
  encoding: ImportEncoding | null;
  detectedEncoding: ImportEncoding | null;
  sheets: string[];
  sheet: string | null;
  header: string[];
  rows: string[][];
  rowNumbers: number[];
}

export interface ReadImportOptions {
  /** Decode a CSV in this encoding instead of the detected one (bytes it cannot decode become U+FFFD). */
  encoding?: ImportEncoding;
  /** Read this sheet of an XLSX (by name) instead of the first visible one. */
  sheet?: string;
  /** The file's row (CSV line, sheet row) that holds the header, 1 by default; rows above it are skipped (a title). */
  headerRow?: number;
}

/** Rows, header and row numbers, as both readers produce them before the kind and the encodings are added. */
export interface Table {
  header: string[];
  rows: string[][];
  rowNumbers: number[];
}

const has = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

// Signatures of files that are not tables we read; text ones are matched after an optional UTF-8 BOM and spaces.
const REFUSED_SIGNATURES = [
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: legacy .xls and .doc, and password-protected .xlsx
  ascii('%PDF-'),
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  ascii('GIF8'),
  ascii('RIFF'), // WebP, WAV, AVI
  [0x1f, 0x8b], // gzip
  ascii('7z'),
  ascii('Rar!'),
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a],
  [0xff, 0xfe], // UTF-16 LE and BE (Excel's "Unicode text"): not an encoding offered
  [0xfe, 0xff],
];
const REFUSED_TEXT = /^(?:\uFEFF)?\s*(?:<\?xml|<!doctype|<html|<table|\{\\rtf|%!ps)/i;

/**
 * Reads an uploaded file (its bytes) into a header and rows of trimmed text: an XLSX (first visible sheet, or
 * `options.sheet`; a date cell as YYYY-MM-DD, or YYYY-MM or YYYY when its format shows no day or no month, a
 * number as written, a formula by its cached value, a merged cell's value in every cell it covers) or a CSV (comma, semicolon or tab separated, detected; an Excel `sep=;` first line is obeyed) in
 * UTF-8, GB18030, CP949 or Shift_JIS (detected: a UTF-8 BOM or strict UTF-8 first, then jschardet limited to the
 * three, each candidate checked by decoding strictly; or `options.encoding`). The kind is told by content: ZIP
 * signature and workbook parts for an XLSX; refused signatures (PDF, images, OLE2 .xls) and binary text otherwise.
 * Resolves to ImportRead, or ImportFileError (see ImportFileErrorKind). Async because the XLSX reader is. Pure (no
 * database), but CPU-bound on a large file: a caller serving requests should run it off the request's path.
 */
export async function readImportFile(bytes: Uint8Array, options: ReadImportOptions = {}): Promise<ImportRead | ImportFileError> {
  if (bytes.byteLength > IMPORT_LIMITS.bytes) return { error: 'too_large', limit: IMPORT_LIMITS.bytes };
  const headerRow = Math.max(1, Math.floor(options.headerRow ?? 1));
  if (has(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const read = await readXlsx(bytes, { sheet: options.sheet, headerRow });
    if ('error' in read) return read;
    return { kind: 'xlsx', encoding: null, detectedEncoding: null, ...read };
  }
  if (has(bytes, [0x50, 0x4b])) return { error: 'not_tabular' };
  if (REFUSED_SIGNATURES.some((signature) => has(bytes, signature))) return { error: 'not_tabular' };
  if (bytes.indexOf(0) !== -1) return { error: 'not_tabular' };

  const detectedEncoding = detectEncoding(bytes);
  const encoding = options.encoding ?? detectedEncoding;
  if (encoding === null) return { error: 'not_tabular' };
  const text = decode(bytes, encoding, encoding !== options.encoding);
  if (text === null) return { error: 'not_tabular' };
  // Control characters other than tab, line ends, vertical tab, form feed and a DOS end-of-file mark are binary.
  if (/[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]/.test(text) || REFUSED_TEXT.test(text)) return { error: 'not_tabular' };
  const table = readCsv(text, headerRow);
  if ('error' in table) return table;
  return { kind: 'csv', encoding, detectedEncoding, sheets: [], sheet: null, ...table };
}

// WHATWG names of the encodings, as Node's TextDecoder (full ICU) knows them: its "euc-kr" is Windows code page 949
// (Unified Hangul Code, a superset of EUC-KR) and its "shift_jis" is Windows-31J (code page 932).
const DECODER_LABEL: Record<ImportEncoding, string> = { 'utf-8': 'utf-8', gb18030: 'gb18030', cp949: 'euc-kr', shift_jis: 'shift_jis' };

// jschardet's names of the encodings, by ours.
const DETECTOR_NAMES: Record<string, ImportEncoding> = {
  GB18030: 'gb18030',
  GB2312: 'gb18030',
  GBK: 'gb18030',
  CP949: 'cp949',
  'EUC-KR': 'cp949',
  CP932: 'shift_jis',
  SHIFT_JIS: 'shift_jis',
  SHIFT_JIS_2004: 'shift_jis',
};

const DETECTION_SAMPLE = 256 * 1024;

/** The text of the bytes in an encoding: strictly (null when a byte sequence is invalid) or with U+FFFD for those. */
function decode(bytes: Uint8Array, encoding: ImportEncoding, strict: boolean): string | null {
  try {
    return new TextDecoder(DECODER_LABEL[encoding], { fatal: strict }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The encoding of a text file: UTF-8 when it has a UTF-8 BOM or decodes as strict UTF-8 (pure ASCII included);
 * otherwise the best of jschardet's ranking, limited to GB18030, CP949 and Shift_JIS, that decodes the whole
 * file strictly, then any of the three that does (in that order: the office's own language first); null if none.
 */
export function detectEncoding(bytes: Uint8Array): ImportEncoding | null {
  if (has(bytes, [0xef, 0xbb, 0xbf]) || decode(bytes, 'utf-8', true) !== null) return 'utf-8';
  const ranked = detectAll(bytes.subarray(0, DETECTION_SAMPLE), {
    detectEncodings: ['gb18030', 'cp949', 'euc-kr', 'cp932', 'shift_jis', 'shift_jis_2004'],
    minimumThreshold: 0,
  })
    .map((r) => DETECTOR_NAMES[(r.encoding ?? '').toUpperCase()])
    .filter((e): e is ImportEncoding => e !== undefined);
  const candidates = [...new Set<ImportEncoding>([...ranked, 'gb18030', 'cp949', 'shift_jis'])];
  return candidates.find((e) => decode(bytes, e, true) !== null) ?? null;
}

const HAS_LETTER = /\p{L}/u;

/**
 * Builds the table from rows as a reader yields them, with the limits: `push(rowNumber, cells)` for each row in
 * order returns an ImportFileError to stop at, or null; `finish()` gives the table. The header is the row numbered
 * `headerRow` (rows above it are skipped); when that row is missing or has no cell with a letter, 'no_header'.
 * With `keep: false` it only checks (the XLSX reader's streaming pass). Shared by the CSV and XLSX readers.
 */
export function tableBuilder(headerRow: number, { keep = true }: { keep?: boolean } = {}) {
  let header: string[] | null = null;
  let count = 0;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  return {
    push(rowNumber: number, raw: ReadonlyArray<string | undefined>): ImportFileError | null {
      if (rowNumber < headerRow) return null;
      const cells = Array.from(raw, (c) => (c ?? '').trim());
      let width = cells.length;
      while (width > 0 && cells[width - 1] === '') width--;
      if (width > IMPORT_LIMITS.columns) return { error: 'too_many_columns', limit: IMPORT_LIMITS.columns };
      if (header === null) {
        if (rowNumber !== headerRow || !cells.some((c) => HAS_LETTER.test(c))) return { error: 'no_header' };
        header = cells.slice(0, width);
        return null;
      }
      const row = Array.from({ length: header.length }, (_, i) => cells[i] ?? '');
      if (row.every((c) => c === '')) return null;
      if (count === IMPORT_LIMITS.rows) return { error: 'too_many_rows', limit: IMPORT_LIMITS.rows };
      count++;
      if (keep) {
        rows.push(row);
        rowNumbers.push(rowNumber);
      }
      return null;
    },
    finish(): Table | ImportFileError {
      return header === null ? { error: 'no_header' } : { header, rows, rowNumbers };
    },
  };
}

/**
 * Parses CSV text with papaparse, row by row: the delimiter guessed among comma, semicolon and tab (or given by an
 * Excel `sep=` first line), line ends normalised to LF first (a file mixing CRLF and LF reads right), each record
 * numbered by the line it starts on. A quote left open is 'unreadable'; limits stop the parse where they are broken.
 */
function readCsv(source: string, headerRow: number): Table | ImportFileError {
  let text = source.replace(/\r\n?/g, '\n');
  let delimiter: string | undefined;
  let line = 1;
  const sep = /^sep=([,;\t|])\n/.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
    line = 2;
  }
  // The sep= line is no row: the header is on the next line at the earliest.
  const table = tableBuilder(sep ? Math.max(headerRow, 2) : headerRow);
  let stop: ImportFileError | null = null;
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    delimitersToGuess: [',', ';', '\t'],
    newline: '\n',
    step(result, parser) {
      const start = line;
      const end = result.meta.cursor;
      for (let i = text.indexOf('\n', cursor); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
      cursor = end;
      if (result.errors.some((e) => e.code === 'MissingQuotes')) stop = { error: 'unreadable' };
      else stop = table.push(start, result.data);
      if (stop) parser.abort();
    },
  });
  return stop ?? table.finish();
}
