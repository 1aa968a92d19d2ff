// pdfkit is loaded on first use, as for the reports: the API process carries it only once someone prints.
import type PDFDocument from 'pdfkit';
import { amountInWords } from '../../../platform/money/index.js';
import { pdfFont } from '../../../platform/pdf/index.js';

export type Doc = InstanceType<typeof PDFDocument>;

/** "1234567" → "1.234.567" from the decimal string (never a JS number). */
export function viAmount(value: string): string {
  const [int, frac] = value.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac !== undefined && !/^0*$/.test(frac) ? `${grouped},${frac}` : grouped;
}

/** "2025-03-05" → "05/03/2025". */
export function viDate(date: string | null): string {
  if (!date) return '…';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "0.06" (a fraction) → "6" (percent), decimal comma: "0.0775" → "7,75". */
export function viPercent(fraction: string): string {
  const [int, frac = ''] = fractionTimes100(fraction).split('.');
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${int},${trimmed}` : int;
}

function fractionTimes100(fraction: string): string {
  // Shift the decimal point two places on the string: exact, no binary floating point.
  const neg = fraction.startsWith('-');
  const [i, f = ''] = (neg ? fraction.slice(1) : fraction).split('.');
  const padded = f.padEnd(2, '0');
  const int = `${i}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2);
  return `${neg ? '-' : ''}${int}${rest ? `.${rest}` : ''}`;
}

/** Where and when a document is signed: "Thái Nguyên, ngày 05 tháng 03 năm 2025" (Decree 30/2020 Annex I). */
export function placeAndDate(place: string, date: string | null): string {
  if (!date) return `${place}, ngày … tháng … năm …`;
  const [y, m, d] = date.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

export interface DocumentFrame {
  fundName: string;
  place: string;
  /** The signing date of the document (a calendar date), or null for blanks to fill in by hand. */
  date: string | null;
  /** "Số: 12/2025/HĐTD" under the issuer. */
  number: string;
  title: string;
  subtitle?: string;
  /** A mark printed in red under the title (a reversed receipt, a draft). */
  stamp?: string;
}

const MARGIN = { top: 50, bottom: 50, left: 70, right: 50 };
const BODY = 10;

/**
 * A4 portrait with DejaVu embedded and the administrative header of Decree 30/2020 Annex I: the
 * issuer and the document number on the left, the national motto and the place and date on the
 * right, then the title centred.
 */
export async function startDocument(frame: DocumentFrame): Promise<Doc> {
  const { default: PdfKit } = await import('pdfkit');
  const doc = new PdfKit({ size: 'A4', layout: 'portrait', margins: MARGIN, info: { Title: `${frame.title} ${frame.number}`, Creator: frame.fundName } });
  doc.registerFont('body', pdfFont('DejaVuSans'));
  doc.registerFont('bold', pdfFont('DejaVuSans-Bold'));
  const left = MARGIN.left;
  const width = contentWidth(doc);
  const leftW = width * 0.42;
  const rightX = left + leftW + 8;
  const rightW = width - leftW - 8;
  const top = MARGIN.top;

  doc.font('bold').fontSize(9).text(frame.fundName.toUpperCase(), left, top, { width: leftW, align: 'center' });
  const issuerBottom = doc.y;
  rule(doc, left + leftW / 2 - 30, issuerBottom + 4, 60);
  doc
    .font('body')
    .fontSize(9.5)
    .text(`Số: ${frame.number}`, left, issuerBottom + 10, { width: leftW, align: 'center' });
  const leftBottom = doc.y;

  doc.font('bold').fontSize(9.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightW, align: 'center' });
  doc
    .font('bold')
    .fontSize(10)
    .text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y + 1, { width: rightW, align: 'center' });
  const mottoW = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  rule(doc, rightX + (rightW - mottoW) / 2, doc.y + 2, mottoW);
  doc
    .font('body')
    .fontSize(9.5)
    .text(placeAndDate(frame.place, frame.date), rightX, doc.y + 8, { width: rightW, align: 'center' });
  const rightBottom = doc.y;

  doc.x = left;
  doc.y = Math.max(leftBottom, rightBottom) + 22;
  doc.font('bold').fontSize(14).text(frame.title, left, doc.y, { width, align: 'center' });
  if (frame.subtitle)
    doc
      .font('bold')
      .fontSize(11)
      .text(frame.subtitle, left, doc.y + 2, { width, align: 'center' });
  if (frame.stamp)
    doc
      .font('bold')
      .fontSize(11)
      .fillColor('#C00000')
      .text(frame.stamp, left, doc.y + 4, { width, align: 'center' })
      .fillColor('black');
  doc.moveDown(1);
  doc.font('body').fontSize(BODY);
  return doc;
}

