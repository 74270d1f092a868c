import { createLocalCa, issueSigningP12 } from './local-pki';
import {
  PersonalCertificateError,
  checkPersonalCertificate,
  pemCertificates,
} from './personal-certificate';

describe("a person's signing certificate", () => {
  const ca = createLocalCa({ commonName: 'EPW Test CA', organization: 'EPW tests' });
  const other = createLocalCa({ commonName: 'EPW Test CA', organization: 'EPW tests' });
  const person = issueSigningP12(ca, { commonName: 'Nguyễn Thị Ký', organization: 'Phường 1' });
  const ruleOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err instanceof PersonalCertificateError ? err.rule : String(err);
    }
    return 'accepted';
  };

  it('is accepted when it chains to a trusted CA, and names the person', () => {
    const identity = checkPersonalCertificate(person.p12, person.password, [ca.certificatePem]);
    expect(identity.commonName).toBe('Nguyễn Thị Ký');
    expect(identity.issuerCommonName).toBe('EPW Test CA');
  });

  it('is refused with a wrong password or bytes that are no PKCS#12', () => {
    expect(ruleOf(() => checkPersonalCertificate(person.p12, 'wrong', [ca.certificatePem]))).toBe(
      'pkcs12',
    );
    expect(
      ruleOf(() => checkPersonalCertificate(Buffer.from('%PDF-1.4'), '', [ca.certificatePem])),
    ).toBe('pkcs12');
  });

  it('is refused when issued by a CA of the same name that is not trusted', () => {
    const forged = issueSigningP12(other, { commonName: 'Nguyễn Thị Ký', organization: 'x' });
    expect(
      ruleOf(() => checkPersonalCertificate(forged.p12, forged.password, [ca.certificatePem])),
    ).toBe('trustedIssuer');
  });

  it('is refused once expired', () => {
    const old = issueSigningP12(
      ca,
      { commonName: 'Nguyễn Thị Ký', organization: 'Phường 1' },
      { years: 1, now: new Date('2020-01-01T00:00:00Z') },
    );
    expect(ruleOf(() => checkPersonalCertificate(old.p12, old.password, [ca.certificatePem]))).toBe(
      'certificateValidNow',
    );
  });

  it('reads the certificates of a PEM bundle', () => {
    expect(
      pemCertificates(`${ca.certificatePem}\n# comment\n${other.certificatePem}`),
    ).toHaveLength(2);
  });
});
