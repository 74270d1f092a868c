import QRCode from 'qrcode';
import { type DocumentStyle, PARTY_HEADER, STATE_HEADER, STATE_MOTTO } from '@epw/domain';
import {
  type Pdf,
  FONT,
  type FontName,
  type RenderOptions,
  createPdf,
  renderToBuffer,
  vn,
} from './pdf-document';
import { documentTimestamp, vietnameseLongDate, vietnameseShortDate } from './vietnamese-date';

export type RecipientKind = 'UNIT' | 'PERSON' | 'INITIATIVE';

export interface CertificateData {
  /** Register number printed as "Số: …", e.g. "UBND-TP/2026/000123". */
  serial: string;
  /** Printed under the QR code, e.g. "K7Q2-9XMA-4HRT". */
  verificationCode: string;
  /** Full URL encoded in the QR code, under the configured public base URL, e.g.
   * https://tdkt.example.vn/app/verify/K7Q2-9XMA-4HRT. */
  verifyUrl: string;
  /** The issuer's format: "ĐẢNG CỘNG SẢN VIỆT NAM" (party) or the national name and motto (state)
   * at the top. */
  style: DocumentStyle;
  /** "Bằng khen", "Giấy khen", "Kỷ niệm chương" or a title such as 'Điển hình "Dân vận khéo" cấp
   * Thành phố'. */
  formName: string;
  /** Who awards, printed in capitals under the header: "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí
   * Minh", "Ban Thường vụ Đảng ủy Khối …". */
  authorityName: string;
  /** The signer's block: ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  signerLines: string[];
  signerName: string | null;
  /** The unit, person or model honoured. */
  recipientName: string;
  recipientKind: RecipientKind;
  /** The person's unit, or the model's owner. */
  recipientDetail: string | null;
  achievement: string;
  /** "1234/QĐ-UBND". */
  decisionNumber: string;
  /** Calendar date YYYY-MM-DD (Asia/Ho_Chi_Minh); also the date the certificate is signed. */
  decisionDate: string;
  /** "TP. Hồ Chí Minh". */
  place: string;
  /** `on` is a calendar date YYYY-MM-DD. */
  revoked?: { on: string; reason: string } | null;
}

/** One A4 landscape page per certificate, in the given order. */
export async function renderCertificatesPdf(
  certs: CertificateData[],
  options: RenderOptions = {},
): Promise<Buffer> {
  if (certs.length === 0) throw new RangeError('no certificates to render');
  // ISO calendar dates sort as strings; the latest one stamps the whole batch.
  const latest = certs.map((c) => c.decisionDate).reduce((a, b) => (b > a ? b : a));
  const first = certs[0];
  const doc = createPdf({
    layout: 'landscape',
    // Zero margins: PDFKit starts a new page when text reaches the bottom margin, and the
    // certificate places everything itself.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    title:
      certs.length === 1
        ? `${first.formName} – ${first.recipientName} (${first.serial})`
        : `${certs.length} ${first.formName.toLocaleLowerCase('vi')} – ${first.authorityName}`,
    subject: first.authorityName,
    timestamp: documentTimestamp(latest),
  });
  return await renderToBuffer(
    doc,
    () => {
      for (const cert of certs) {
        doc.addPage();
        drawCertificate(doc, cert);
      }
    },
    options.seal,
  );
}

export function renderCertificatePdf(
  cert: CertificateData,
  options: RenderOptions = {},
): Promise<Buffer> {
  return renderCertificatesPdf([cert], options);
}

const RED = '#a11d1d';
const GOLD = '#b8860b';
const PALE_GOLD = '#fbf3da';
const INK = '#1a1a1a';
const NAVY = '#14305a';
const GREY = '#5b5b5b';

/** Outer edge of the decorative band and inner frame, in points from the page edge. */
const BAND_OUT = 16;
const BAND_IN = 32;
/** Content keeps this far from the page edge. */
const INSET = 52;
const QR_SIZE = 86;
/** The top of the block of date, signature, decision reference and QR code. */
const FOOT_TOP = 392;

/** Draws the QR code as vector squares rather than an embedded PNG: sharp at any print size, and
 * PDFKit embeds PNGs with an alpha channel asynchronously, which made the order of objects in the
 * file, and so its bytes, vary from run to run. */
function drawQrCode(doc: Pdf, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const unit = size / (modules.size + 2 * quiet);
  doc.rect(x, y, size, size).fillColor('white').fill();
  for (let row = 0; row < modules.size; row++) {
    // One rectangle per horizontal run of dark modules keeps the path short.
    for (let col = 0; col < modules.size; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(x + (quiet + start) * unit, y + (quiet + row) * unit, (col - start) * unit, unit);
    }
  }
  doc.fillColor('black').fill();
}

