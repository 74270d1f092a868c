import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export type AwardRecord = Prisma.AwardGetPayload<object>;

/** What a certificate prints besides the award itself. */
export interface CertificateSources {
  authorityName: string | null;
  unitName: string | null;
  /** The award form's content: the nomination's version, else the form's latest. */
  formContent: unknown;
  signerName: string | null;
  signerTitle: string | null;
}

/** Awards given: look-ups for certificates and verification, revocation and recovery. */
@Injectable()
export class AwardRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  findById(id: string): Promise<AwardRecord | null> {
    return this.prisma.award.findUnique({ where: { id } });
  }

  findByVerificationCode(code: string): Promise<AwardRecord | null> {
    return this.prisma.award.findUnique({ where: { verificationCode: code } });
  }

  async unitName(id: string | null): Promise<string | null> {
    if (!id) return null;
    const unit = await this.prisma.unit.findUnique({ where: { id }, select: { name: true } });
    return unit?.name ?? null;
  }

  async certificateSources(a: AwardRecord): Promise<CertificateSources> {
    const [authorityName, unitName, form, nomination, decision] = await Promise.all([
      this.unitName(a.authorityUnitId),
      this.unitName(a.unitId),
      this.prisma.awardForm.findFirst({
        where: { code: a.formCode },
        orderBy: { version: 'desc' },
        select: { content: true },
      }),
      a.nominationId
        ? this.prisma.nomination.findUnique({
            where: { id: a.nominationId },
            select: { awardForm: { select: { content: true } } },
          })
        : null,
      a.decisionId
        ? this.prisma.decision.findUnique({
            where: { id: a.decisionId },
            select: { signerName: true, signerTitle: true },
          })
        : null,
    ]);
    return {
      authorityName,
      unitName,
      formContent: nomination?.awardForm.content ?? form?.content,
      signerName: decision?.signerName ?? null,
      signerTitle: decision?.signerTitle ?? null,
    };
  }

  /** Cancellation (hủy bỏ) with its reason: once per award, audited as `award.revoked`. */
  async revoke(a: AwardRecord, actorUserId: string, reason: string): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `award-${a.id}/revoke`,
        actorUserId,
        action: 'award.revoked',
        entityType: 'Award',
        entityId: a.id,
        payload: { reason, serial: a.serial },
      },
      async (tx, at) => {
        await tx.award.updateMany({
          where: { id: a.id, revokedAt: null },
          data: { revokedAt: at, revokedById: actorUserId, revocationReason: reason },
        });
      },
    );
  }

  /** Recovery (thu hồi) after revocation: once per award, audited as `award.recovered`. Returns
   * when it was recorded (the first recording's time on a repeat). */
  async recordRecovery(id: string, actorUserId: string, note: string): Promise<Date | null> {
    await this.audit.recordOnce(
      {
        eventKey: `award-${id}/recovered`,
        actorUserId,
        action: 'award.recovered',
        entityType: 'Award',
        entityId: id,
        payload: { note },
      },
      async (tx, at) => {
        await tx.award.update({ where: { id }, data: { recoveredAt: at, recoveryNote: note } });
      },
    );
    const row = await this.prisma.award.findUnique({
      where: { id },
      select: { recoveredAt: true },
    });
    return row?.recoveredAt ?? null;
  }
}
