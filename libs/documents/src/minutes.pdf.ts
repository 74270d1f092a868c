import { FONT, createPdf, numberPagesFromSecond, renderToBuffer, vn } from './pdf-document';
import { MARGIN } from './page-layout';

export interface TextDocument {
  title: string;
  /** One paragraph per entry; an empty string leaves a blank line. */
  lines: string[];
}

const SIZE = 12.5;
/** "1. …", "- …", "a) …": continuation lines hang under the text, not under the marker. */
const LIST_MARKER = /^(\d+[.)]|[a-zđ]\)|[-–•+])\s+/;

/** A plain-text document such as ballot-count minutes (biên bản kiểm phiếu) on A4 portrait: title
 * centred in bold, then the lines wrapped to the page, flowing onto as many pages as needed, with
 * page numbers from the second page on. A first line equal to the title is not repeated.
 *
 * There is no date in the input, so the file's CreationDate is fixed (the Unix epoch) and the same
 * text always gives the same bytes. */
export async function renderTextDocumentPdf(input: TextDocument): Promise<Buffer> {
  const title = vn(input.title);
  const lines = input.lines.map(vn);
  // Generated texts such as ballotMinutes() start with their own title; print it once.
  if (lines.length > 0 && lines[0].trim() === title.trim()) lines.shift();
  const doc = createPdf({
    layout: 'portrait',
    margins: MARGIN,
    title,
    timestamp: new Date(0),
    bufferPages: true,
  });
  return await renderToBuffer(doc, () => {
    doc.addPage();
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc
      .font(FONT.serifBold)
      .fontSize(14)
      .fillColor('black')
      .text(title, MARGIN.left, MARGIN.top, { width, align: 'center' });
    doc.moveDown(1);

    doc.font(FONT.serif).fontSize(SIZE);
    for (const line of lines) {
      if (line.trim() === '') {
        doc.moveDown(0.6);
        continue;
      }
      const marker = LIST_MARKER.exec(line);
      if (marker) {
        // Hanging indent: the marker sits in the gutter, wrapped lines align with the text.
        const gutter = Math.max(18, doc.widthOfString(marker[0]) + 2);
        // The marker is placed by hand, so the page break that PDFKit would make must come first.
        if (doc.y + doc.currentLineHeight(true) > doc.page.height - MARGIN.bottom) doc.addPage();
        const y = doc.y;
        doc.text(marker[1], MARGIN.left, y, { lineBreak: false });
        doc.text(line.slice(marker[0].length), MARGIN.left + gutter, y, {
          width: width - gutter,
          lineGap: 2,
          paragraphGap: 3,
        });
      } else {
        doc.text(line, MARGIN.left, doc.y, { width, lineGap: 2, paragraphGap: 3 });
      }
    }
    numberPagesFromSecond(doc, 28);
  });
}
