import {
  type Pdf,
  FONT,
  type FontName,
  createPdf,
  numberPagesFromSecond,
  renderToBuffer,
  vn,
} from './pdf-document';
import { documentTimestamp, vietnameseLongDate } from './vietnamese-date';

export interface DecisionRecipient {
  /** The row number printed in the annex ("STT"). */
  index: number;
  name: string;
  /** Position and unit of a person, or what a unit or model is. */
  detail: string | null;
  formName: string;
}

export interface DecisionData {
  /** "1234/QĐ-UBND". */
  number: string;
  /** Calendar date YYYY-MM-DD (Asia/Ho_Chi_Minh). */
  signedOn: string;
  authorityName: string;
  /** "TP. Hồ Chí Minh". */
  place: string;
  /** What the decision is about: "Về việc tặng Bằng khen …". */
  title: string;
  /** The "Căn cứ …" paragraphs, each ending with its own punctuation. */
  basis: string[];
  /** Article bodies; the renderer numbers them "Điều 1.", "Điều 2." unless they already are. */
  articles: string[];
  signerTitle: string;
  signerName: string | null;
  recipients: DecisionRecipient[];
}

// Decree 30/2020/NĐ-CP page setup: 20-25 mm top and bottom, 30-35 mm left, 15-20 mm right.
const MARGIN = { top: 57, bottom: 57, left: 85, right: 57 };
const BODY_SIZE = 12.5;
const INDENT = 28;
const LINE_GAP = 3;

/** The decision (quyết định khen thưởng) on A4 portrait, followed by its annex listing every
 * recipient in a table whose header repeats on each page. */
export async function renderDecisionPdf(input: DecisionData): Promise<Buffer> {
  const d = normalized(input);
  const doc = createPdf({
    layout: 'portrait',
    margins: MARGIN,
    title: `Quyết định số ${d.number} – ${d.title}`,
    subject: d.authorityName,
    timestamp: documentTimestamp(d.signedOn),
    bufferPages: true,
  });
  return await renderToBuffer(doc, () => {
    doc.addPage();
    drawDecision(doc, d);
    if (d.recipients.length > 0) {
      doc.addPage();
      drawAnnex(doc, d);
    }
    numberPagesFromSecond(doc, 28);
  });
}