function recipientLine(cert: CertificateData): string {
  switch (cert.recipientKind) {
    case 'PERSON':
      return `Ông/Bà ${cert.recipientName}`;
    case 'INITIATIVE':
      return `Mô hình ${cert.recipientName}`;
    case 'UNIT':
      return cert.recipientName;
  }
}

interface Block {
  text: string;
  font: FontName;
  size: number;
  color: string;
  /** Space above the block. */
  gap: number;
  width: number;
  lineGap?: number;
}

/** The largest size (down to `min`) at which `text` fits on one line of `width`. */
function fitSize(doc: Pdf, text: string, font: FontName, max: number, min: number, width: number) {
  for (let size = max; size > min; size -= 0.5) {
    if (doc.font(font).fontSize(size).widthOfString(text) <= width) return size;
  }
  return min;
}

function blockHeight(doc: Pdf, b: Block): number {
  return doc
    .font(b.font)
    .fontSize(b.size)
    .heightOfString(b.text, { width: b.width, align: 'center', lineGap: b.lineGap ?? 0 });
}

function drawCentered(doc: Pdf, b: Block, y: number, centerX: number): number {
  const height = blockHeight(doc, b);
  doc.fillColor(b.color).text(b.text, centerX - b.width / 2, y, {
    width: b.width,
    align: 'center',
    lineGap: b.lineGap ?? 0,
  });
  return height;
}

function drawCertificate(doc: Pdf, raw: CertificateData): void {
  const cert = normalized(raw);
  const W = doc.page.width;
  const H = doc.page.height;
  const cx = W / 2;
  const contentWidth = W - 2 * INSET;

  drawBorder(doc, W, H);

  // The party header or the national name and motto, then the awarding authority.
  let y = 48;
  if (cert.style === 'PARTY') {
    y += 8;
    y += drawCentered(doc, block(PARTY_HEADER, FONT.serifBold, 15, RED, contentWidth), y, cx);
    underlineAt(doc, PARTY_HEADER, 15, cx, y + 2);
  } else {
    y += drawCentered(doc, block(STATE_HEADER, FONT.serifBold, 13.5, INK, contentWidth), y, cx);
    y += 2;
    y += drawCentered(doc, block(STATE_MOTTO, FONT.serifBold, 13, INK, contentWidth), y, cx);
    underlineAt(doc, STATE_MOTTO, 13, cx, y + 2);
  }
  y += 14;
  const authority = cert.authorityName.toLocaleUpperCase('vi');
  y += drawCentered(
    doc,
    block(
      authority,
      FONT.serifBold,
      fitSize(doc, authority, FONT.serifBold, 16, 11, 700),
      RED,
      700,
    ),
    y,
    cx,
  );

  // The body is centred vertically in the space between the authority and the signature area.
  const formName = cert.formName.toLocaleUpperCase('vi');
  const recipient = recipientLine(cert);
  const body = (achievementSize: number): Block[] => [
    block(formName, FONT.serifBold, fitSize(doc, formName, FONT.serifBold, 46, 24, 700), RED),
    { ...block('Tặng', FONT.serifItalic, 16, INK), gap: 8 },
    {
      ...block(
        recipient,
        FONT.serifBold,
        fitSize(doc, recipient, FONT.serifBold, 27, 17, 680),
        NAVY,
        680,
      ),
      gap: 4,
    },
    ...(cert.recipientDetail
      ? [{ ...block(cert.recipientDetail, FONT.serifItalic, 14, INK, 640), gap: 4 }]
      : []),
    {
      ...block(cert.achievement, FONT.serif, achievementSize, INK, 620),
      gap: 12,
      lineGap: 2,
    },
  ];
  const top = y + 8;
  const bottom = FOOT_TOP - 12;
  let blocks = body(15.5);
  const heightOf = (bs: Block[]) => bs.reduce((sum, b) => sum + b.gap + blockHeight(doc, b), 0);
  // A long achievement text shrinks rather than running into the signature.
  for (let size = 15; heightOf(blocks) > bottom - top && size >= 10; size -= 0.5) {
    blocks = body(size);
  }
  y = top + Math.max(0, (bottom - top - heightOf(blocks)) / 2);
  for (const b of blocks) {
    y += b.gap;
    y += drawCentered(doc, b, y, cx);
  }

  drawSignature(doc, cert, W - INSET - 165, FOOT_TOP);
  drawReference(doc, cert, INSET + 6, FOOT_TOP);

  // The imprint line names the document in running text, for search and for screen readers.
  const imprint = `${cert.formName} – ${cert.authorityName}`;
  doc
    .font(FONT.sans)
    .fontSize(fitSize(doc, imprint, FONT.sans, 8, 6, 360))
    .fillColor(GREY)
    .text(imprint, cx - 180, H - BAND_IN - 14, { width: 360, align: 'center', lineBreak: false });

  if (cert.revoked) drawRevokedStamp(doc, cert.revoked, cx, 262);
}

