/** What a signature says about itself, written into the PDF's signature dictionary. */
export interface SignatureDetails {
  /** "Đóng dấu điện tử quyết định khen thưởng", "Ký xác nhận giao ước thi đua". */
  reason: string;
  /** "TP. Hồ Chí Minh". */
  location: string;
  contactInfo?: string;
  /** Defaults to the moment of signing. */
  signingTime?: Date;
}

/** The certificate a signer signs with, as the verification page shows it. */
export interface SignerIdentity {
  commonName: string;
  organization: string | null;
  issuerCommonName: string;
  serialNumber: string;
  /** SHA-256 of the certificate (DER), hex, upper case. */
  fingerprintSha256: string;
  validFrom: Date;
  validTo: Date;
}

/**
 * Signs PDFs (PAdES: a CMS signature over the file's byte ranges, embedded in the file). The
 * PKCS#12 implementation holds the key here; an adapter for the remote-signing service of a
 * Vietnamese CA (the key in the CA's HSM, the user confirming on a phone) implements the same
 * interface, usually on top of `signPdfWith` and a `@signpdf/utils` Signer that calls the CA.
 */
export interface DocumentSigner {
  readonly identity: SignerIdentity;
  /**
   * Signs `pdf`. A PDF rendered with a seal placeholder (see `SealPlaceholder`) is signed in that
   * placeholder, as a single revision; any other PDF, including one signed already, gets the
   * signature as an incremental update, so that earlier signatures stay valid.
   */
  sign(pdf: Buffer, details: SignatureDetails): Promise<Buffer>;
}
