// Drawing helpers on top of pdfkit: headings, paragraphs and tables that break across pages cleanly
// (a row is never split; the header row is repeated on every page the table continues on), and the
// pieces both reports' pages are built from: the document, the cover, tiles, numbered points, charts, footers.
/// <reference path="./svg-to-pdfkit.d.ts" />
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { chartFont, FONT, PAGE, PALETTE, registerFonts } from './theme';

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

// ——— Pieces of the reports' pages (the campaign report and the omnichannel report draw them alike) ———

export interface DocumentInfo {
  /** The document's language tag (labels.locale). */
  lang: string;
  title: string;
  subject: string;
  keywords: string;
}

/**
 * A report document: A4 with the reports' margins and fonts, pages buffered so footers can be written last.
 * `draw` fills it; resolves with the whole file (a report is a few hundred kilobytes at most).
 */
export function renderDocument(info: DocumentInfo, draw: (doc: Doc) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    autoFirstPage: true,
    lang: info.lang,
    displayTitle: true,
    info: { Title: info.title, Subject: info.subject, Author: 'Incognito', Creator: 'Incognito', Keywords: info.keywords },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    draw(doc);
    doc.end();
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    doc.destroy(error);
    return Promise.reject(error);
  }
  return done;
}

export const COVER_BAND_HEIGHT = 330;

/** The cover's navy band: the report's name as a kicker, the title, a subtitle and a note at its foot. */
export function coverBand(doc: Doc, text: { kicker: string; title: string; subtitle: string; note: string }): void {
  const left = PAGE.margins.left;
  const width = contentWidth(doc);
  const bandHeight = COVER_BAND_HEIGHT;
  doc.save().rect(0, 0, doc.page.width, bandHeight).fill(PALETTE.primary).restore();
  doc.save().rect(0, bandHeight, doc.page.width, 6).fill(PALETTE.accent).restore();
  doc.font(FONT.bold).fontSize(10).fillColor('#8FD3D4').text(text.kicker.toUpperCase(), left, 120, { width, characterSpacing: 0.8 });
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(28).fillColor(PALETTE.white).text(text.title, left, doc.y, { width, lineGap: 2 });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(15).fillColor('#C9D8E8').text(text.subtitle, left, doc.y, { width });
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor('#C9D8E8')
    .text(text.note, left, bandHeight - 40, { width });
}

export interface CoverDetails {
  /** Label and value rows under the band, each over a thin rule. */
  rows: Array<[string, string]>;
  /** "Filters applied:" and the filters, when any. */
  filters: { label: string; parts: string[] };
  /** The warning that unapproved visits are counted, when they are. */
  unapprovedWarning: string | null;
  /** The confidentiality line at the foot of the cover. */
  confidential: string;
}

/** The cover's details below the band, starting `top` points under it, rows `rowGap` apart. */
export function coverDetails(doc: Doc, details: CoverDetails, spacing: { top: number; rowGap: number }): void {
  const left = PAGE.margins.left;
  const width = contentWidth(doc);
  let y = COVER_BAND_HEIGHT + spacing.top;
  const labelWidth = 150;
  for (const [label, value] of details.rows) {
    doc
      .font(FONT.bold)
      .fontSize(8)
      .fillColor(PALETTE.muted)
      .text(label.toUpperCase(), left, y + 2, { width: labelWidth, characterSpacing: 0.8 });
    doc
      .font(FONT.regular)
      .fontSize(12)
      .fillColor(PALETTE.text)
      .text(value, left + labelWidth, y, { width: width - labelWidth });
    y = Math.max(doc.y, y + 14) + spacing.rowGap;
    doc
      .save()
      .moveTo(left, y - spacing.rowGap / 2)
      .lineTo(left + width, y - spacing.rowGap / 2)
      .lineWidth(0.4)
      .strokeColor(PALETTE.rule)
      .stroke()
      .restore();
  }
  if (details.filters.parts.length) {
    doc
      .font(FONT.bold)
      .fontSize(9)
      .fillColor(PALETTE.accent)
      .text(`${details.filters.label}:`, left, y + spacing.rowGap - 4, { width });
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(PALETTE.text)
      .text(details.filters.parts.join(' · '), left, doc.y + 2, { width });
  }
  if (details.unapprovedWarning)
    doc
      .font(FONT.bold)
      .fontSize(9)
      .fillColor(PALETTE.warn)
      .text(details.unapprovedWarning, left, doc.y + 6, { width });
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(PALETTE.muted)
    .text(details.confidential, left, doc.page.height - PAGE.margins.bottom - 24, { width, lineBreak: false });
}