function underlineAt(doc: Pdf, text: string, size: number, cx: number, y: number): void {
  const width = doc.font(FONT.serifBold).fontSize(size).widthOfString(text);
  doc
    .moveTo(cx - width / 2, y)
    .lineTo(cx + width / 2, y)
    .lineWidth(0.8)
    .strokeColor(INK)
    .stroke();
}

function normalized(c: CertificateData): CertificateData {
  return {
    ...c,
    serial: vn(c.serial),
    formName: vn(c.formName),
    authorityName: vn(c.authorityName),
    signerLines: c.signerLines.map(vn),
    signerName: c.signerName === null ? null : vn(c.signerName),
    recipientName: vn(c.recipientName),
    recipientDetail: c.recipientDetail === null ? null : vn(c.recipientDetail),
    achievement: vn(c.achievement),
    decisionNumber: vn(c.decisionNumber),
    place: vn(c.place),
    revoked: c.revoked ? { on: c.revoked.on, reason: vn(c.revoked.reason) } : null,
  };
}

function block(text: string, font: FontName, size: number, color: string, width = 700): Block {
  return { text, font, size, color, width, gap: 0 };
}

/** Place and date, signer's title, room for signature and seal, signer's name. */
function drawSignature(doc: Pdf, cert: CertificateData, centerX: number, top: number): void {
  const width = 330;
  const dateLine = `${cert.place}, ${vietnameseLongDate(cert.decisionDate)}`;
  let y = top;
  y += drawCentered(
    doc,
    block(
      dateLine,
      FONT.serifItalic,
      fitSize(doc, dateLine, FONT.serifItalic, 13, 9, width),
      INK,
      width,
    ),
    y,
    centerX,
  );
  y += 4;
  // Two or three lines ("TM. …", "KT. …", the title) move up into the space above the signature.
  const size = cert.signerLines.length > 2 ? 12.5 : 14;
  for (const line of cert.signerLines) {
    y += drawCentered(
      doc,
      block(line.toLocaleUpperCase('vi'), FONT.serifBold, size, INK, width),
      y,
      centerX,
    );
  }
  if (cert.signerName) {
    drawCentered(doc, block(cert.signerName, FONT.serifBold, 15, INK, width), top + 112, centerX);
  }
}

/** Text on one line, shrunk until it fits `width`. */
function singleLine(
  doc: Pdf,
  text: string,
  font: FontName,
  size: number,
  color: string,
  x: number,
  y: number,
  width: number,
): void {
  doc
    .font(font)
    .fontSize(fitSize(doc, text, font, size, size * 0.6, width))
    .fillColor(color)
    .text(text, x, y, { width, lineBreak: false });
}

/** The QR code with the verification code and address under it; the decision reference and the
 * serial beside it. */
function drawReference(doc: Pdf, cert: CertificateData, left: number, top: number): void {
  const qrTop = top + 8;
  drawQrCode(doc, cert.verifyUrl, left - 6, qrTop, QR_SIZE);
  doc.link(left - 6, qrTop, QR_SIZE, QR_SIZE, cert.verifyUrl);

  const besideX = left + QR_SIZE + 8;
  const besideWidth = 290;
  singleLine(
    doc,
    `Quyết định số ${cert.decisionNumber} ${vietnameseLongDate(cert.decisionDate)}`,
    FONT.serifItalic,
    11.5,
    INK,
    besideX,
    qrTop + 14,
    besideWidth,
  );
  singleLine(
    doc,
    `Số: ${cert.serial}`,
    FONT.serifBold,
    11.5,
    INK,
    besideX,
    qrTop + 34,
    besideWidth,
  );

  const underTop = qrTop + QR_SIZE + 4;
  const underWidth = besideWidth + QR_SIZE;
  doc
    .font(FONT.sans)
    .fontSize(9.5)
    .fillColor(GREY)
    .text('Mã xác thực: ', left, underTop, { continued: true, lineBreak: false })
    .font(FONT.sansBold)
    .fillColor(INK)
    .text(cert.verificationCode, { lineBreak: false });
  singleLine(
    doc,
    `Tra cứu tại: ${cert.verifyUrl}`,
    FONT.sans,
    8,
    GREY,
    left,
    underTop + 14,
    underWidth,
  );
  doc.link(left, underTop + 14, underWidth, 10, cert.verifyUrl);
}

