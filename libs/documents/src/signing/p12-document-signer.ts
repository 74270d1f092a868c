import { createHash } from 'node:crypto';
import { P12Signer } from '@signpdf/signer-p12';
import forge from 'node-forge';
import type { DocumentSigner, SignatureDetails, SignerIdentity } from './document-signer';
import { signPdfWith } from './pdf-signature';

function field(cert: forge.pki.Certificate, from: 'subject' | 'issuer', name: string) {
  const attr = cert[from].getField(name) as forge.pki.CertificateField | null;
  if (!attr || typeof attr.value !== 'string') return null;
  // forge leaves UTF8String values as UTF-8 bytes in a binary string.
  return attr.valueTagClass === (forge.asn1.Type.UTF8 as unknown as forge.asn1.Class)
    ? forge.util.decodeUtf8(attr.value)
    : attr.value;
}

/** The identity shown on the verification page, read from an X.509 certificate. */
export function identityOfCertificate(cert: forge.pki.Certificate): SignerIdentity {
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    commonName: field(cert, 'subject', 'CN') ?? '',
    organization: field(cert, 'subject', 'O'),
    issuerCommonName: field(cert, 'issuer', 'CN') ?? '',
    serialNumber: cert.serialNumber.toUpperCase(),
    fingerprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
    validFrom: cert.validity.notBefore,
    validTo: cert.validity.notAfter,
  };
}

/** The signing certificate in a PKCS#12 (the one whose public key matches the private key),
 * first, then the other certificates it carries (its chain, as CAs deliver them). */
export function certificatesOfP12(p12: Buffer, password: string): forge.pki.Certificate[] {
  const own = signingCertificate(p12, password);
  return [own, ...bagCertificates(p12, password).filter((c) => c !== own && !sameCert(c, own))];
}

const sameCert = (a: forge.pki.Certificate, b: forge.pki.Certificate) =>
  a.serialNumber === b.serialNumber && a.issuer.hash === b.issuer.hash;

function bagCertificates(p12: Buffer, password: string): forge.pki.Certificate[] {
  const parsed = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))),
    false,
    password,
  );
  return (
    parsed.getBags({ bagType: forge.pki.oids['certBag'] })[forge.pki.oids['certBag']] ?? []
  ).flatMap((bag) => (bag.cert ? [bag.cert] : []));
}

/** The signing certificate in a PKCS#12: the one whose public key matches the private key. */
function signingCertificate(p12: Buffer, password: string): forge.pki.Certificate {
  const parsed = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))),
    false,
    password,
  );
  const keyBag = parsed.getBags({ bagType: forge.pki.oids['pkcs8ShroudedKeyBag'] })[
    forge.pki.oids['pkcs8ShroudedKeyBag']
  ]?.[0];
  const key = keyBag?.key;
  if (!key) throw new RangeError('the PKCS#12 holds no private key');
  const certs = (
    parsed.getBags({ bagType: forge.pki.oids['certBag'] })[forge.pki.oids['certBag']] ?? []
  ).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  if (!own) throw new RangeError('the PKCS#12 holds no certificate for its private key');
  return own;
}

/** Signs with a key and certificate held in a PKCS#12 file: the deployment's document seal, or a
 * person's own certificate. The password is checked (and the certificate read) on construction. */
export class P12DocumentSigner implements DocumentSigner {
  readonly identity: SignerIdentity;

  constructor(
    private readonly p12: Buffer,
    private readonly password: string,
  ) {
    this.identity = identityOfCertificate(signingCertificate(p12, password));
  }

  sign(pdf: Buffer, details: SignatureDetails): Promise<Buffer> {
    // A P12Signer reads its PKCS#12 from a forge buffer that its first signature consumes: one
    // per signature.
    const signer = new P12Signer(this.p12, { passphrase: this.password });
    return signPdfWith(pdf, details, this.identity.commonName, signer);
  }
}
