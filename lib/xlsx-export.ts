import ExcelJS from 'exceljs';

// The same rule as lib/csv-export.ts: only the first character matters, on one line or several.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet would run as a formula, prefixed with an apostrophe (as toCsv does); other text as it is. */
export function neutralisedText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * An XLSX workbook (one sheet named `sheetName`, the header in bold and frozen) from a header row and data rows,
 * written by exceljs 4.4.0. Cells hold the values as toCsv writes them, so both downloads read back alike: text
 * (neutralised as by toCsv when it starts with =, +, -, @, a tab or a carriage return), numbers as numbers (-3 stays
 * -3), booleans as the text `true`/`false`, null as an empty cell. Every cell is a value, never a formula.
 */
export async function toXlsx(header: string[], rows: Array<Array<string | number | boolean | null>>, sheetName = 'partnerships'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Amity';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      row.map((v) => {
        if (v === null) return null;
        if (typeof v === 'string') return neutralisedText(v);
        if (typeof v === 'boolean') return String(v);
        return v;
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