export interface Tile {
  label: string;
  value: string;
  note: string;
  noteColor?: string;
}

/** A row of headline figures: label, big value, a note; as many tiles as given, sharing the width. */
export function tiles(doc: Doc, items: Tile[]): void {
  const gap = 10;
  const left = PAGE.margins.left;
  const width = (contentWidth(doc) - gap * (items.length - 1)) / items.length;
  const height = 92;
  ensureSpace(doc, height + 10);
  const y = doc.y;
  items.forEach((item, index) => {
    const x = left + index * (width + gap);
    doc.save().roundedRect(x, y, width, height, 4).fill(PALETTE.zebra).restore();
    doc.save().rect(x, y, 3, height).fill(PALETTE.accent).restore();
    doc
      .font(FONT.bold)
      .fontSize(7.5)
      .fillColor(PALETTE.muted)
      .text(item.label.toUpperCase(), x + 12, y + 10, { width: width - 20, characterSpacing: 0.5 });
    // Labels may take two lines; the value and its note sit below them at fixed heights so tiles line up.
    doc
      .font(FONT.bold)
      .fontSize(22)
      .fillColor(PALETTE.primary)
      .text(item.value, x + 12, y + 36, { width: width - 20, lineBreak: false });
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(item.noteColor ?? PALETTE.muted)
      .text(item.note, x + 12, y + 64, { width: width - 20, height: 24, ellipsis: true });
  });
  doc.x = left;
  doc.y = y + height + gap;
}

/** A numbered point (a priority, a recommendation): a coloured disc with its number, a bold title, a detail line, an optional italic note. */
export function numberedItem(doc: Doc, number: number, title: string, detail: string, color: string, note?: string | null): void {
  const left = PAGE.margins.left;
  const width = contentWidth(doc) - 26;
  doc.font(FONT.bold).fontSize(10);
  const needed = doc.heightOfString(title, { width }) + 14 + (note ? doc.heightOfString(note, { width }) + 4 : 0);
  ensureSpace(doc, needed + 6);
  const y = doc.y;
  doc
    .save()
    .circle(left + 8, y + 6, 8)
    .fill(color)
    .restore();
  doc
    .font(FONT.bold)
    .fontSize(8.5)
    .fillColor(PALETTE.white)
    .text(String(number), left, y + 2.2, { width: 16, align: 'center' });
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(PALETTE.text)
    .text(title, left + 26, y, { width });
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(PALETTE.muted)
    .text(detail, left + 26, doc.y + 1, { width });
  if (note)
    doc
      .font(FONT.italic)
      .fontSize(8.5)
      .fillColor(PALETTE.text)
      .text(note, left + 26, doc.y + 2, { width });
  doc.x = left;
  doc.y += 7;
}

/** A chart's SVG (renderChartSvg) placed as vectors at the cursor, the full content width, `height` points tall. */
export function placeChart(doc: Doc, svg: string, height: number): void {
  ensureSpace(doc, height + 8);
  const y = doc.y;
  SVGtoPDF(doc, svg, PAGE.margins.left, y, {
    width: contentWidth(doc),
    height,
    assumePt: true,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback: chartFont,
  });
  doc.x = PAGE.margins.left;
  doc.y = y + height + 6;
}

/** Every page's footer, written once all pages exist: a rule, the report's name on the left, "page n of N" on the right. */
export function pageFooters(doc: Doc, name: string, pageLabel: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  const left = PAGE.margins.left;
  const width = contentWidth(doc);
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not open a new page
    const y = doc.page.height - bottomMargin + 24;
    doc
      .save()
      .moveTo(left, y - 8)
      .lineTo(left + width, y - 8)
      .lineWidth(0.5)
      .strokeColor(PALETTE.rule)
      .stroke()
      .restore();
    doc.font(FONT.regular).fontSize(8).fillColor(PALETTE.muted);
    doc.text(name, left, y, { width: width * 0.7, lineBreak: false, ellipsis: true, height: 10 });
    doc.text(pageLabel(index - range.start + 1, range.count), left + width * 0.7, y, {
      width: width * 0.3,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
