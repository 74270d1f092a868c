import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSignedPledgePdf } from '../pledge.pdf';
import { pdfPageTexts } from '../testing/pdf-text';
import { sampleSignedPledge } from '../testing/sample-pledge';
import { createLocalCa, issueSigningP12 } from './local-pki';
import { P12DocumentSigner } from './p12-document-signer';
import { hasSealPlaceholder } from './pdf-signature';

/** pdfsig (poppler-utils) when installed: a verifier nobody here wrote. */
function pdfsig(pdf: Buffer): string | null {
  try {
    execFileSync('pdfsig', ['-v'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'epw-sig-')), 'doc.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (err) {
    return (err as { stdout?: string }).stdout ?? '';
  }
}

describe(P12DocumentSigner.name, () => {
  const ca = createLocalCa({ commonName: 'EPW Test CA', organization: 'EPW tests' });
  const seal = issueSigningP12(ca, {
    commonName: 'Hệ thống Thi đua – Khen thưởng',
    organization: 'Ban Dân vận Thành ủy',
  });
  const person = issueSigningP12(ca, { commonName: 'Nguyễn Văn Lãnh Đạo' });
  const sealer = new P12DocumentSigner(seal.p12, seal.password);
  const details = { reason: 'Đóng dấu điện tử', location: 'TP. Hồ Chí Minh' };

  it('reads the identity of its certificate, Vietnamese names included', () => {
    expect(sealer.identity).toMatchObject({
      commonName: 'Hệ thống Thi đua – Khen thưởng',
      organization: 'Ban Dân vận Thành ủy',
      issuerCommonName: 'EPW Test CA',
    });
    expect(sealer.identity.fingerprintSha256).toMatch(/^[0-9A-F]{64}$/);
  });

  it('refuses a wrong password', () => {
    expect(() => new P12DocumentSigner(seal.p12, 'wrong')).toThrow();
  });

  it('seals in the placeholder the renderer left, then adds a personal signature incrementally', async () => {
    const rendered = await renderSignedPledgePdf(sampleSignedPledge(), {
      seal: { ...details, name: sealer.identity.commonName },
    });
    expect(hasSealPlaceholder(rendered)).toBe(true);
    const sealed = await sealer.sign(rendered, details);
    expect(hasSealPlaceholder(sealed)).toBe(false);
    // The same signer signs again (a P12Signer could sign only once).
    expect(hasSealPlaceholder(await sealer.sign(rendered, details))).toBe(false);
    // One revision: the seal filled the placeholder (signpdf drops the final newline only).
    expect(rendered.length - sealed.length).toBeLessThanOrEqual(1);

    const both = await new P12DocumentSigner(person.p12, person.password).sign(sealed, {
      reason: 'Ký duyệt',
      location: 'TP. Hồ Chí Minh',
    });
    // Incremental: the sealed file is a prefix of the file with both signatures.
    expect(both.subarray(0, sealed.length - 1).equals(sealed.subarray(0, sealed.length - 1))).toBe(
      true,
    );
    const text = pdfPageTexts(both).join('\n');
    expect(text).toContain('CHỨNG NHẬN HOÀN TẤT KÝ KẾT');
    expect(text).toContain('Nguyễn Văn Ký 12');

    const report = pdfsig(both);
    if (report !== null) {
      expect(report.match(/Signature is Valid/g)).toHaveLength(2);
      expect(report).toContain('Nguyễn Văn Lãnh Đạo');
      // One byte of page content, covered by both signatures.
      const tampered = Buffer.from(both);
      tampered[sealed.length - 2000] ^= 0x01;
      const after = pdfsig(tampered) ?? '';
      expect(after).not.toContain('Signature is Valid');
      expect(after.match(/Digest Mismatch/g)).toHaveLength(2);
    }
  });
});