function rule(doc: Doc, x: number, y: number, w: number): void {
  doc
    .moveTo(x, y)
    .lineTo(x + w, y)
    .lineWidth(0.6)
    .strokeColor('black')
    .stroke();
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** A bold heading of a part ("BÊN CHO VAY", "Điều 1."). */
export function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc
    .moveDown(0.4)
    .font('bold')
    .fontSize(BODY)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.font('body').fontSize(BODY);
}

export function paragraph(doc: Doc, text: string, opts: { indent?: number; bold?: boolean } = {}): void {
  const indent = opts.indent ?? 0;
  doc
    .font(opts.bold ? 'bold' : 'body')
    .fontSize(BODY)
    .text(text, doc.page.margins.left + indent, doc.y, { width: contentWidth(doc) - indent, align: 'justify', paragraphGap: 3 });
  doc.font('body');
}

/** "Điều 1. …": the article's number in bold, its text following on the same line (Decree 30/2020 Annex I). */
export function article(doc: Doc, label: string, text: string): void {
  ensureSpace(doc, 30);
  doc.moveDown(0.2);
  const left = doc.page.margins.left;
  doc
    .font('bold')
    .fontSize(BODY)
    .text(`${label} `, left, doc.y, { width: contentWidth(doc), continued: true, paragraphGap: 3 });
  doc.font('body').text(text, { paragraphGap: 3 });
}

/** "Label: value" lines with the labels in one column, wrapping the value under itself. */
export function fields(doc: Doc, rows: ReadonlyArray<readonly [string, string]>, labelWidth = 150): void {
  const left = doc.page.margins.left + 12;
  const valueW = contentWidth(doc) - 12 - labelWidth;
  for (const [label, value] of rows) {
    doc.font('body').fontSize(BODY);
    const h = Math.max(doc.heightOfString(`${label}:`, { width: labelWidth - 6 }), doc.heightOfString(value || '…', { width: valueW }));
    ensureSpace(doc, h + 2);
    const y = doc.y;
    doc.text(`${label}:`, left, y, { width: labelWidth - 6 });
    doc.text(value || '…', left + labelWidth, y, { width: valueW });
    doc.y = y + h + 1.5;
  }
  doc.x = doc.page.margins.left;
}

/** The amount in figures and, under it, in words (every amount a fund signs is written both ways). */
export function amountFields(doc: Doc, label: string, amount: string, labelWidth = 150): void {
  fields(
    doc,
    [
      [label, `${viAmount(amount)} đồng`],
      ['Bằng chữ', `${amountInWords(amount)}.`],
    ],
    labelWidth,
  );
}

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A small bordered table (schedules, allocations); repeats the header on a new page. */
export function table(doc: Doc, columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>, boldLast = false): void {
  const left = doc.page.margins.left;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const size = 9;
  const draw = (cells: readonly string[], bold: boolean, header: boolean): void => {
    doc.font(bold ? 'bold' : 'body').fontSize(size);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }))) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!header)
        draw(
          columns.map((c) => c.header),
          true,
          true,
        );
    }
    const y = doc.y;
    let x = left;
    if (header) doc.rect(left, y, contentWidth(doc), h).fill('#E8E8E8').fillColor('black');
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i], h).lineWidth(0.5).strokeColor('#444444').stroke();
      doc
        .font(bold ? 'bold' : 'body')
        .fontSize(size)
        .fillColor('black')
        .text(c, x + 3, y + 3, { width: widths[i] - 6, align: header ? 'center' : (columns[i].align ?? 'left') });
      x += widths[i];
    });
    doc.x = left;
    doc.y = y + h;
  };
  draw(
    columns.map((c) => c.header),
    true,
    true,
  );
  rows.forEach((r, i) => draw(r, boldLast && i === rows.length - 1, false));
  doc.moveDown(0.5);
  doc.font('body').fontSize(BODY);
}

export interface Signer {
  title: string;
  /** The name printed under the signature space, when known. */
  name?: string | null;
  note?: string;
}

/** Signature blocks side by side, kept together on one page. */
export function signatures(doc: Doc, signers: readonly Signer[]): void {
  ensureSpace(doc, 110);
  doc.moveDown(0.8);
  const left = doc.page.margins.left;
  const w = contentWidth(doc) / signers.length;
  const y = doc.y;
  let bottom = y;
  signers.forEach((s, i) => {
    const x = left + i * w;
    doc
      .font('bold')
      .fontSize(signers.length > 3 ? 8.5 : 10)
      .text(s.title, x + 2, y, { width: w - 4, align: 'center' });
    doc
      .font('body')
      .fontSize(8)
      .text(s.note ?? '(Ký, ghi rõ họ tên)', x + 2, doc.y + 1, { width: w - 4, align: 'center' });
    const nameY = doc.y + 56;
    if (s.name)
      doc
        .font('bold')
        .fontSize(signers.length > 3 ? 8.5 : 10)
        .text(s.name, x + 2, nameY, { width: w - 4, align: 'center' });
    bottom = Math.max(bottom, s.name ? doc.y : nameY + 12);
  });
  doc.x = left;
  doc.y = bottom + 6;
}

export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
