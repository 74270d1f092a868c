import {
  type DocumentHeading,
  centered,
  drawDocumentHeading,
  nameLines,
  rule,
  upper,
} from './document-heading';
import {
  type Pdf,
  FONT,
  type FontName,
  type RenderOptions,
  createPdf,
  numberPagesFromSecond,
  renderToBuffer,
  vn,
  vnOrNull,
} from './pdf-document';
import { MARGIN, contentWidth, ensureRoom, headingLayout } from './page-layout';
import { documentTimestamp, vietnameseLongDate } from './vietnamese-date';

export type DecisionRecipientKind = 'UNIT' | 'PERSON' | 'INITIATIVE';

export interface DecisionRecipient {
  /** Collectives are listed first ("I. TẬP THỂ"), then individuals ("II. CÁ NHÂN"), then models. */
  kind: DecisionRecipientKind;
  name: string;
  /** A person's position ("Phó Bí thư Đảng ủy"). */
  position: string | null;
  /** The person's unit, the collective's superior body, or the model's owner. */
  unitName: string | null;
  /** What the recipient is honoured for. */
  achievement: string | null;
  formName: string;
}

export interface DecisionData {
  /** As printed after "Số": "126-QĐ/ĐU" (party), "1234/QĐ-UBND" (state). */
  number: string;
  /** Calendar date YYYY-MM-DD (Asia/Ho_Chi_Minh). */
  signedOn: string;
  /** The issuer and its format: header, motto, "*" or rule, number with or without a colon. */
  heading: DocumentHeading;
  /** The issuer in running text: "Ban Dân vận Thành ủy Thành phố Hồ Chí Minh". */
  authorityName: string;
  /** "TP. Hồ Chí Minh". */
  place: string;
  /** The subject under "QUYẾT ĐỊNH": "Về việc tặng Bằng khen …". */
  title: string;
  /** Who decides, printed in capitals above the bases: "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI …". */
  decidingBody: string;
  /** The "Căn cứ …" paragraphs, each ending with its own punctuation. */
  basis: string[];
  /** Article bodies; the renderer numbers them "Điều 1.", "Điều 2." unless they already are. */
  articles: string[];
  /** The signer's block in capitals: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  signerLines: string[];
  signerName: string | null;
  recipients: DecisionRecipient[];
}

const BODY_SIZE = 12.5;
const INDENT = 28;
const LINE_GAP = 3;

/** The decision (quyết định khen thưởng) on A4 portrait in its issuer's format (party or state),
 * followed by its annex: collectives, then individuals, in a table whose header repeats on each
 * page. */
export async function renderDecisionPdf(
  input: DecisionData,
  options: RenderOptions = {},
): Promise<Buffer> {
  const d = normalized(input);
  const doc = createPdf({
    layout: 'portrait',
    margins: MARGIN,
    title: `Quyết định số ${d.number} – ${d.title}`,
    subject: d.authorityName,
    timestamp: documentTimestamp(d.signedOn),
    bufferPages: true,
  });
  return await renderToBuffer(
    doc,
    () => {
      doc.addPage();
      drawDecision(doc, d);
      if (d.recipients.length > 0) {
        doc.addPage();
        drawAnnex(doc, d);
      }
      numberPagesFromSecond(doc, 28);
    },
    options.seal,
  );
}

function normalized(d: DecisionData): DecisionData {
  return {
    ...d,
    number: vn(d.number),
    heading: {
      style: d.heading.style,
      superiorName: vn(d.heading.superiorName),
      issuerName: vn(d.heading.issuerName),
    },
    authorityName: vn(d.authorityName),
    place: vn(d.place),
    title: vn(d.title),
    decidingBody: vn(d.decidingBody),
    basis: d.basis.map(vn),
    articles: d.articles.map(vn),
    signerLines: d.signerLines.map(vn),
    signerName: vnOrNull(d.signerName),
    recipients: d.recipients.map((r) => ({
      kind: r.kind,
      name: vn(r.name),
      position: vnOrNull(r.position),
      unitName: vnOrNull(r.unitName),
      achievement: vnOrNull(r.achievement),
      formName: vn(r.formName),
    })),
  };
}

function drawDecision(doc: Pdf, d: DecisionData): void {
  const width = contentWidth(doc);
  let y = drawDocumentHeading(doc, d.heading, headingLayout(doc), {
    number: d.number,
    place: d.place,
    date: d.signedOn,
  });
  y += centered(doc, 'QUYẾT ĐỊNH', FONT.serifBold, 14, MARGIN.left, y, width);
  y += 2;
  y += centered(doc, d.title, FONT.serifBold, 13, MARGIN.left + 20, y, width - 40);
  rule(doc, MARGIN.left + width / 2, y + 6, 90);
  y += 22;
  y += centered(
    doc,
    nameLines(doc, upper(d.decidingBody), FONT.serifBold, 13, width),
    FONT.serifBold,
    13,
    MARGIN.left,
    y,
    width,
  );
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

/** "Nơi nhận" on the left; on the right the signer's block, room for the signature and seal, and
 * the signer's name. */
function drawSignatureBlock(doc: Pdf, d: DecisionData): void {
  const titleLines = d.signerLines.length;
  ensureRoom(doc, 130 + 18 * titleLines);
  const top = doc.y + 14;
  const leftX = MARGIN.left;
  const rightWidth = 240;
  const rightX = doc.page.width - MARGIN.right - rightWidth + 10;

  doc
    .font(FONT.serifBoldItalic)
    .fontSize(12)
    .fillColor('black')
    .text('Nơi nhận:', leftX, top, { lineBreak: false });
  const copies = [`- Như Điều ${Math.max(d.articles.length, 1)};`, '- Lưu: VT.'];
  doc.font(FONT.serif).fontSize(11);
  copies.forEach((line, i) => doc.text(line, leftX, top + 18 + i * 15, { lineBreak: false }));

  let y = top;
  for (const line of d.signerLines) {
    y += centered(doc, upper(line), FONT.serifBold, 13, rightX, y, rightWidth);
  }
  if (d.signerName) {
    centered(doc, d.signerName, FONT.serifBold, 13, rightX, y + 72, rightWidth);
  }
  doc.y = y + 110;
}

interface Column {
  header: string;
  width: number;
  align: 'left' | 'center';
  cell: (r: DecisionRecipient, index: number) => string;
}

/** Numbered columns fit the 453 pt between the margins; the form column appears only when the
 * decision gives more than one form. */
function columnsFor(severalForms: boolean): Column[] {
  const base: Column[] = [
    { header: 'STT', width: 35, align: 'center', cell: (_r, i) => String(i) },
    { header: 'Tập thể, cá nhân', width: 113, align: 'left', cell: (r) => r.name },
    { header: 'Chức vụ', width: 78, align: 'left', cell: (r) => r.position ?? '' },
    { header: 'Đơn vị', width: 112, align: 'left', cell: (r) => r.unitName ?? '' },
    { header: 'Thành tích', width: 115, align: 'left', cell: (r) => r.achievement ?? '' },
  ];
  if (!severalForms) return base;
  const widths = [33, 96, 65, 89, 91, 79];
  const form: Column = {
    header: 'Hình thức khen thưởng',
    width: 0,
    align: 'center',
    cell: (r) => r.formName,
  };
  return [...base, form].map((c, i) => ({ ...c, width: widths[i] }));
}

const GROUPS: { kind: DecisionRecipientKind; label: string }[] = [
  { kind: 'UNIT', label: 'TẬP THỂ' },
  { kind: 'PERSON', label: 'CÁ NHÂN' },
  { kind: 'INITIATIVE', label: 'MÔ HÌNH' },
];
const ROMAN = ['I', 'II', 'III'];
const CELL_PAD_X = 4;
const CELL_PAD_Y = 4;
const TABLE_SIZE = 10.5;

function rowHeight(doc: Pdf, columns: Column[], cells: string[], font: FontName): number {
  doc.font(font).fontSize(TABLE_SIZE);
  const tallest = Math.max(
    ...cells.map((text, i) =>
      doc.heightOfString(text || ' ', { width: columns[i].width - 2 * CELL_PAD_X }),
    ),
  );
  return tallest + 2 * CELL_PAD_Y;
}

function drawRow(doc: Pdf, columns: Column[], cells: string[], y: number, header: boolean) {
  const font = header ? FONT.serifBold : FONT.serif;
  const height = rowHeight(doc, columns, cells, font);
  let x = MARGIN.left;
  if (header) {
    doc.rect(x, y, contentWidth(doc), height).fillColor('#e9e9e9').fill();
  }
  cells.forEach((text, i) => {
    const col = columns[i];
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

/** A row spanning the table: "I. TẬP THỂ (03)". */
function groupRowHeight(doc: Pdf): number {
  return doc.font(FONT.serifBold).fontSize(TABLE_SIZE).currentLineHeight() + 2 * CELL_PAD_Y;
}

function drawGroupRow(doc: Pdf, text: string, y: number): number {
  const height = groupRowHeight(doc);
  const width = contentWidth(doc);
  doc.rect(MARGIN.left, y, width, height).lineWidth(0.6).strokeColor('black').stroke();
  doc
    .font(FONT.serifBold)
    .fontSize(TABLE_SIZE)
    .fillColor('black')
    .text(text, MARGIN.left + CELL_PAD_X, y + CELL_PAD_Y, {
      width: width - 2 * CELL_PAD_X,
      lineBreak: false,
    });
  return height;
}

function drawAnnex(doc: Pdf, d: DecisionData): void {
  const width = contentWidth(doc);
  let y = drawDocumentHeading(doc, d.heading, headingLayout(doc), null);
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

  const columns = columnsFor(new Set(d.recipients.map((r) => r.formName)).size > 1);
  const headers = columns.map((c) => c.header);
  const bottom = doc.page.height - MARGIN.bottom;
  const newPage = () => {
    doc.addPage();
    return MARGIN.top + drawRow(doc, columns, headers, MARGIN.top, true);
  };
  y += drawRow(doc, columns, headers, y, true);
  const groups = GROUPS.map((g) => ({
    ...g,
    rows: d.recipients.filter((r) => r.kind === g.kind),
  })).filter((g) => g.rows.length > 0);
  groups.forEach((g, gi) => {
    const firstCells = columns.map((c) => c.cell(g.rows[0], 1));
    // A group's heading never ends a page without its first row.
    if (y + groupRowHeight(doc) + rowHeight(doc, columns, firstCells, FONT.serif) > bottom) {
      y = newPage();
    }
    const count = String(g.rows.length).padStart(2, '0');
    y += drawGroupRow(doc, `${ROMAN[gi]}. ${g.label} (${count})`, y);
    g.rows.forEach((r, i) => {
      const cells = columns.map((c) => c.cell(r, i + 1));
      if (y + rowHeight(doc, columns, cells, FONT.serif) > bottom) y = newPage();
      y += drawRow(doc, columns, cells, y, false);
    });
  });
  doc.y = y;
}
