import type { HeadingLayout } from './document-heading';
import type { Pdf } from './pdf-document';

/** Decree 30/2020/NĐ-CP page setup: 20-25 mm top and bottom, 30-35 mm left, 15-20 mm right. */
export const MARGIN = { top: 57, bottom: 57, left: 85, right: 57 };

/** The width between the left and right margins. */
export function contentWidth(doc: Pdf): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

/** The heading's two columns: the issuer on the left, the national or party header on the right. */
export function headingLayout(doc: Pdf): HeadingLayout {
  const leftX = MARGIN.left - 30;
  const leftWidth = 225;
  const rightX = leftX + leftWidth;
  return {
    top: MARGIN.top - 12,
    leftX,
    leftWidth,
    rightX,
    rightWidth: doc.page.width - MARGIN.right + 15 - rightX,
  };
}

/** A new page unless `height` more fits above the bottom margin. */
export function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN.bottom) doc.addPage();
}
