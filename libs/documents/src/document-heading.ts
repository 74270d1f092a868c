import {
  type DocumentStyle,
  PARTY_HEADER,
  STATE_HEADER,
  STATE_MOTTO,
  documentNumberLine,
} from '@epw/domain';
import { type Pdf, FONT, type FontName } from './pdf-document';
import { vietnameseLongDate } from './vietnamese-date';

/** Who issues a document, as its heading prints it. */
export interface DocumentHeading {
  /** PARTY: "ĐẢNG CỘNG SẢN VIỆT NAM" and "*" (Hướng dẫn 36-HD/VPTW); STATE: the national name and
   * motto and a rule (Nghị định 30/2020/NĐ-CP). */
  style: DocumentStyle;
  /** The direct superior body above the issuer ("Đảng bộ Thành phố Hồ Chí Minh"); empty for none. */
  superiorName: string;
  /** The issuing body ("Ban Dân vận Thành ủy"). */
  issuerName: string;
}

export const upper = (text: string) => text.toLocaleUpperCase('vi');

/** Centred text at (x, y) within `width`; returns its height. */
export function centered(
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

export function rule(doc: Pdf, centerX: number, y: number, width: number): void {
  doc
    .moveTo(centerX - width / 2, y)
    .lineTo(centerX + width / 2, y)
    .lineWidth(0.7)
    .strokeColor('black')
    .stroke();
}

/** A rule as wide as `text` in bold at `size`, centred at `centerX`. */
function boldRuleUnder(doc: Pdf, text: string, size: number, centerX: number, y: number): void {
  rule(doc, centerX, y, doc.font(FONT.serifBold).fontSize(size).widthOfString(text));
}

/** The largest size from `max` down (to 9.5) at which `text` fits on one line of `width`. */
export function fitOneLine(doc: Pdf, text: string, font: FontName, max: number, width: number) {
  let size = max;
  while (size > 9.5 && doc.font(font).fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}

/** Administrative levels that start the second line of a body's name: "ỦY BAN NHÂN DÂN" over
 * "THÀNH PHỐ HỒ CHÍ MINH" rather than wherever the width runs out. */
const PLACE_WORD = /\s(THÀNH PHỐ|TỈNH|QUẬN|HUYỆN|THỊ XÃ|PHƯỜNG|XÃ|ĐẶC KHU)\s/u;

/** A body's name in capitals, broken before its place when it does not fit on one line. */
export function nameLines(
  doc: Pdf,
  name: string,
  font: FontName,
  size: number,
  width: number,
): string {
  doc.font(font).fontSize(size);
  if (doc.widthOfString(name) <= width) return name;
  const at = PLACE_WORD.exec(name);
  if (!at) return name;
  const first = name.slice(0, at.index);
  const second = name.slice(at.index + 1);
  const fits = doc.widthOfString(first) <= width && doc.widthOfString(second) <= width;
  return fits ? `${first}\n${second}` : name;
}

export interface HeadingLayout {
  top: number;
  leftX: number;
  leftWidth: number;
  rightX: number;
  rightWidth: number;
}

/**
 * The two-column heading of an official document. Left: the superior body (capitals), the issuer
 * (capitals, bold), then "*" (party) or a short rule (state), then the number. Right: "ĐẢNG CỘNG
 * SẢN VIỆT NAM" (party) or the national name over the motto (state), underlined, then the place
 * and date in italics. Returns the y below it.
 */
export function drawDocumentHeading(
  doc: Pdf,
  h: DocumentHeading,
  layout: HeadingLayout,
  numberAndDate: { number: string; place: string; date: string } | null,
): number {
  const { top, leftX, leftWidth, rightX, rightWidth } = layout;
  const size = 11.5;
  let left = top;
  if (h.superiorName.trim()) {
    left += centered(
      doc,
      nameLines(doc, upper(h.superiorName), FONT.serif, 11, leftWidth),
      FONT.serif,
      11,
      leftX,
      left,
      leftWidth,
    );
  }
  left += centered(
    doc,
    nameLines(doc, upper(h.issuerName), FONT.serifBold, size, leftWidth),
    FONT.serifBold,
    size,
    leftX,
    left,
    leftWidth,
  );
  if (h.style === 'PARTY') {
    left += centered(doc, '*', FONT.serifBold, 12, leftX, left, leftWidth);
  } else {
    rule(doc, leftX + leftWidth / 2, left + 3, 60);
    left += 10;
  }

  let right = top;
  if (h.style === 'PARTY') {
    right += centered(doc, PARTY_HEADER, FONT.serifBold, 12.5, rightX, right, rightWidth);
    boldRuleUnder(doc, PARTY_HEADER, 12.5, rightX + rightWidth / 2, right + 2);
  } else {
    const headerSize = fitOneLine(doc, STATE_HEADER, FONT.serifBold, size, rightWidth);
    right += centered(doc, STATE_HEADER, FONT.serifBold, headerSize, rightX, right, rightWidth);
    right += centered(doc, STATE_MOTTO, FONT.serifBold, 12, rightX, right, rightWidth);
    boldRuleUnder(doc, STATE_MOTTO, 12, rightX + rightWidth / 2, right + 3);
  }
  right += 10;

  if (!numberAndDate) return Math.max(left, right) + 10;
  // Party documents print the number right under the "*"; state documents under the rule. The
  // date line sits on the same baseline, as both formats show it.
  const y = Math.max(left + (h.style === 'PARTY' ? 0 : 2), right);
  centered(
    doc,
    documentNumberLine(h.style, numberAndDate.number),
    FONT.serif,
    12.5,
    leftX,
    y,
    leftWidth,
  );
  const dateLine = `${numberAndDate.place}, ${vietnameseLongDate(numberAndDate.date)}`;
  // One line, as both formats print it: a long place name makes the text smaller, not two lines.
  const dateSize = fitOneLine(doc, dateLine, FONT.serifItalic, 12.5, rightWidth);
  const dateHeight = centered(doc, dateLine, FONT.serifItalic, dateSize, rightX, y, rightWidth);
  return y + dateHeight + 22;
}
