import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import signpdf from '@signpdf/signpdf';
import {
  ANNOTATION_FLAGS,
  DEFAULT_BYTE_RANGE_PLACEHOLDER,
  SIG_FLAGS,
  SUBFILTER_ADOBE_PKCS7_DETACHED,
  type Signer,
  findByteRange,
} from '@signpdf/utils';
import type { Pdf } from '../pdf-document';
import type { SignatureDetails } from './document-signer';

/** Bytes reserved for the CMS signature: an RSA-2048 signature with a two-certificate chain needs
 * about 3 KB; the rest leaves room for a longer chain or a remote CA's timestamp. */
export const SIGNATURE_BYTES = 16_384;

/** The CMS container the signature is written in (SubFilter). PAdES baseline asks for
 * ETSI.CAdES.detached with an ESS signing-certificate-v2 attribute, which node-forge's PKCS#7
 * cannot write; adbe.pkcs7.detached is the container every validator (pdfsig, Acrobat, DSS)
 * accepts for a CMS signature without it. */
export const SIGNATURE_SUBFILTER = SUBFILTER_ADOBE_PKCS7_DETACHED;

/** A seal to be made over a document as it is rendered: `renderToBuffer` reserves its place. */
export interface SealPlaceholder extends SignatureDetails {
  /** The signer's name as the signature dictionary records it (the certificate's common name). */
  name: string;
}

interface PdfReference {
  data: Record<string, unknown>;
  end(): void;
}

interface PdfInternals {
  ref(data: Record<string, unknown>): PdfReference;
  initForm(): void;
  _root: { data: { AcroForm?: PdfReference } };
  page: { dictionary: unknown; annotations: unknown[] };
}

/**
 * Writes an empty signature field (an invisible widget on the current page, listed in the
 * document's AcroForm) into a PDFKit document before it ends, so the seal is part of the one and
 * only revision: no page object is written twice. The same objects as @signpdf's placeholder for
 * PDFKit 0.10, whose package does not accept PDFKit 0.17; the form is PDFKit's own (`initForm`),
 * which PDFKit then writes when the document ends.
 */
export function addSealPlaceholder(doc: Pdf, seal: SealPlaceholder): void {
  const pdf = doc as unknown as PdfInternals;
  // PDFKit writes a JS string as a name and a String object as a (text string).
  const text = (value: string) => new String(value);
  const signature = pdf.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SIGNATURE_SUBFILTER,
    ByteRange: [
      0,
      DEFAULT_BYTE_RANGE_PLACEHOLDER,
      DEFAULT_BYTE_RANGE_PLACEHOLDER,
      DEFAULT_BYTE_RANGE_PLACEHOLDER,
    ],
    Contents: Buffer.alloc(SIGNATURE_BYTES),
    Reason: text(seal.reason),
    M: seal.signingTime ?? new Date(),
    ContactInfo: text(seal.contactInfo ?? ''),
    Name: text(seal.name),
    Location: text(seal.location),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'EPW' } },
  });
  signature.end();
  const widget = pdf.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: signature,
    T: text('Seal1'),
    F: ANNOTATION_FLAGS.PRINT,
    P: pdf.page.dictionary,
  });
  widget.end();
  pdf.page.annotations.push(widget);
  if (!pdf._root.data.AcroForm) pdf.initForm();
  const form = pdf._root.data.AcroForm as PdfReference;
  // A signed form has nothing to fill in: no appearances to regenerate, which would change it.
  delete form.data['NeedAppearances'];
  form.data['SigFlags'] = SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY;
  (form.data['Fields'] as unknown[]).push(widget);
}

/** True when the PDF has an empty signature placeholder waiting for its signature. */
export function hasSealPlaceholder(pdf: Buffer): boolean {
  return findByteRange(pdf).byteRangePlaceholder !== undefined;
}

/**
 * Signs `pdf` with `signer` (a CMS signer: a P12 here, a remote CA in an adapter): in the seal
 * placeholder left by the renderer, or else in a new signature field appended as an incremental
 * update (the bytes before it, and so every earlier signature, stay as they were).
 */
export async function signPdfWith(
  pdf: Buffer,
  details: SignatureDetails,
  name: string,
  signer: Signer,
): Promise<Buffer> {
  const signingTime = details.signingTime ?? new Date();
  const prepared = hasSealPlaceholder(pdf)
    ? pdf
    : plainAddPlaceholder({
        pdfBuffer: pdf,
        reason: details.reason,
        contactInfo: details.contactInfo ?? '',
        name,
        location: details.location,
        signingTime,
        signatureLength: SIGNATURE_BYTES,
        subFilter: SIGNATURE_SUBFILTER,
        appName: 'EPW',
      });
  return signpdf.sign(prepared, signer, signingTime);
}
