import Papa from 'papaparse';

// papaparse's own pattern for `escapeFormulae: true` is /^[=+\-@\t\r].*$/, which misses a text over several lines
// ("=1+2\nnote": `.` stops at the line break and `$` needs the end of the text); only the first character matters.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV document (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so Excel reads Chinese names) from a
 * header row and data rows, written by papaparse. A text cell that a spreadsheet would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return, on one line or several) is prefixed with an apostrophe
 * (papaparse's escapeFormulae, following OWASP's CSV injection advice); numbers stay numbers, so -3 stays -3.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  return `\uFEFF${Papa.unparse({ fields: header, data: rows }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
}
