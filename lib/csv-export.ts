import Papa from 'papaparse';

/**
 * A CSV document (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so Excel reads Chinese names) from a
 * header row and data rows, written by papaparse. A text cell that a spreadsheet would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe (papaparse's escapeFormulae,
 * following OWASP's CSV injection advice); numbers stay numbers, so -3 stays -3.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  return `\uFEFF${Papa.unparse({ fields: header, data: rows }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}
