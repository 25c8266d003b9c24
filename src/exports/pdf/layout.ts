// Drawing helpers on top of pdfkit: headings, paragraphs and tables that break across pages cleanly
// (a row is never split; the header row is repeated on every page the table continues on).
import { FONT, PALETTE } from './theme';

type Doc = PDFKit.PDFDocument;

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the content width in these proportions. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableCell {
  text: string;
  color?: string;
  bold?: boolean;
}

export type TableRow = Array<string | TableCell>;

export interface TableOptions {
  fontSize?: number;
  /** Longest text a cell shows; longer text is cut with an ellipsis so one row always fits a page. */
  maxCellChars?: number;
}

const CELL_PADDING_X = 5;
const CELL_PADDING_Y = 4;

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit below the cursor. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/** A chapter title: teal rule, navy title; starts a page when less than `keepWith` points would follow it. */
export function heading(doc: Doc, text: string, keepWith = 140): void {
  ensureSpace(doc, 40 + keepWith);
  const x = doc.page.margins.left;
  if (doc.y > doc.page.margins.top + 1) doc.moveDown(0.8);
  const y = doc.y;
  doc
    .save()
    .rect(x, y + 2, 4, 18)
    .fill(PALETTE.accent)
    .restore();
  doc
    .font(FONT.bold)
    .fontSize(16)
    .fillColor(PALETTE.primary)
    .text(text, x + 12, y, { width: contentWidth(doc) - 12 });
  doc.moveDown(0.5);
  doc.x = x;
}

export function subheading(doc: Doc, text: string, keepWith = 60): void {
  ensureSpace(doc, 24 + keepWith);
  doc.moveDown(0.4);
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(PALETTE.primary)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; italic?: boolean } = {}): void {
  const size = options.size ?? 9.5;
  doc
    .font(options.italic ? FONT.italic : FONT.regular)
    .fontSize(size)
    .fillColor(options.color ?? PALETTE.text);
  const width = contentWidth(doc);
  ensureSpace(doc, Math.min(doc.heightOfString(text, { width }), 200));
  doc.text(text, doc.page.margins.left, doc.y, { width, lineGap: 2 });
  doc.moveDown(0.5);
}

const MIN_HEADER_SIZE = 6;

/** The largest size, at most `size`, at which the longest word of a bold header fits `width`. */
function fittingSize(doc: Doc, text: string, width: number, size: number): number {
  doc.font(FONT.bold);
  const widest = Math.max(0, ...text.split(/\s+/).map((word) => doc.fontSize(size).widthOfString(word)));
  return widest <= width ? size : Math.max(MIN_HEADER_SIZE, Math.floor(((size * width) / widest) * 4) / 4);
}

function cellOf(cell: string | TableCell): TableCell {
  return typeof cell === 'string' ? { text: cell } : cell;
}

function clip(text: string, maxChars: number): string {
  const characters = Array.from(text);
  return characters.length <= maxChars
    ? text
    : `${characters
        .slice(0, maxChars - 1)
        .join('')
        .trimEnd()}…`;
}

/** A table with a navy header row, zebra rows and wrapped cells; breaks between rows, repeating the header. */
export function table(doc: Doc, columns: TableColumn[], rows: TableRow[], options: TableOptions = {}): void {
  const fontSize = options.fontSize ?? 8.5;
  const maxCellChars = options.maxCellChars ?? 700;
  const left = doc.page.margins.left;
  const totalWidth = contentWidth(doc);
  const totalWeight = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / totalWeight) * totalWidth);
  const xs = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, width) => sum + width, 0));

  const rowHeight = (cells: TableCell[], bold: boolean) =>
    Math.max(
      ...cells.map((cell, index) => {
        doc.font(bold || cell.bold ? FONT.bold : FONT.regular).fontSize(fontSize);
        return doc.heightOfString(cell.text || ' ', { width: widths[index] - 2 * CELL_PADDING_X });
      }),
    ) +
    2 * CELL_PADDING_Y;

  const headerCells = columns.map((column) => ({ text: column.header }));
  // A header may wrap between words but never inside one ("Cumplimient/o"): a header whose longest
  // word is wider than its column is set smaller, down to a floor.
  const headerSizes = headerCells.map((cell, index) => fittingSize(doc, cell.text, widths[index] - 2 * CELL_PADDING_X, fontSize));
  const headerHeight =
    Math.max(
      ...headerCells.map((cell, index) => {
        doc.font(FONT.bold).fontSize(headerSizes[index]);
        return doc.heightOfString(cell.text || ' ', { width: widths[index] - 2 * CELL_PADDING_X });
      }),
    ) +
    2 * CELL_PADDING_Y;

  const drawCells = (cells: TableCell[], y: number, header: boolean) => {
    cells.forEach((cell, index) => {
      doc
        .font(header || cell.bold ? FONT.bold : FONT.regular)
        .fontSize(header ? headerSizes[index] : fontSize)
        .fillColor(header ? PALETTE.white : (cell.color ?? PALETTE.text))
        .text(cell.text, xs[index] + CELL_PADDING_X, y + CELL_PADDING_Y, {
          width: widths[index] - 2 * CELL_PADDING_X,
          align: columns[index].align ?? 'left',
          lineBreak: true,
        });
    });
  };

  const drawHeader = () => {
    const y = doc.y;
    doc.save().rect(left, y, totalWidth, headerHeight).fill(PALETTE.primary).restore();
    drawCells(headerCells, y, true);
    doc.y = y + headerHeight;
  };

  // Keep the header with at least its first row.
  const firstCells = rows.length ? rows[0].map(cellOf).map((cell) => ({ ...cell, text: clip(cell.text, maxCellChars) })) : [];
  ensureSpace(doc, headerHeight + (rows.length ? rowHeight(firstCells, false) : 0));
  drawHeader();

  rows.forEach((row, rowIndex) => {
    const cells = row.map(cellOf).map((cell) => ({ ...cell, text: clip(cell.text, maxCellChars) }));
    const height = rowHeight(cells, false);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    if (rowIndex % 2 === 1) doc.save().rect(left, y, totalWidth, height).fill(PALETTE.zebra).restore();
    drawCells(cells, y, false);
    doc
      .save()
      .moveTo(left, y + height)
      .lineTo(left + totalWidth, y + height)
      .lineWidth(0.4)
      .strokeColor(PALETTE.rule)
      .stroke()
      .restore();
    doc.y = y + height;
  });
  doc.x = left;
  doc.moveDown(0.8);
}
