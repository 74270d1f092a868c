import { randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A certificate authority made on this machine: the development and test stand-in for a licensed
 * Vietnamese CA (VNPT-CA, Viettel-CA, …), which production replaces with a real PKCS#12. */
export interface LocalCa {
  certificatePem: string;
  privateKeyPem: string;
}

export interface IssuedP12 {
  /** The PKCS#12 (key, certificate and the CA's certificate), encrypted with `password`. */
  p12: Buffer;
  password: string;
  certificatePem: string;
}

export interface SubjectName {
  commonName: string;
  organization?: string;
  /** Two-letter country code; "VN" unless given. */
  country?: string;
}

const YEAR_MS = 365 * 86_400_000;

/** Names (Vietnamese) go in as UTF8String, as RFC 5280 recommends; forge encodes them. */
function attributes(name: SubjectName): forge.pki.CertificateField[] {
  const utf8 = (value: string) => ({
    value,
    valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
  });
  return [
    { shortName: 'C', value: name.country ?? 'VN' },
    ...(name.organization ? [{ shortName: 'O', ...utf8(name.organization) }] : []),
    { shortName: 'CN', ...utf8(name.commonName) },
  ];
}

/** forge reads UTF8String values as raw UTF-8 bytes but encodes them again when writing: decode
 * them before they are written (the issuer of a certificate is its CA's subject, byte for byte). */
export function decoded(attrs: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attrs.map((a) =>
    a.valueTagClass === (forge.asn1.Type.UTF8 as unknown as forge.asn1.Class) &&
    typeof a.value === 'string'
      ? { ...a, value: forge.util.decodeUtf8(a.value) }
      : a,
  );
}

function serialNumber(): string {
  // Positive (high bit clear), 16 random bytes as RFC 5280 allows at most 20.
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function keyPair(): forge.pki.rsa.KeyPair {
  // Without a PRNG of its own, forge generates the key with Node's native crypto.
  return forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
}

/** A self-signed CA certificate, valid for `years` from now (a day earlier, against clock skew). */
export function createLocalCa(name: SubjectName, years = 10, now = new Date()): LocalCa {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  cert.validity.notAfter = new Date(now.getTime() + years * YEAR_MS);
  cert.setSubject(attributes(name));
  cert.setIssuer(attributes(name));
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return {
    certificatePem: forge.pki.certificateToPem(cert),
    privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}

/** A document-signing certificate issued by `ca` (digital signature and non-repudiation, the
 * usages a PDF signature needs), packed with its key and the CA's certificate into a PKCS#12. */
export function issueSigningP12(
  ca: LocalCa,
  subject: SubjectName,
  options: { password?: string; years?: number; now?: Date } = {},
): IssuedP12 {
  const now = options.now ?? new Date();
  const caCert = forge.pki.certificateFromPem(ca.certificatePem);
  const caKey = forge.pki.privateKeyFromPem(ca.privateKeyPem);
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  cert.validity.notAfter = new Date(now.getTime() + (options.years ?? 3) * YEAR_MS);
  cert.setSubject(attributes(subject));
  cert.setIssuer(decoded(caCert.subject.attributes));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    // id-kp-documentSigning (RFC 9336) and emailProtection, which NSS accepts for signatures.
    { name: 'extKeyUsage', '1.3.6.1.5.5.7.3.36': true, emailProtection: true },
    { name: 'subjectKeyIdentifier' },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const password = options.password ?? randomBytes(18).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, caCert], password, {
    algorithm: 'aes256',
    friendlyName: subject.commonName,
  });
  return {
    p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'),
    password,
    certificatePem: forge.pki.certificateToPem(cert),
  };
}
