import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { AuditLogRepository, PrismaService, type Prisma } from '@epw/data-access';
import {
  awardHistoryCsv,
  awardHistoryXlsx,
  renderCertificatePdf,
  type AwardHistoryRow,
  type CertificateData,
} from '@epw/documents';
import {
  DomainErrorCode,
  DomainException,
  achievementText,
  type AwardFormContent,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { AwardHistoryQueryDto, RecordPastAwardDto } from './dto/award.dto';

type AwardRow = Prisma.AwardGetPayload<object>;

const LEVEL_VI: Record<string, string> = {
  BASE: 'Cơ sở',
  BLOC: 'Khối',
  DISTRICT: 'Quận, huyện',
  PROVINCE: 'Tỉnh, thành phố',
  CENTRAL: 'Trung ương',
};

/** Awards: certificates, public verification, revocation and recovery, history and reports. */
@Injectable()
export class AwardsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async getOrFail(id: string): Promise<AwardRow> {
    const a = await this.prisma.award.findUnique({ where: { id } });
    if (!a) throw new DomainException(DomainErrorCode.AwardNotFound);
    return a;
  }

  verifyUrl(code: string): string {
    return `${this.config.notifications.publicUrl}/verify/${code}`;
  }

  async certificateData(a: AwardRow): Promise<CertificateData> {
    const [authority, unit, form, nomination] = await Promise.all([
      a.authorityUnitId ? this.prisma.unit.findUnique({ where: { id: a.authorityUnitId } }) : null,
      this.prisma.unit.findUnique({ where: { id: a.unitId } }),
      this.prisma.awardForm.findFirst({
        where: { code: a.formCode },
        orderBy: { version: 'desc' },
      }),
      a.nominationId
        ? this.prisma.nomination.findUnique({
            where: { id: a.nominationId },
            include: { awardForm: true },
          })
        : null,
    ]);
    const decision = a.decisionId
      ? await this.prisma.decision.findUnique({ where: { id: a.decisionId } })
      : null;
    const content = (nomination?.awardForm.content ?? form?.content) as unknown as
      | AwardFormContent
      | undefined;
    const template = content?.certificate.achievementTemplate;
    return {
      serial: a.serial ?? '',
      verificationCode: a.verificationCode ?? '',
      verifyUrl: this.verifyUrl(a.verificationCode ?? ''),
      formName: a.formName,
      authorityName: authority?.name ?? '',
      signerTitle: decision?.signerTitle ?? content?.certificate.signerTitle ?? '',
      signerName: decision?.signerName ?? null,
      recipientName: a.recipientName,
      recipientKind: a.recipientKind,
      recipientDetail: a.recipientKind === 'UNIT' ? null : (unit?.name ?? null),
      achievement: template
        ? achievementText(template, { year: a.year, movement: 'Dân vận khéo' })
        : a.achievement,
      decisionNumber: a.decisionNumber ?? '',
      decisionDate: a.decisionDate?.toISOString().slice(0, 10) ?? '',
      place: 'TP. Hồ Chí Minh',
      revoked: a.revokedAt
        ? { on: a.revokedAt.toISOString().slice(0, 10), reason: a.revocationReason ?? '' }
        : null,
    };
  }

  async certificatePdf(id: string): Promise<Buffer> {
    const a = await this.getOrFail(id);
    if (!a.verificationCode) throw new DomainException(DomainErrorCode.AwardNotFound);
    return renderCertificatePdf(await this.certificateData(a));
  }

  /** Public: anyone holding the code (from the QR) sees whether the certificate is genuine. */
  async verify(code: string) {
    const a = await this.prisma.award.findUnique({
      where: { verificationCode: code.toUpperCase() },
    });
    if (!a) throw new DomainException(DomainErrorCode.AwardNotFound);
    const authority = a.authorityUnitId
      ? await this.prisma.unit.findUnique({ where: { id: a.authorityUnitId } })
      : null;
    return {
      valid: a.revokedAt === null,
      status: a.revokedAt ? 'REVOKED' : 'VALID',
      serial: a.serial,
      recipientName: a.recipientName,
      recipientKind: a.recipientKind,
      formName: a.formName,
      level: a.level,
      year: a.year,
      decisionNumber: a.decisionNumber,
      decisionDate: a.decisionDate?.toISOString().slice(0, 10) ?? null,
      authorityName: authority?.name ?? null,
      revokedAt: a.revokedAt?.toISOString() ?? null,
      revocationReason: a.revocationReason,
    };
  }

  /** Cancellation and recovery (hủy bỏ, thu hồi, Law 06/2022 ch. VII) by the deciding authority. */
  async revoke(user: AuthenticatedUser, id: string, reason: string) {
    const a = await this.getOrFail(id);
    this.assertDecidingAuthority(user, a);
    if (a.revokedAt) throw new DomainException(DomainErrorCode.AwardRevoked);
    await this.audit.recordOnce(
      {
        eventKey: `award-${id}/revoke`,
        actorUserId: user.userId,
        action: 'award.revoked',
        entityType: 'Award',
        entityId: id,
        payload: { reason, serial: a.serial },
      },
      async (tx, at) => {
        await tx.award.update({
          where: { id },
          data: { revokedAt: at, revokedById: user.userId, revocationReason: reason },
        });
      },
    );
    return this.verify(a.verificationCode ?? '').catch(() => this.getOrFail(id));
  }

  async recover(user: AuthenticatedUser, id: string, note: string) {
    const a = await this.getOrFail(id);
    this.assertDecidingAuthority(user, a);
    if (!a.revokedAt) throw new DomainException(DomainErrorCode.AwardNotRevoked);
    await this.audit.recordOnce(
      {
        eventKey: `award-${id}/recovered`,
        actorUserId: user.userId,
        action: 'award.recovered',
        entityType: 'Award',
        entityId: id,
        payload: { note },
      },
      async (tx, at) => {
        await tx.award.update({ where: { id }, data: { recoveredAt: at, recoveryNote: note } });
      },
    );
    return { id, recoveredAt: (await this.getOrFail(id)).recoveredAt?.toISOString() ?? null, note };
  }

  /** Earlier awards (before the system) so eligibility rules can look back; administrators only. */
  async recordPast(user: AuthenticatedUser, dto: RecordPastAwardDto) {
    const form = await this.prisma.awardForm.findFirst({
      where: { code: dto.formCode },
      orderBy: { version: 'desc' },
    });
    if (!form) throw new DomainException(DomainErrorCode.AwardFormNotFound, { code: dto.formCode });
    const recipient = await this.recipient(dto.recipientKind, dto.recipientId);
    const id = randomUUID();
    await this.audit.recordOnce(
      {
        eventKey: `award-${id}/recorded`,
        actorUserId: user.userId,
        action: 'award.history-recorded',
        entityType: 'Award',
        entityId: id,
        payload: { ...dto },
      },
      async (tx) => {
        await tx.award.create({
          data: {
            id,
            source: 'HISTORY',
            formCode: form.code,
            formName: form.name,
            level: form.level,
            authorityUnitId: form.authorityUnitId,
            year: dto.year,
            recipientKind: dto.recipientKind,
            recipientKey: `${dto.recipientKind.toLowerCase()}:${dto.recipientId}`,
            recipientName: recipient.name,
            recipientUnitId: dto.recipientKind === 'UNIT' ? dto.recipientId : null,
            recipientPersonId: dto.recipientKind === 'PERSON' ? dto.recipientId : null,
            recipientInitiativeId: dto.recipientKind === 'INITIATIVE' ? dto.recipientId : null,
            unitId: recipient.unitId,
            achievement: dto.achievement ?? `Khen thưởng năm ${dto.year}`,
            decisionNumber: dto.decisionNumber ?? null,
          },
        });
      },
    );
    return { id };
  }

  async history(user: AuthenticatedUser, q: AwardHistoryQueryDto) {
    const where: Prisma.AwardWhereInput = {
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.personId ? { recipientPersonId: q.personId } : {}),
      ...(q.initiativeId ? { recipientInitiativeId: q.initiativeId } : {}),
      ...(q.year ? { year: q.year } : {}),
      ...(q.formCode ? { formCode: q.formCode } : {}),
      ...(q.recipientKind ? { recipientKind: q.recipientKind } : {}),
    };
    const oversight = ['ADMIN', 'REVIEWER', 'COUNCIL_MEMBER', 'AUTHORITY'].some((r) =>
      user.roles.includes(r),
    );
    if (!oversight) where.unitId = user.unitId ?? '';
    // Only the columns the history shows (the achievement text and bookkeeping stay behind).
    const rows = await this.prisma.award.findMany({
      where,
      orderBy: [{ year: 'desc' }, { formCode: 'asc' }, { recipientName: 'asc' }],
      take: 5000,
      select: {
        id: true,
        source: true,
        year: true,
        formCode: true,
        formName: true,
        level: true,
        recipientKind: true,
        recipientName: true,
        recipientUnitId: true,
        recipientPersonId: true,
        recipientInitiativeId: true,
        unitId: true,
        authorityUnitId: true,
        decisionNumber: true,
        decisionDate: true,
        serial: true,
        verificationCode: true,
        revokedAt: true,
        revocationReason: true,
        recoveredAt: true,
      },
    });
    const unitRows = await this.prisma.unit.findMany({
      where: {
        id: { in: [...new Set(rows.flatMap((r) => [r.unitId, r.authorityUnitId ?? r.unitId]))] },
      },
      select: { id: true, name: true, code: true },
    });
    const units = new Map(unitRows.map((u) => [u.id, u.name]));
    const codes = new Map(unitRows.map((u) => [u.id, u.code]));
    return rows.map((a) => ({
      id: a.id,
      source: a.source,
      year: a.year,
      formCode: a.formCode,
      formName: a.formName,
      level: a.level,
      recipientKind: a.recipientKind,
      recipientName: a.recipientName,
      /** The unit, person or model awarded (filter the history by it). */
      recipientId: a.recipientUnitId ?? a.recipientPersonId ?? a.recipientInitiativeId,
      unitId: a.unitId,
      unitName: units.get(a.unitId) ?? null,
      unitCode: codes.get(a.unitId) ?? null,
      authorityUnitId: a.authorityUnitId,
      authorityName: a.authorityUnitId ? (units.get(a.authorityUnitId) ?? null) : null,
      decisionNumber: a.decisionNumber,
      decisionDate: a.decisionDate?.toISOString().slice(0, 10) ?? null,
      serial: a.serial,
      verificationCode: a.verificationCode,
      status: a.revokedAt ? ('REVOKED' as const) : ('VALID' as const),
      revokedReason: a.revocationReason,
      recoveredAt: a.recoveredAt?.toISOString() ?? null,
    }));
  }

  async export(
    rows: Awaited<ReturnType<AwardsService['history']>>,
    format: 'xlsx' | 'csv',
    locale: 'vi' | 'en',
  ) {
    const data: AwardHistoryRow[] = rows.map((r) => ({
      year: r.year,
      formName: r.formName,
      level: locale === 'vi' ? (LEVEL_VI[r.level] ?? r.level) : r.level,
      recipientName: r.recipientName,
      recipientKind: r.recipientKind,
      unitName: r.unitName,
      decisionNumber: r.decisionNumber,
      decisionDate: r.decisionDate,
      authorityName: r.authorityName,
      serial: r.serial,
      status: r.status,
      revokedReason: r.revokedReason,
    }));
    return format === 'xlsx'
      ? awardHistoryXlsx(data, locale)
      : Buffer.from(awardHistoryCsv(data, locale), 'utf8');
  }

  private assertDecidingAuthority(user: AuthenticatedUser, a: AwardRow) {
    if (!user.roles.includes('AUTHORITY') || !user.unitId || user.unitId !== a.authorityUnitId) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'chỉ cơ quan đã quyết định khen thưởng mới được hủy bỏ, thu hồi',
      });
    }
  }

  private async recipient(kind: 'UNIT' | 'PERSON' | 'INITIATIVE', id: string) {
    if (kind === 'UNIT') {
      const u = await this.prisma.unit.findUnique({ where: { id } });
      if (u) return { name: u.name, unitId: u.id };
    } else if (kind === 'PERSON') {
      const p = await this.prisma.person.findUnique({ where: { id } });
      if (p) return { name: p.fullName, unitId: p.unitId };
    } else {
      const i = await this.prisma.initiative.findUnique({
        where: { id },
        include: { registration: true },
      });
      if (i) return { name: i.title, unitId: i.registration.unitId };
    }
    throw new DomainException(DomainErrorCode.NotFound, { entity: 'đối tượng khen thưởng' });
  }
}