function drawBorder(doc: Pdf, W: number, H: number): void {
  const band = BAND_IN - BAND_OUT;
  doc.save();
  // Pale gold band with a chain of diamonds between two red frames.
  doc
    .rect(BAND_OUT, BAND_OUT, W - 2 * BAND_OUT, H - 2 * BAND_OUT)
    .rect(BAND_IN, BAND_IN, W - 2 * BAND_IN, H - 2 * BAND_IN)
    .fillColor(PALE_GOLD)
    .fill('even-odd');
  const mid = BAND_OUT + band / 2;
  const diamond = (x: number, y: number, r: number) =>
    doc
      .moveTo(x, y - r)
      .lineTo(x + r, y)
      .lineTo(x, y + r)
      .lineTo(x - r, y)
      .closePath();
  const chain = (from: number, to: number, at: (t: number) => [number, number]) => {
    const count = Math.floor((to - from) / 14);
    const step = (to - from) / count;
    for (let i = 1; i < count; i++) {
      const [x, y] = at(from + i * step);
      diamond(x, y, 3.6);
    }
  };
  chain(BAND_IN, W - BAND_IN, (t) => [t, mid]);
  chain(BAND_IN, W - BAND_IN, (t) => [t, H - mid]);
  chain(BAND_IN, H - BAND_IN, (t) => [mid, t]);
  chain(BAND_IN, H - BAND_IN, (t) => [W - mid, t]);
  doc.fillColor(GOLD).fill();

  doc.lineWidth(3).strokeColor(RED);
  doc.rect(BAND_OUT, BAND_OUT, W - 2 * BAND_OUT, H - 2 * BAND_OUT).stroke();
  doc.lineWidth(1.2);
  doc.rect(BAND_IN, BAND_IN, W - 2 * BAND_IN, H - 2 * BAND_IN).stroke();
  doc.lineWidth(0.6).strokeColor(GOLD);
  doc.rect(BAND_IN + 4, BAND_IN + 4, W - 2 * BAND_IN - 8, H - 2 * BAND_IN - 8).stroke();

  // Corner blocks: a red square holding a gold diamond.
  for (const [x, y] of [
    [BAND_OUT, BAND_OUT],
    [W - BAND_IN, BAND_OUT],
    [BAND_OUT, H - BAND_IN],
    [W - BAND_IN, H - BAND_IN],
  ]) {
    doc.rect(x, y, band, band).fillColor(RED).fill();
    diamond(x + band / 2, y + band / 2, band / 2 - 2.5)
      .fillColor(GOLD)
      .fill();
  }
  doc.restore();
}

/** A tilted red rubber stamp over the middle of the page; the certificate stays legible under it. */
function drawRevokedStamp(
  doc: Pdf,
  revoked: { on: string; reason: string },
  cx: number,
  cy: number,
): void {
  const width = 500;
  const inner = width - 40;
  const title = 'ĐÃ THU HỒI / REVOKED';
  const titleSize = fitSize(doc, title, FONT.sansBold, 32, 20, inner);
  const date = `Ngày thu hồi / Revoked on: ${vietnameseShortDate(revoked.on)}`;
  const reason = `Lý do / Reason: ${revoked.reason}`;
  const titleHeight = doc.font(FONT.sansBold).fontSize(titleSize).currentLineHeight();
  const dateHeight = doc.font(FONT.sansBold).fontSize(12).heightOfString(date, { width: inner });
  const reasonHeight = doc
    .font(FONT.sans)
    .fontSize(11)
    .heightOfString(reason, { width: inner, align: 'center' });
  const height = 18 + titleHeight + 6 + dateHeight + 4 + reasonHeight + 16;
  const x = cx - width / 2;
  const y = cy - height / 2;

  doc.save();
  doc.rotate(-10, { origin: [cx, cy] });
  doc.fillOpacity(0.82).roundedRect(x, y, width, height, 10).fillColor('white').fill();
  doc.fillOpacity(1).strokeOpacity(0.9).strokeColor('#d0021b');
  doc.lineWidth(4).roundedRect(x, y, width, height, 10).stroke();
  doc
    .lineWidth(1.2)
    .roundedRect(x + 6, y + 6, width - 12, height - 12, 6)
    .stroke();
  doc.fillColor('#d0021b');
  let ty = y + 18;
  doc
    .font(FONT.sansBold)
    .fontSize(titleSize)
    .text(title, x + 20, ty, { width: inner, align: 'center', lineBreak: false });
  ty += titleHeight + 6;
  doc
    .font(FONT.sansBold)
    .fontSize(12)
    .text(date, x + 20, ty, { width: inner, align: 'center' });
  ty += dateHeight + 4;
  doc
    .font(FONT.sans)
    .fontSize(11)
    .text(reason, x + 20, ty, { width: inner, align: 'center' });
  doc.restore();
}
