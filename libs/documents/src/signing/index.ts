export type { DocumentSigner, SignatureDetails, SignerIdentity } from './document-signer';
export { createLocalCa, issueSigningP12, type IssuedP12, type LocalCa } from './local-pki';
export { P12DocumentSigner, certificatesOfP12, identityOfCertificate } from './p12-document-signer';
export {
  PersonalCertificateError,
  checkPersonalCertificate,
  pemCertificates,
  type PersonalCertificateProblem,
} from './personal-certificate';
export {
  SIGNATURE_BYTES,
  addSealPlaceholder,
  hasSealPlaceholder,
  signPdfWith,
  type SealPlaceholder,
} from './pdf-signature';
