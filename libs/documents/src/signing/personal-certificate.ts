import forge from 'node-forge';
import type { SignerIdentity } from './document-signer';
import { certificatesOfP12, identityOfCertificate } from './p12-document-signer';

/** Why a person's PKCS#12 cannot sign: the rule the API's 400 names. */
export type PersonalCertificateProblem =
  | 'pkcs12' // not a PKCS#12, wrong password, or no key with its certificate
  | 'certificateValidNow' // not yet valid, or expired
  | 'trustedIssuer' // not issued (through its chain) by a CA this deployment trusts
  | 'signatureUsage'; // issued for something else than signing (keyUsage without digitalSignature)

export class PersonalCertificateError extends Error {
  constructor(
    readonly rule: PersonalCertificateProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PersonalCertificateError';
  }
}

/**
 * Checks a person's signing certificate before it signs for them: the password opens the PKCS#12,
 * the certificate is valid now, may sign (keyUsage digitalSignature or nonRepudiation when the
 * extension is present) and chains to one of `trustedCaPems` (the licensed CAs' roots the
 * deployment trusts; node-forge verifies each signature of the chain and its validity dates).
 * Returns the certificate's identity.
 */
export function checkPersonalCertificate(
  p12: Buffer,
  password: string,
  trustedCaPems: readonly string[],
  now: Date = new Date(),
): SignerIdentity {
  let chain: forge.pki.Certificate[];
  try {
    chain = certificatesOfP12(p12, password);
  } catch (err) {
    throw new PersonalCertificateError(
      'pkcs12',
      `not a PKCS#12 this password opens, with a key and its certificate (${(err as Error).message})`,
    );
  }
  const [own] = chain;
  if (!own) throw new PersonalCertificateError('pkcs12', 'the PKCS#12 holds no certificate');
  if (own.validity.notBefore > now || own.validity.notAfter < now) {
    throw new PersonalCertificateError(
      'certificateValidNow',
      `the certificate is valid from ${own.validity.notBefore.toISOString()} to ${own.validity.notAfter.toISOString()}`,
    );
  }
  const usage = own.getExtension('keyUsage') as {
    digitalSignature?: boolean;
    nonRepudiation?: boolean;
  } | null;
  if (usage && !usage.digitalSignature && !usage.nonRepudiation) {
    throw new PersonalCertificateError('signatureUsage', 'the certificate may not sign');
  }
  const store = forge.pki.createCaStore([...trustedCaPems]);
  try {
    forge.pki.verifyCertificateChain(store, chain, { validityCheckDate: now });
  } catch (err) {
    const reason = (err as { message?: string }).message ?? String(err);
    throw new PersonalCertificateError(
      'trustedIssuer',
      `the certificate does not chain to a CA this deployment trusts (${reason})`,
    );
  }
  return identityOfCertificate(own);
}

/** The certificates in a PEM bundle (a file of trusted roots), as PEM blocks. */
export function pemCertificates(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
