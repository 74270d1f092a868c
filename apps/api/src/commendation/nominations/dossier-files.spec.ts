import { RequestValidationException } from '../../common/request-validation.exception';
import {
  attachmentDisposition,
  decodeDocuments,
  safeFileName,
  servedMediaType,
  sniffDossierMediaType,
} from './dossier-files';

const PDF = Buffer.from('%PDF-1.4\n% dossier\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);
const HTML = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

const doc = (content: Buffer, mediaType: string, fileName = 'to-trinh.pdf') => ({
  kind: 'to-trinh',
  fileName,
  mediaType,
  contentBase64: content.toString('base64'),
});

async function violationOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    if (err instanceof RequestValidationException) return err.violations[0];
    throw err;
  }
  throw new Error('accepted');
}

describe(sniffDossierMediaType.name, () => {
  it('tells the type from the bytes, not the name or the client', async () => {
    expect(await sniffDossierMediaType(PDF)).toBe('application/pdf');
    expect(await sniffDossierMediaType(PNG)).toBe('image/png');
    expect(await sniffDossierMediaType(HTML)).toBeNull();
    expect(await sniffDossierMediaType(EXE)).toBeNull();
  });
});

describe(decodeDocuments.name, () => {
  it('stores a PDF under the type of its bytes and a safe base name', async () => {
    const [file] = await decodeDocuments([doc(PDF, 'application/octet-stream', '../../x/a.pdf')]);
    expect(file).toMatchObject({
      mediaType: 'application/pdf',
      fileName: 'a.pdf',
      size: PDF.length,
    });
  });

  it('refuses HTML declared as a PDF', async () => {
    expect(await violationOf(decodeDocuments([doc(HTML, 'application/pdf')]))).toMatchObject({
      field: 'documents[0].contentBase64',
      rule: 'fileType',
    });
  });

  it('refuses types outside the dossier list, and a declared type the bytes contradict', async () => {
    expect(await violationOf(decodeDocuments([doc(HTML, 'text/html')]))).toMatchObject({
      field: 'documents[0].mediaType',
      rule: 'isIn',
    });
    expect(
      await violationOf(decodeDocuments([doc(EXE, 'application/x-msdownload')])),
    ).toMatchObject({ rule: 'isIn' });
    expect(await violationOf(decodeDocuments([doc(PNG, 'application/pdf')]))).toMatchObject({
      field: 'documents[0].mediaType',
      rule: 'matchesContent',
    });
  });
});

describe(safeFileName.name, () => {
  it('keeps the last path part without control characters or leading dots', () => {
    expect(safeFileName('../../../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\a\\Tờ trình.pdf')).toBe('Tờ trình.pdf');
    expect(safeFileName('bad\u0000\r\nname\u202Efdp.exe')).toBe('badnamefdp.exe');
    expect(safeFileName('..')).toBe('tai-lieu');
    expect(safeFileName('.htaccess')).toBe('htaccess');
  });
});

describe(attachmentDisposition.name, () => {
  it('is always an attachment with an RFC 5987 name', () => {
    expect(attachmentDisposition("Tờ trình (1)'.pdf")).toBe(
      "attachment; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20%281%29%27.pdf",
    );
    expect(attachmentDisposition('../evil"\r\n.html')).toBe(
      "attachment; filename*=UTF-8''evil%22.html",
    );
  });

  it('serves stored files of other types (from before the check) as downloads', () => {
    expect(servedMediaType('application/pdf')).toBe('application/pdf');
    expect(servedMediaType('text/html')).toBe('application/octet-stream');
  });
});
