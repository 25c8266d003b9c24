// The payables list as files: an Excel workbook streamed with exceljs (user text only as plain string
// cells, see src/exports/excel/cells.ts) and a formula-safe CSV.
import * as ExcelJS from 'exceljs';
import type { Writable } from 'stream';
import { numberCell, plainText } from '../exports/excel/cells';
import { csvDocument } from './domain/csv';
import type { PayableView } from './dto/fees.dto';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const HEADER = (currency: string) => [
  'Shopper id',
  'Shopper',
  'Visits',
  `Total (${currency})`,
  `Paid (${currency})`,
  `Unpaid (${currency})`,
  'All paid',
];

const units = (cents: number) => cents / 100;

/** Streams the workbook into `out` (rows committed as written); resolves once it is complete. */
export async function writePayablesWorkbook(
  out: Writable,
  rows: PayableView[],
  currency: string,
  period: { from: string; to: string },
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Payables');
  sheet.columns = [{ width: 38 }, { width: 30 }, { width: 8 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 10 }];
  sheet.addRow([plainText(`Payables ${period.from} – ${period.to}`)]).commit();
  const header = sheet.addRow(HEADER(currency));
  header.font = { bold: true };
  header.commit();
  for (const row of rows) {
    const line = sheet.addRow([
      plainText(row.shopperId),
      plainText(row.name),
      numberCell(row.visits),
      numberCell(units(row.totalCents)),
      numberCell(units(row.paidCents)),
      numberCell(units(row.unpaidCents)),
      row.paid ? 'yes' : 'no',
    ]);
    for (const column of [4, 5, 6]) line.getCell(column).numFmt = '#,##0.00';
    line.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The CSV: amounts in currency units with two decimals as plain numbers, names formula-safe. */
export function payablesCsv(rows: PayableView[], currency: string): string {
  return csvDocument(
    HEADER(currency),
    rows.map((row) => [row.shopperId, row.name, row.visits, units(row.totalCents), units(row.paidCents), units(row.unpaidCents), row.paid]),
  );
}
