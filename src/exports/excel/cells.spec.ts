import * as ExcelJS from 'exceljs';
import { PassThrough } from 'stream';
import { answerCell, MAX_CELL_TEXT, numberCell, plainText } from './cells';

const HOSTILE = ['=1+1', '+1', '-1', '@SUM(A1:A2)', '\t=cmd|calc', '\r=1+1', '=HYPERLINK("http://evil","x")', '-2+3', '+34 600 000 000'];

async function roundTrip(values: unknown[]): Promise<ExcelJS.Worksheet> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = writer.addWorksheet('Text');
  for (const value of values) sheet.addRow([plainText(value)]).commit();
  sheet.commit();
  await writer.commit();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook.getWorksheet('Text')!;
}

describe('plainText', () => {
  it('keeps formula-looking text exactly as typed, as a string primitive', () => {
    for (const text of HOSTILE) expect(plainText(text)).toBe(text);
    expect(typeof plainText(new String('=1'))).toBe('string');
    expect(plainText(new String('=1'))).toBe('=1');
  });

  it('turns objects and arrays into text, so nothing reaches exceljs as { formula }', () => {
    expect(plainText({ formula: 'SUM(A1)' })).toBe('{"formula":"SUM(A1)"}');
    expect(plainText(['alto', 'medio'])).toBe('alto, medio');
    expect(plainText(12)).toBe('12');
    expect(plainText(true)).toBe('true');
    expect(plainText(null)).toBeNull();
    expect(plainText(undefined)).toBeNull();
  });

  it('drops characters XML cannot carry and cuts at Excel’s cell limit', () => {
    expect(plainText('a\u0000b\u0007c\u001Fd\ttab\nline')).toBe('abcd\ttab\nline');
    expect(plainText('x'.repeat(MAX_CELL_TEXT + 10))).toHaveLength(MAX_CELL_TEXT);
    // a surrogate pair straddling the limit is not cut in half
    const cut = plainText('x'.repeat(MAX_CELL_TEXT - 1) + '😀')!;
    expect(cut).toHaveLength(MAX_CELL_TEXT - 1);
  });

  it('writes cells that read back as String, never Formula, with the same text', async () => {
    const sheet = await roundTrip([...HOSTILE, { formula: 'SUM(A1)' }]);
    const expected = [...HOSTILE.map((text) => text.replace('\r', '\n')), '{"formula":"SUM(A1)"}'];
    expected.forEach((text, index) => {
      const cell = sheet.getCell(index + 1, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBeUndefined();
      // XML turns a bare CR into LF on reading; every other character comes back as written
      expect(cell.value).toBe(text);
    });
  });
});

describe('numberCell and answerCell', () => {
  const words = { yes: 'Sí', no: 'No', na: 'No aplica' };

  it('lets only finite numbers through as numbers', () => {
    expect(numberCell(82.5)).toBe(82.5);
    expect(numberCell(Number.NaN)).toBeNull();
    expect(numberCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(numberCell(null)).toBeNull();
  });

  it('writes each kind of answer as the reader expects', () => {
    expect(answerCell({ value: 240, na: false }, words)).toBe(240);
    expect(answerCell({ value: true, na: false }, words)).toBe('Sí');
    expect(answerCell({ value: false, na: false }, words)).toBe('No');
    expect(answerCell({ value: ['a', 'b'], na: false }, words)).toBe('a, b');
    expect(answerCell({ value: '=1+2', na: false }, words)).toBe('=1+2');
    expect(answerCell({ value: null, na: true }, words)).toBe('No aplica');
    expect(answerCell({ value: null, na: false }, words)).toBeNull();
    expect(answerCell(undefined, words)).toBeNull();
  });
});
