import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutralisedText, toXlsx } from './xlsx-export';

describe('toXlsx', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+33 1 23', "'+33 1 23"],
    ['-3', "'-3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['=1\nnote', "'=1\nnote"],
    ['Fukuoka', 'Fukuoka'],
    ['a=b', 'a=b'],
  ])('neutralises %j as %j', (input, output) => {
    expect(neutralisedText(input)).toBe(output);
  });

  it('writes values, never formulas; a negative number stays a number', async () => {
    const bytes = await toXlsx(['name', 'n', 'public', 'blank'], [['=SUM(A1)', -3, true, null]]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const row = workbook.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe("'=SUM(A1)");
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).value).toBe(-3);
    expect(row.getCell(3).value).toBe('true');
    expect(row.getCell(4).value).toBe(null);
  });
});
