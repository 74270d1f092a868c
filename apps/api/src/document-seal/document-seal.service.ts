import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  type DocumentSigner,
  type SealPlaceholder,
  type SignatureDetails,
  type SignerIdentity,
  P12DocumentSigner,
  createLocalCa,
  issueSigningP12,
} from '@epw/documents';

/** The name a throwaway seal carries: whoever sees it knows the documents are not for real use. */
const THROWAWAY = {
  ca: { commonName: 'EPW Throwaway Development CA', organization: 'EPW development' },
  seal: {
    commonName: 'Hệ thống Thi đua – Khen thưởng (chưa cấu hình chứng thư số)',
    organization: 'EPW development',
  },
};

/**
 * The deployment's document seal (con dấu điện tử): the configured PKCS#12, or, when none is
 * configured, a throwaway certificate from a CA made at boot. Every decision, certificate and
 * signed pledge the API hands out is rendered with a seal placeholder and signed here.
 */
@Injectable()
export class DocumentSealService {
  private readonly logger = new Logger(DocumentSealService.name);
  readonly signer: DocumentSigner;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { p12Path, p12Password } = config.documentSigning;
    if (p12Path) {
      this.signer = new P12DocumentSigner(readFileSync(p12Path), p12Password);
    } else {
      const issued = issueSigningP12(createLocalCa(THROWAWAY.ca), THROWAWAY.seal);
      this.signer = new P12DocumentSigner(issued.p12, issued.password);
      if (config.env === 'production') {
        this.logger.warn(
          'DOCUMENT_SIGNING_P12_PATH is not set: documents are sealed with a throwaway certificate',
        );
      }
    }
  }

  get identity(): SignerIdentity {
    return this.signer.identity;
  }

  /** What a renderer needs to reserve the seal's place. */
  placeholder(details: SignatureDetails): SealPlaceholder {
    return { ...details, name: this.signer.identity.commonName };
  }

  /** Renders with a seal placeholder and signs: one revision, valid until a byte changes. */
  async sealed(
    details: SignatureDetails,
    render: (seal: SealPlaceholder) => Promise<Buffer>,
  ): Promise<Buffer> {
    const at = { ...details, signingTime: details.signingTime ?? new Date() };
    return this.signer.sign(await render(this.placeholder(at)), at);
  }
}