function normalized(d: DecisionData): DecisionData {
  return {
    ...d,
    number: vn(d.number),
    authorityName: vn(d.authorityName),
    place: vn(d.place),
    title: vn(d.title),
    basis: d.basis.map(vn),
    articles: d.articles.map(vn),
    signerTitle: vn(d.signerTitle),
    signerName: d.signerName === null ? null : vn(d.signerName),
    recipients: d.recipients.map((r) => ({
      index: r.index,
      name: vn(r.name),
      detail: r.detail === null ? null : vn(r.detail),
      formName: vn(r.formName),
    })),
  };
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

function contentWidth(doc: Pdf): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

/** Centred text at (x, y) within `width`; returns its height. */
function centered(
  doc: Pdf,
  text: string,
  font: FontName,
  size: number,
  x: number,
  y: number,
  width: number,
): number {
  doc.font(font).fontSize(size).fillColor('black');
  const height = doc.heightOfString(text, { width, align: 'center' });
  doc.text(text, x, y, { width, align: 'center' });
  return height;
}

function underline(doc: Pdf, centerX: number, y: number, width: number): void {
  doc
    .moveTo(centerX - width / 2, y)
    .lineTo(centerX + width / 2, y)
    .lineWidth(0.7)
    .strokeColor('black')
    .stroke();
}

/** The two-column heading of Vietnamese official documents: issuer on the left, national motto on
 * the right. Returns the y below it. */
function drawHeading(doc: Pdf, d: DecisionData, withNumberAndDate: boolean): number {
  const top = MARGIN.top - 12;
  const leftX = MARGIN.left - 30;
  const leftWidth = 200;
  const rightX = leftX + leftWidth;
  const rightWidth = doc.page.width - MARGIN.right + 15 - rightX;

  let left = top;
  left += centered(
    doc,
    issuerLines(doc, upper(d.authorityName), leftWidth),
    FONT.serifBold,
    11.5,
    leftX,
    left,
    leftWidth,
  );
  underline(doc, leftX + leftWidth / 2, left + 3, 60);
  left += 12;

  let right = top;
  right += centered(
    doc,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    FONT.serifBold,
    11.5,
    rightX,
    right,
    rightWidth,
  );
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  right += centered(doc, motto, FONT.serifBold, 12, rightX, right, rightWidth);
  underline(
    doc,
    rightX + rightWidth / 2,
    right + 3,
    doc.font(FONT.serifBold).fontSize(12).widthOfString(motto),
  );
  right += 12;

  if (!withNumberAndDate) return Math.max(left, right) + 10;
  const y = Math.max(left, right);
  centered(doc, `Số: ${d.number}`, FONT.serif, 12.5, leftX, y, leftWidth);
  const dateHeight = centered(
    doc,
    `${d.place}, ${vietnameseLongDate(d.signedOn)}`,
    FONT.serifItalic,
    12.5,
    rightX,
    y,
    rightWidth,
  );
  return y + dateHeight + 22;
}

/** Administrative levels that start the second line of an issuer's name: "ỦY BAN NHÂN DÂN" over
 * "THÀNH PHỐ HỒ CHÍ MINH" rather than wherever the width runs out. */
const PLACE_WORD = /\s(THÀNH PHỐ|TỈNH|QUẬN|HUYỆN|THỊ XÃ|PHƯỜNG|XÃ|ĐẶC KHU)\s/u;

function issuerLines(doc: Pdf, name: string, width: number): string {
  doc.font(FONT.serifBold).fontSize(11.5);
  if (doc.widthOfString(name) <= width) return name;
  const at = PLACE_WORD.exec(name);
  if (!at) return name;
  const first = name.slice(0, at.index);
  const second = name.slice(at.index + 1);
  const fits = doc.widthOfString(first) <= width && doc.widthOfString(second) <= width;
  return fits ? `${first}\n${second}` : name;
}

function issuerHeading(d: DecisionData): string {
  // "CHỦ TỊCH ỦY BAN NHÂN DÂN …" when one person decides; a delegated title ("KT. CHỦ TỊCH",
  // several lines) cannot be prefixed that way, so the body alone is named then.
  return /[.\n]/.test(d.signerTitle)
    ? upper(d.authorityName)
    : upper(`${d.signerTitle} ${d.authorityName}`);
}

function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN.bottom) {
    doc.addPage();
  }
}

function drawDecision(doc: Pdf, d: DecisionData): void {
  const width = contentWidth(doc);
  let y = drawHeading(doc, d, true);
  y += centered(doc, 'QUYẾT ĐỊNH', FONT.serifBold, 14, MARGIN.left, y, width);
  y += 2;
  y += centered(doc, d.title, FONT.serifBold, 13, MARGIN.left + 20, y, width - 40);
  underline(doc, MARGIN.left + width / 2, y + 6, 90);
  y += 22;
  y += centered(doc, issuerHeading(d), FONT.serifBold, 13, MARGIN.left, y, width);
  doc.y = y + 12;

  const paragraph = { width, align: 'justify' as const, indent: INDENT, lineGap: LINE_GAP };
  for (const basis of d.basis) {
    doc
      .font(FONT.serifItalic)
      .fontSize(BODY_SIZE)
      .text(basis, MARGIN.left, doc.y, { ...paragraph, paragraphGap: 5 });
  }

  doc.moveDown(0.6);
  ensureRoom(doc, 40);
  doc.y += centered(doc, 'QUYẾT ĐỊNH:', FONT.serifBold, 14, MARGIN.left, doc.y, width) + 8;

  d.articles.forEach((article, i) => {
    const numbered = /^Điều\s+\d+\./.exec(article);
    const label = numbered ? numbered[0] : `Điều ${i + 1}.`;
    const body = numbered ? article.slice(numbered[0].length).trimStart() : article;
    doc
      .font(FONT.serifBold)
      .fontSize(BODY_SIZE)
      .text(`${label} `, MARGIN.left, doc.y, { ...paragraph, continued: true })
      .font(FONT.serif)
      .text(body, { ...paragraph, paragraphGap: 6 });
  });

  drawSignatureBlock(doc, d);
}

