import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
  WorkflowIdReusePolicy,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  DECISION_WORKFLOW_TYPE,
  decisionWorkflowId,
  type DecisionWorkflowInput,
} from '@epw/contracts';
import { Prisma, PrismaService } from '@epw/data-access';
import { renderCertificatesPdf, renderDecisionPdf } from '@epw/documents';
import { DomainErrorCode, DomainException, isDomainErrorCode } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AwardsService } from './awards.service';
import type { CreateDecisionDto } from './dto/decision.dto';

const date = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * Commendation decisions (quyết định khen thưởng), issued in batches by the deciding authority:
 * a draft lists nominations that completed their chain for that authority's forms; issuing it
 * runs a workflow that creates every award in one transaction and tells each nomination.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly awards: AwardsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthenticatedUser, dto: CreateDecisionDto) {
    const authority = await this.authorityOf(user);
    await this.assertDecidable(authority.id, dto.nominationIds);
    const id = randomUUID();
    try {
      await this.prisma.decision.create({
        data: {
          id,
          number: dto.number,
          signedOn: date(dto.signedOn),
          authorityUnitId: authority.id,
          title: dto.title,
          ceremonyName: dto.ceremonyName ?? null,
          ceremonyOn: dto.ceremonyOn ? date(dto.ceremonyOn) : null,
          signerName: dto.signerName ?? null,
          signerTitle: dto.signerTitle,
          nominationIds: [...new Set(dto.nominationIds)],
          createdById: user.userId,
        },
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw new DomainException(DomainErrorCode.Conflict, {
          target: `số quyết định ${dto.number}`,
        });
      }
      throw err;
    }
    return this.get(user, id);
  }

  /** Issues the decision; answers once every award exists. Issuing twice returns the same awards. */
  async issue(user: AuthenticatedUser, id: string) {
    const decision = await this.getRow(id);
    const authority = await this.authorityOf(user);
    if (decision.authorityUnitId !== authority.id) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'quyết định của cơ quan khác',
      });
    }
    if (decision.status === 'DRAFT')
      await this.assertDecidable(authority.id, decision.nominationIds, decision.id);
    const input: DecisionWorkflowInput = { decisionId: id, actorUserId: user.userId };
    const workflowId = decisionWorkflowId(id);
    try {
      const handle = await this.temporal.workflow
        .start(DECISION_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: this.config.temporal.taskQueue,
          args: [input],
          // Issued once: a second request reads the first run's result instead of re-running it.
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        })
        .catch((err: unknown) => {
          if (err instanceof WorkflowExecutionAlreadyStartedError)
            return this.temporal.workflow.getHandle(workflowId);
          throw err;
        });
      await handle.result();
    } catch (err) {
      const cause = err instanceof WorkflowFailedError ? err.cause : null;
      if (cause instanceof ApplicationFailure && isDomainErrorCode(cause.type)) {
        throw new DomainException(cause.type, (cause.details?.[0] ?? {}) as Record<string, string>);
      }
      throw err;
    }
    return this.get(user, id);
  }

  async list(ceremonyName?: string) {
    const rows = await this.prisma.decision.findMany({
      where: ceremonyName ? { ceremonyName } : {},
      orderBy: [{ signedOn: 'desc' }, { number: 'asc' }],
      include: { _count: { select: { awards: true } } },
    });
    const authorities = await this.authorityNames();
    return rows.map((d) => ({
      id: d.id,
      number: d.number,
      signedOn: d.signedOn.toISOString().slice(0, 10),
      title: d.title,
      authority: authorities.get(d.authorityUnitId) ?? null,
      ceremonyName: d.ceremonyName,
      ceremonyOn: d.ceremonyOn?.toISOString().slice(0, 10) ?? null,
      status: d.status,
      nominations: d.nominationIds.length,
      awards: d._count.awards,
    }));
  }

  async get(_user: AuthenticatedUser, id: string) {
    const d = await this.getRow(id);
    const authorities = await this.authorityNames();
    const nominations = await this.prisma.nomination.findMany({
      where: { id: { in: d.nominationIds } },
      orderBy: { nomineeName: 'asc' },
      include: { awardForm: { select: { name: true } }, award: true },
    });
    return {
      id: d.id,
      number: d.number,
      signedOn: d.signedOn.toISOString().slice(0, 10),
      title: d.title,
      authority: authorities.get(d.authorityUnitId) ?? null,
      ceremonyName: d.ceremonyName,
      ceremonyOn: d.ceremonyOn?.toISOString().slice(0, 10) ?? null,
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      status: d.status,
      issuedAt: d.issuedAt?.toISOString() ?? null,
      recipients: nominations.map((n) => ({
        nominationId: n.id,
        nomineeName: n.nomineeName,
        nomineeKind: n.nomineeKind,
        formName: n.awardForm.name,
        status: n.status,
        award: n.award
          ? {
              id: n.award.id,
              serial: n.award.serial,
              verificationCode: n.award.verificationCode,
              revoked: n.award.revokedAt !== null,
            }
          : null,
      })),
    };
  }

  async decisionPdf(id: string): Promise<Buffer> {
    const d = await this.getRow(id);
    const authority = await this.prisma.unit.findUniqueOrThrow({
      where: { id: d.authorityUnitId },
    });
    const nominations = await this.prisma.nomination.findMany({
      where: { id: { in: d.nominationIds } },
      orderBy: { nomineeName: 'asc' },
      include: { awardForm: { select: { name: true } } },
    });
    const units = await this.prisma.unit.findMany({
      where: { id: { in: nominations.map((n) => n.unitId) } },
    });
    return renderDecisionPdf({
      number: d.number,
      signedOn: d.signedOn.toISOString().slice(0, 10),
      authorityName: authority.name,
      place: 'TP. Hồ Chí Minh',
      title: d.title,
      basis: [
        'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
        'Căn cứ kết quả xét duyệt, thẩm định hồ sơ và đề nghị của Hội đồng Thi đua – Khen thưởng,',
      ],
      articles: [
        `Tặng thưởng cho ${nominations.length} tập thể, cá nhân, mô hình có tên trong danh sách kèm theo, đã có thành tích xuất sắc.`,
        'Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành.',
      ],
      signerTitle: d.signerTitle,
      signerName: d.signerName,
      recipients: nominations.map((n, i) => ({
        index: i + 1,
        name: n.nomineeName,
        detail:
          n.nomineeKind === 'UNIT' ? null : (units.find((u) => u.id === n.unitId)?.name ?? null),
        formName: n.awardForm.name,
      })),
    });
  }

  /** Every certificate of an issued decision, one page each (for printing before the ceremony). */
  async certificatesPdf(id: string): Promise<Buffer> {
    const d = await this.getRow(id);
    if (d.status !== 'ISSUED')
      throw new DomainException(DomainErrorCode.NotAwaitingDecision, { nominee: '' });
    const awards = await this.prisma.award.findMany({
      where: { decisionId: id },
      orderBy: { serial: 'asc' },
    });
    return renderCertificatesPdf(
      await Promise.all(awards.map((a) => this.awards.certificateData(a))),
    );
  }

  private async getRow(id: string) {
    const d = await this.prisma.decision.findUnique({ where: { id } });
    if (!d) throw new DomainException(DomainErrorCode.NotFound, { entity: 'quyết định' });
    return d;
  }

  /** The caller decides for their own authority only. */
  private async authorityOf(user: AuthenticatedUser) {
    const unit = user.unitId
      ? await this.prisma.unit.findUnique({ where: { id: user.unitId } })
      : null;
    if (!unit || unit.kind !== 'AUTHORITY' || !user.roles.includes('AUTHORITY')) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'chỉ lãnh đạo cơ quan có thẩm quyền mới ra quyết định khen thưởng',
      });
    }
    return unit;
  }

  /** Every nomination completed its chain and is decided by this authority (per form and level). */
  private async assertDecidable(authorityUnitId: string, ids: string[], decisionId?: string) {
    const rows = await this.prisma.nomination.findMany({
      where: { id: { in: ids } },
      include: { awardForm: { select: { name: true } } },
    });
    for (const id of ids) {
      const n = rows.find((r) => r.id === id);
      if (!n) throw new DomainException(DomainErrorCode.NominationNotFound, { nominationId: id });
      if (n.authorityUnitId !== authorityUnitId) {
        throw new DomainException(DomainErrorCode.WrongAuthority, { form: n.awardForm.name });
      }
      if (n.status !== 'AWAITING_DECISION') {
        throw new DomainException(DomainErrorCode.NotAwaitingDecision, { nominee: n.nomineeName });
      }
    }
    const taken = await this.prisma.decision.findFirst({
      where: {
        status: 'DRAFT',
        nominationIds: { hasSome: ids },
        ...(decisionId ? { id: { not: decisionId } } : {}),
      },
      select: { number: true },
    });
    if (taken) {
      throw new DomainException(DomainErrorCode.NominationInOtherDraft, { number: taken.number });
    }
  }

  private async authorityNames() {
    const rows = await this.prisma.unit.findMany({ where: { kind: 'AUTHORITY' } });
    return new Map(rows.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]));
  }
}
