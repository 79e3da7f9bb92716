import type { ImportRecord } from './classify';
import { isImportEncoding, parseImportRow, readImportFile, usableMapping, type ImportField } from './lib';

// From the stored file and the user's reading choices to one record per data row, through the pure import library.

/** What reading a stored import needs: its bytes and the user's choices. */
export interface ReadImport {
  content: Uint8Array;
  encoding: string | null;
  sheet: string | null;
  mapping: Array<string | null>;
}

/** One data row: its number in the file, its mapped cells by field, and the record or the first cell's error. */
export interface ReadRow {
  rowNumber: number;
  values: Record<string, string>;
  record: ImportRecord | { error: string };
}

/** The mapped cells of a row: field name to trimmed text; blank cells are left out. */
export function mappedValues(mapping: Array<string | null>, cells: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  mapping.forEach((field, i) => {
    const text = (cells[i] ?? '').trim();
    if (field && text && out[field] === undefined) out[field] = text;
  });
  return out;
}

/**
 * Reads a stored import with its choices: every data row as a ReadRow, or a catalogue key when the file no longer
 * reads (the chosen encoding or sheet) or the mapping has no usable column.
 */
export async function readRecords(imp: ReadImport): Promise<{ ok: true; rows: ReadRow[]; header: string[] } | { ok: false; error: string }> {
  const file = await readImportFile(imp.content, { encoding: isImportEncoding(imp.encoding) ? imp.encoding : undefined, sheet: imp.sheet ?? undefined });
  if ('error' in file) return { ok: false, error: `imports.file_${file.error}` };
  if (!usableMapping(imp.mapping as never)) return { ok: false, error: 'imports.mappingUnusable' };
  return {
    ok: true,
    header: file.header,
    rows: file.rows.map((cells, i) => {
      const values = mappedValues(imp.mapping, cells);
      const parsed = parseImportRow(imp.mapping as Array<ImportField | null>, cells);
      const first = parsed.errors[0];
      return { rowNumber: file.rowNumbers[i] ?? i + 2, values, record: first ? { error: `import.${first.error}` } : parsed.values };
    }),
  };
}
