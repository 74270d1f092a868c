import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  CycleRepository,
  isUniqueViolation,
  SignedCopyRepository,
  SigningRoundRepository,
  UserRepository,
} from '@epw/data-access';
import {
  P12DocumentSigner,
  PersonalCertificateError,
  checkPersonalCertificate,
  pemCertificates,
  type SignerIdentity,
} from '@epw/documents';
import { DomainErrorCode, DomainException, UNIT_SIGNER_ROLE } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ClusterAccessService } from '../common/cluster-access.service';
import { RequestValidationException } from '../common/request-validation.exception';
import type { AddPersonalSignatureDto, PersonalSignatureDto } from './dto/signing-round.dto';
import { readableRound } from './readable-round';
import { SigningRoundDocumentsService } from './signing-round-documents.service';

/** Two signers adding to the same revision at once: the later one signs the newer revision. */
const ATTEMPTS = 3;

/** Names compared as people write them: Unicode NFC, case and spacing aside. */
const nameKey = (name: string) =>
  name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * Personal digital signatures (chữ ký số cá nhân) on a round's signed copy: a member unit's signer
 * adds their own signature with their certificate, after the deployment's seal, as an incremental
 * update, so that the seal and every earlier signature stay valid.
 */
@Injectable()
export class SignedCopySignaturesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rounds: SigningRoundRepository,
    private readonly cycles: CycleRepository,
    private readonly users: UserRepository,
    private readonly signedCopies: SignedCopyRepository,
    private readonly documents: SigningRoundDocumentsService,
    private readonly access: ClusterAccessService,
  ) {}

  async list(user: AuthenticatedUser, roundId: string): Promise<PersonalSignatureDto[]> {
    await this.readable(user, roundId);
    const rows = await this.signedCopies.listRevisions(roundId);
    return rows.map((r) => ({
      sequence: r.sequence,
      signerUserId: r.signerUserId ?? '',
      signerUnitId: r.signerUnitId,
      certificateSubject: r.certificateSubject ?? '',
      certificateIssuer: r.certificateIssuer ?? '',
      certificateFingerprint: r.certificateFingerprint ?? '',
      reason: r.reason ?? '',
      sha256: r.sha256,
      signedAt: r.createdAt.toISOString(),
    }));
  }

  async add(
    user: AuthenticatedUser,
    roundId: string,
    dto: AddPersonalSignatureDto,
  ): Promise<PersonalSignatureDto> {
    // A member unit's signer only (403 before anything about the round is said), then the
    // round must be in effect (409).
    const round = await this.rounds.findById(roundId);
    if (!round) throw new DomainException(DomainErrorCode.RoundNotFound, { roundId });
    const members = await this.cycles.membersForYear(
      round.cycle.clusterId,
      round.cycle.startsOn.getUTCFullYear(),
    );
    if (
      !user.unitId ||
      !user.roles.includes(UNIT_SIGNER_ROLE) ||
      !members.some((m) => m.unitId === user.unitId)
    ) {
      throw new DomainException(DomainErrorCode.NotASigner);
    }
    if (round.status !== 'EFFECTIVE') {
      throw new DomainException(DomainErrorCode.SignedCopyNotReady, { roundId });
    }
    const trusted = this.trustedCas();
    if (await this.signedCopies.hasSigned(roundId, user.userId)) {
      throw new DomainException(DomainErrorCode.PersonalSignatureExists);
    }
    const p12 = Buffer.from(dto.certificateBase64, 'base64');
    const identity = this.checked(p12, dto.password, trusted);
    const account = await this.users.findById(user.userId);
    if (!account || nameKey(identity.commonName) !== nameKey(account.fullName)) {
      throw new RequestValidationException([
        {
          field: 'certificateBase64',
          rule: 'certificateOfSigner',
          message: `the certificate is issued to "${identity.commonName}", not to the signer "${account?.fullName ?? ''}"`,
        },
      ]);
    }
    const signer = new P12DocumentSigner(p12, dto.password);
    const reason = dto.reason ?? 'Ký xác nhận bản ký kết giao ước thi đua';
    const location = await this.documents.place(round);
    for (let attempt = 1; ; attempt++) {
      const latest = await this.signedCopies.latestPdf(roundId);
      const base = latest ? null : await this.documents.sealedSignedCopyPdf(round);
      const pdf = await signer.sign(latest?.pdf ?? (base as Buffer), { reason, location });
      const sequence = latest ? latest.sequence + 1 : 1;
      try {
        await this.signedCopies.addPersonalSignature({
          roundId,
          sequence,
          base,
          pdf,
          signerUserId: user.userId,
          signerUnitId: user.unitId,
          certificateSubject: identity.commonName,
          certificateIssuer: identity.issuerCommonName,
          certificateFingerprint: identity.fingerprintSha256,
          reason,
        });
        break;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= ATTEMPTS) throw err;
      }
    }
    const mine = (await this.list(user, roundId)).find((s) => s.signerUserId === user.userId);
    if (!mine) throw new Error(`personal signature of ${user.userId} on ${roundId} not stored`);
    return mine;
  }

  private trustedCas(): string[] {
    const path = this.config.documentSigning.personalCaPath;
    const pems = path ? pemCertificates(readFileSync(path, 'utf8')) : [];
    if (pems.length === 0)
      throw new DomainException(DomainErrorCode.PersonalSignatureNotConfigured);
    return pems;
  }

  private checked(p12: Buffer, password: string, trusted: string[]): SignerIdentity {
    try {
      return checkPersonalCertificate(p12, password, trusted);
    } catch (err) {
      if (!(err instanceof PersonalCertificateError)) throw err;
      throw new RequestValidationException([
        { field: 'certificateBase64', rule: err.rule, message: err.message },
      ]);
    }
  }

  private readable(user: AuthenticatedUser, roundId: string) {
    return readableRound(this.rounds, this.access, user, roundId);
  }
}