function drawSignatureBlock(doc: Pdf, d: DecisionData): void {
  ensureRoom(doc, 150);
  const top = doc.y + 14;
  const leftX = MARGIN.left;
  const rightWidth = 230;
  const rightX = doc.page.width - MARGIN.right - rightWidth;

  doc
    .font(FONT.serifBoldItalic)
    .fontSize(12)
    .fillColor('black')
    .text('Nơi nhận:', leftX, top, { lineBreak: false });
  const copies = [`- Như Điều ${Math.max(d.articles.length, 1)};`, '- Lưu: VT.'];
  doc.font(FONT.serif).fontSize(11);
  copies.forEach((line, i) => doc.text(line, leftX, top + 18 + i * 15, { lineBreak: false }));

  let y = top;
  y += centered(doc, upper(d.signerTitle), FONT.serifBold, 13, rightX, y, rightWidth);
  if (d.signerName) {
    centered(doc, d.signerName, FONT.serifBold, 13, rightX, y + 72, rightWidth);
  }
  doc.y = top + 110;
}

interface Column {
  header: string;
  width: number;
  align: 'left' | 'center';
  cell: (r: DecisionRecipient) => string;
}

const COLUMNS: Column[] = [
  { header: 'STT', width: 36, align: 'center', cell: (r) => String(r.index) },
  { header: 'Tập thể, cá nhân', width: 150, align: 'left', cell: (r) => r.name },
  { header: 'Chức vụ, đơn vị', width: 162, align: 'left', cell: (r) => r.detail ?? '' },
  { header: 'Hình thức khen thưởng', width: 105, align: 'center', cell: (r) => r.formName },
];
const CELL_PAD_X = 5;
const CELL_PAD_Y = 4;
const TABLE_SIZE = 11;

function rowHeight(doc: Pdf, cells: string[], font: FontName): number {
  doc.font(font).fontSize(TABLE_SIZE);
  const tallest = Math.max(
    ...cells.map((text, i) =>
      doc.heightOfString(text || ' ', { width: COLUMNS[i].width - 2 * CELL_PAD_X }),
    ),
  );
  return tallest + 2 * CELL_PAD_Y;
}

function drawRow(doc: Pdf, cells: string[], y: number, header: boolean): number {
  const font = header ? FONT.serifBold : FONT.serif;
  const height = rowHeight(doc, cells, font);
  let x = MARGIN.left;
  if (header) {
    doc.rect(x, y, contentWidth(doc), height).fillColor('#e9e9e9').fill();
  }
  cells.forEach((text, i) => {
    const col = COLUMNS[i];
    doc.rect(x, y, col.width, height).lineWidth(0.6).strokeColor('black').stroke();
    doc
      .font(font)
      .fontSize(TABLE_SIZE)
      .fillColor('black')
      .text(text, x + CELL_PAD_X, y + CELL_PAD_Y, {
        width: col.width - 2 * CELL_PAD_X,
        align: header ? 'center' : col.align,
      });
    x += col.width;
  });
  return height;
}

function drawAnnex(doc: Pdf, d: DecisionData): void {
  const width = contentWidth(doc);
  let y = drawHeading(doc, d, false);
  y += centered(doc, 'DANH SÁCH KHEN THƯỞNG', FONT.serifBold, 14, MARGIN.left, y, width);
  y += 2;
  y += centered(
    doc,
    `(Kèm theo Quyết định số ${d.number} ${vietnameseLongDate(d.signedOn)} của ${d.authorityName})`,
    FONT.serifItalic,
    12.5,
    MARGIN.left,
    y,
    width,
  );
  y += 14;

  const headers = COLUMNS.map((c) => c.header);
  const bottom = doc.page.height - MARGIN.bottom;
  y += drawRow(doc, headers, y, true);
  for (const r of d.recipients) {
    const cells = COLUMNS.map((c) => c.cell(r));
    if (y + rowHeight(doc, cells, FONT.serif) > bottom) {
      doc.addPage();
      y = MARGIN.top;
      y += drawRow(doc, headers, y, true);
    }
    y += drawRow(doc, cells, y, false);
  }
  doc.y = y;
}
