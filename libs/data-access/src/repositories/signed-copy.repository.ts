import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PrismaService } from '../prisma.service';

/** One more signature on a round's signed copy, as the signer's certificate names it. */
export interface PersonalSignatureRecord {
  roundId: string;
  /** The sequence the new PDF takes: one past the latest (0 when the base is frozen with it). */
  sequence: number;
  /** The sealed copy the first personal signature was added to: stored as sequence 0 with it. */
  base: Buffer | null;
  pdf: Buffer;
  signerUserId: string;
  signerUnitId: string | null;
  certificateSubject: string;
  certificateIssuer: string;
  certificateFingerprint: string;
  reason: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The stored revisions of a round's signed copy (personal signatures added after its seal). */
@Injectable()
export class SignedCopyRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The newest revision's PDF, or null while nobody added a personal signature. */
  async latestPdf(roundId: string): Promise<{ sequence: number; pdf: Buffer } | null> {
    const row = await this.prisma.signedCopyRevision.findFirst({
      where: { roundId },
      orderBy: { sequence: 'desc' },
      select: { sequence: true, pdf: true },
    });
    return row ? { sequence: row.sequence, pdf: Buffer.from(row.pdf) } : null;
  }

  /** Every personal signature, oldest first (without the PDFs). */
  listRevisions(roundId: string) {
    return this.prisma.signedCopyRevision.findMany({
      where: { roundId, sequence: { gt: 0 } },
      orderBy: { sequence: 'asc' },
      select: {
        sequence: true,
        sha256: true,
        signerUserId: true,
        signerUnitId: true,
        certificateSubject: true,
        certificateIssuer: true,
        certificateFingerprint: true,
        reason: true,
        createdAt: true,
      },
    });
  }

  hasSigned(roundId: string, signerUserId: string): Promise<boolean> {
    return this.prisma.signedCopyRevision
      .count({ where: { roundId, signerUserId } })
      .then((n) => n > 0);
  }

  /**
   * Stores the PDF with one more signature, audited (`pledge-signing.personal-signature`). The
   * unique (round, sequence) makes a concurrent signer on the same revision fail with a conflict
   * (Prisma P2002): the caller signs the newer revision again.
   */
  addPersonalSignature(r: PersonalSignatureRecord): Promise<Date> {
    const digest = sha256(r.pdf);
    return this.audit.recordOnce(
      {
        eventKey: `pledge-signing.personal-signature:${r.roundId}:${r.signerUserId}`,
        actorUserId: r.signerUserId,
        action: 'pledge-signing.personal-signature',
        entityType: 'SigningRound',
        entityId: r.roundId,
        payload: {
          sequence: r.sequence,
          sha256: digest,
          unitId: r.signerUnitId,
          certificateSubject: r.certificateSubject,
          certificateIssuer: r.certificateIssuer,
          certificateFingerprint: r.certificateFingerprint,
          reason: r.reason,
        },
      },
      async (tx, at) => {
        if (r.base) {
          await tx.signedCopyRevision.create({
            data: {
              roundId: r.roundId,
              sequence: 0,
              pdf: new Uint8Array(r.base),
              sha256: sha256(r.base),
              createdAt: at,
            },
          });
        }
        await tx.signedCopyRevision.create({
          data: {
            roundId: r.roundId,
            sequence: r.sequence,
            pdf: new Uint8Array(r.pdf),
            sha256: digest,
            signerUserId: r.signerUserId,
            signerUnitId: r.signerUnitId,
            certificateSubject: r.certificateSubject,
            certificateIssuer: r.certificateIssuer,
            certificateFingerprint: r.certificateFingerprint,
            reason: r.reason,
            createdAt: at,
          },
        });
      },
    );
  }
}
