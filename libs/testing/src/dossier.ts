/** A tiny PDF, the content of every dossier file tests upload. */
const TEST_PDF_BASE64 = Buffer.from('%PDF-1.4\n% dossier file for tests\n').toString('base64');

/** One dossier file of the given document kind, as `POST /nominations` takes it. */
export const dossierFile = (kind: string) => ({
  kind,
  fileName: `${kind}.pdf`,
  mediaType: 'application/pdf',
  contentBase64: TEST_PDF_BASE64,
});
