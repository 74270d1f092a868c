import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { type SealPlaceholder, addSealPlaceholder } from './signing/pdf-signature';

export type Pdf = PDFKit.PDFDocument;

/** Font aliases registered in every document. PDFKit's built-in fonts (Helvetica, Times) have no
 * Vietnamese glyphs; DejaVu covers all precomposed Vietnamese letters and ships as an npm package,
 * so no system font is needed. */
export const FONT = {
  sans: 'DejaVuSans',
  sansBold: 'DejaVuSans-Bold',
  serif: 'DejaVuSerif',
  serifBold: 'DejaVuSerif-Bold',
  serifItalic: 'DejaVuSerif-Italic',
  serifBoldItalic: 'DejaVuSerif-BoldItalic',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

const fontBytes = new Map<FontName, Buffer>();

function fontFile(name: FontName): Buffer {
  let bytes = fontBytes.get(name);
  if (!bytes) {
    bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
    fontBytes.set(name, bytes);
  }
  return bytes;
}

export interface PdfOptions {
  layout: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  subject?: string;
  /** Also the document's CreationDate, so the same input gives the same bytes. */
  timestamp: Date;
  /** Keep pages in memory so page numbers can be written once the page count is known. */
  bufferPages?: boolean;
}

export function createPdf(options: PdfOptions): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout,
    margins: options.margins,
    autoFirstPage: false,
    bufferPages: options.bufferPages ?? false,
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: vn(options.title),
      // PDFKit hashes every info value into the file id: an undefined one would throw.
      ...(options.subject === undefined ? {} : { Subject: vn(options.subject) }),
      Producer: 'EPW documents (PDFKit)',
      Creator: 'EPW documents',
      CreationDate: options.timestamp,
      ModDate: options.timestamp,
    },
  });
  for (const name of Object.values(FONT)) doc.registerFont(name, fontFile(name));
  return doc;
}

/** How a renderer is asked to reserve the place of a seal (see `DocumentSigner`). */
export interface RenderOptions {
  seal?: SealPlaceholder;
}

/** Runs `draw`, ends the document and resolves with its bytes; with `seal`, an empty signature
 * field is written before the end, for `DocumentSigner.sign` to fill. */
export function renderToBuffer(
  doc: Pdf,
  draw: () => void | Promise<void>,
  seal?: SealPlaceholder,
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    Promise.resolve()
      .then(draw)
      .then(() => {
        if (seal) addSealPlaceholder(doc, seal);
        doc.end();
      })
      .catch(reject);
  });
}

/** Input may come in decomposed form (NFD) from some keyboards and files; composed letters map to
 * DejaVu's precomposed glyphs, which render and extract cleanly. */
export function vn(text: string): string {
  return text.normalize('NFC');
}

/** `vn`, passing null through. */
export const vnOrNull = (text: string | null): string | null => (text === null ? null : vn(text));

/** Page numbers the way Decree 30/2020 wants them: centred at the top, from the second page on.
 * Needs `bufferPages`. */
export function numberPagesFromSecond(doc: Pdf, top: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font(FONT.serif)
      .fontSize(11)
      .fillColor('black')
      .text(String(i - range.start + 1), 0, top, {
        width: doc.page.width,
        align: 'center',
        lineBreak: false,
      });
  }
}
