import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  castCouncilBallotUpdate,
  fileObjectionUpdate,
  nominationStatusQuery,
  resolveObjectionUpdate,
  resubmitNominationUpdate,
  stepActionUpdate,
  withdrawNominationUpdate,
  type NominationWorkflowInput,
} from '@epw/contracts';
import { PrismaService, type Prisma } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  type NominationView,
  type ResolvedStep,
} from '@epw/domain';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { WorkflowUpdatesService } from '../common/workflow-updates.service';
import type {
  CouncilBallotDto,
  NominationListQueryDto,
  ResolveObjectionDto,
  ReviseDossierDto,
  StepActionDto,
} from './dto/nomination.dto';
import { decodeDocuments } from './nomination-submission.service';

const OVERSIGHT = ['ADMIN', 'REVIEWER', 'COUNCIL_MEMBER', 'AUTHORITY'];
const ACTIVE = ['IN_REVIEW', 'RETURNED', 'POSTED', 'VOTING'] as const;

const notFound = (nominationId: string) => () =>
  new DomainException(DomainErrorCode.NominationNotFound, { nominationId });
const closed = () =>
  new DomainException(DomainErrorCode.NominationNotAtStep, { current: 'đã kết thúc' });

/** Actions on a nomination go to its workflow as Updates; reads come from PostgreSQL. */
@Injectable()
export class NominationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly workflows: WorkflowUpdatesService,
  ) {}

  async act(
    user: AuthenticatedUser,
    id: string,
    stepKey: string,
    dto: StepActionDto,
    key?: string,
  ) {
    const n = await this.getOrFail(id);
    const cmd = { actor: actorOf(user), stepKey, decision: dto.decision, reason: dto.reason };
    return this.workflows.execute(
      n.workflowId,
      stepActionUpdate,
      cmd,
      this.opts('step', user, id, key),
    );
  }

  /** The proposer replaces dossier files while the nomination is returned for revision. */
  async reviseDossier(user: AuthenticatedUser, id: string, dto: ReviseDossierDto) {
    const n = await this.getOrFail(id);
    if (n.proposerUnitId !== user.unitId)
      throw new DomainException(DomainErrorCode.NotProposerUnit);
    if (n.status !== 'RETURNED') {
      throw new DomainException(DomainErrorCode.NominationNotAtStep, { current: n.status });
    }
    const docs = decodeDocuments(dto.documents);
    const input = n.chain as unknown as NominationWorkflowInput;
    const form = await this.prisma.awardForm.findUniqueOrThrow({ where: { id: n.awardFormId } });
    const kinds = (form.content as unknown as { dossier: { kind: string }[] }).dossier.map(
      (d) => d.kind,
    );
    docs.forEach((d, i) => {
      if (!kinds.includes(d.kind)) {
        throw new DomainException(DomainErrorCode.ValidationFailed, {
          field: `documents[${i}].kind`,
        });
      }
    });
    await this.prisma.dossierDocument.createMany({
      data: docs.map((d) => ({
        ...d,
        nominationId: id,
        revision: n.round + 1,
        uploadedById: user.userId,
      })),
    });
    return { nominationId: input.init.nominationId, uploaded: docs.length, revision: n.round + 1 };
  }

  async resubmit(user: AuthenticatedUser, id: string, note: string | undefined, key?: string) {
    const n = await this.getOrFail(id);
    const cmd = { actor: actorOf(user), note };
    return this.workflows.execute(
      n.workflowId,
      resubmitNominationUpdate,
      cmd,
      this.opts('resubmit', user, id, key),
    );
  }

  async withdraw(user: AuthenticatedUser, id: string, reason: string, key?: string) {
    const n = await this.getOrFail(id);
    const cmd = { actor: actorOf(user), reason };
    return this.workflows.execute(
      n.workflowId,
      withdrawNominationUpdate,
      cmd,
      this.opts('withdraw', user, id, key),
    );
  }

  async object(user: AuthenticatedUser, id: string, text: string, key?: string) {
    const n = await this.getOrFail(id);
    const cmd = { actor: actorOf(user), objectionId: randomUUID(), text };
    return this.workflows.execute(
      n.workflowId,
      fileObjectionUpdate,
      cmd,
      this.opts('objection', user, id, key),
    );
  }

  async resolveObjection(
    user: AuthenticatedUser,
    id: string,
    objectionId: string,
    dto: ResolveObjectionDto,
    key?: string,
  ) {
    const n = await this.getOrFail(id);
    const cmd = {
      actor: actorOf(user),
      objectionId,
      upheld: dto.upheld,
      resolution: dto.resolution,
    };
    return this.workflows.execute(
      n.workflowId,
      resolveObjectionUpdate,
      cmd,
      this.opts('resolve', user, id, key),
    );
  }

  async vote(user: AuthenticatedUser, id: string, dto: CouncilBallotDto, key?: string) {
    const n = await this.getOrFail(id);
    const cmd = {
      actor: actorOf(user),
      memberUserId: dto.onBehalfOfUserId ?? user.userId,
      approve: dto.approve,
      written: dto.onBehalfOfUserId !== undefined,
    };
    return this.workflows.execute(
      n.workflowId,
      castCouncilBallotUpdate,
      cmd,
      this.opts('ballot', user, id, key),
    );
  }

  /** The nomination with its live workflow state (where it stands, who acts, until when). */
  async get(user: AuthenticatedUser, id: string) {
    const n = await this.prisma.nomination.findUnique({
      where: { id },
      include: {
        documents: {
          select: {
            id: true,
            kind: true,
            fileName: true,
            mediaType: true,
            size: true,
            sha256: true,
            revision: true,
            uploadedAt: true,
          },
          orderBy: [{ kind: 'asc' }, { revision: 'asc' }],
        },
        actions: { orderBy: { at: 'asc' } },
        objections: { orderBy: { filedAt: 'asc' } },
        award: { select: { id: true, serial: true, verificationCode: true, revokedAt: true } },
      },
    });
    if (!n) throw notFound(id)();
    this.assertCanRead(user, n);
    let live: NominationView | null = null;
    try {
      live = await this.workflows.query(n.workflowId, nominationStatusQuery, notFound(id));
    } catch {
      live = null; // finished long ago and no longer queryable: the record below is complete
    }
    return {
      ...this.summary(n),
      live,
      documents: n.documents,
      actions: n.actions,
      objections: n.objections,
      award: n.award,
      voteTally: n.voteTally,
      voteMinutes: n.voteMinutes,
    };
  }

  async document(user: AuthenticatedUser, id: string, documentId: string) {
    const n = await this.getOrFail(id);
    this.assertCanRead(user, n);
    const d = await this.prisma.dossierDocument.findFirst({
      where: { id: documentId, nominationId: id },
    });
    if (!d) throw new DomainException(DomainErrorCode.NotFound, { entity: 'tài liệu' });
    return d;
  }

  async list(user: AuthenticatedUser, q: NominationListQueryDto) {
    const where: Prisma.NominationWhereInput = {
      ...(q.status ? { status: q.status as never } : {}),
      ...(q.formCode ? { formCode: q.formCode } : {}),
      ...(q.year ? { year: q.year } : {}),
    };
    if (!OVERSIGHT.some((r) => user.roles.includes(r))) {
      where.OR = [{ proposerUnitId: user.unitId ?? '' }, { unitId: user.unitId ?? '' }];
    }
    const rows = await this.prisma.nomination.findMany({
      where,
      orderBy: { submittedAt: 'desc' },
      take: 500,
    });
    return rows.map((n) => this.summary(n));
  }

  /** The caller's approval inbox: nominations whose current step the caller acts on, with the SLA. */
  async myApprovals(user: AuthenticatedUser) {
    const rows = await this.prisma.nomination.findMany({
      where: { status: { in: [...ACTIVE] } },
      orderBy: { stepDueAt: 'asc' },
      take: 1000,
    });
    return rows
      .filter((n) => {
        const input = n.chain as unknown as NominationWorkflowInput;
        if (n.status === 'RETURNED') {
          return n.proposerUnitId === user.unitId && user.roles.includes('UNIT_OFFICER');
        }
        const step: ResolvedStep | undefined = input.init.steps[n.currentStep];
        if (!step || step.actorUnitId !== user.unitId || !user.roles.includes(step.actorRole))
          return false;
        if (step.kind === 'COUNCIL_VOTE')
          return step.councilMemberUserIds?.includes(user.userId) ?? false;
        return true;
      })
      .map((n) => this.summary(n));
  }

  /** Public posting (công khai): who is proposed for what, until when. No login needed. */
  async postings() {
    const rows = await this.prisma.nomination.findMany({
      where: { status: 'POSTED', postedUntil: { gt: new Date() } },
      orderBy: { postedUntil: 'asc' },
      include: { awardForm: { select: { name: true } } },
    });
    const authorities = await this.prisma.unit.findMany({ where: { kind: 'AUTHORITY' } });
    return rows.map((n) => ({
      nominationId: n.id,
      nomineeName: n.nomineeName,
      nomineeKind: n.nomineeKind,
      formName: n.awardForm.name,
      authorityName: authorities.find((a) => a.id === n.authorityUnitId)?.name ?? null,
      achievement: n.achievement,
      postedFrom: n.postedFrom?.toISOString() ?? null,
      postedUntil: n.postedUntil?.toISOString() ?? null,
    }));
  }

  async minutes(user: AuthenticatedUser, id: string) {
    const n = await this.getOrFail(id);
    this.assertCanRead(user, n);
    if (!n.voteMinutes)
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'biên bản kiểm phiếu' });
    return { nominationId: id, tally: n.voteTally, minutes: n.voteMinutes };
  }

  async getOrFail(id: string) {
    const n = await this.prisma.nomination.findUnique({ where: { id } });
    if (!n) throw notFound(id)();
    return n;
  }

  private assertCanRead(
    user: AuthenticatedUser,
    n: { proposerUnitId: string; unitId: string; chain: unknown },
  ) {
    if (OVERSIGHT.some((r) => user.roles.includes(r))) return;
    if (user.unitId && (n.proposerUnitId === user.unitId || n.unitId === user.unitId)) return;
    const input = n.chain as NominationWorkflowInput;
    if (user.unitId && input.init.steps.some((s) => s.actorUnitId === user.unitId)) return;
    throw new DomainException(DomainErrorCode.Forbidden, { reason: 'hồ sơ của đơn vị khác' });
  }

  private summary(n: {
    id: string;
    formCode: string;
    level: string;
    year: number;
    nomineeKind: string;
    nomineeName: string;
    unitId: string;
    proposerUnitId: string;
    authorityUnitId: string;
    status: string;
    currentStep: number;
    currentStepKey: string | null;
    round: number;
    stepDueAt: Date | null;
    postedUntil: Date | null;
    closedReason: string | null;
    achievement: string;
    submittedAt: Date;
    chain: unknown;
  }) {
    const input = n.chain as NominationWorkflowInput;
    const step = input.init.steps[n.currentStep];
    return {
      id: n.id,
      formCode: n.formCode,
      formName: input.init.formName,
      level: n.level,
      year: n.year,
      nomineeKind: n.nomineeKind,
      nomineeName: n.nomineeName,
      unitId: n.unitId,
      proposerUnitId: n.proposerUnitId,
      authorityUnitId: n.authorityUnitId,
      status: n.status,
      round: n.round,
      achievement: n.achievement,
      currentStep:
        step && (ACTIVE as readonly string[]).includes(n.status)
          ? {
              index: n.currentStep,
              key: step.key,
              kind: step.kind,
              title: step.title,
              actorUnitName: step.actorUnitName,
              actorRole: step.actorRole,
            }
          : null,
      steps: input.init.steps.map((s) => ({
        key: s.key,
        kind: s.kind,
        title: s.title,
        slaWorkingDays: s.slaWorkingDays,
      })),
      stepDueAt: n.stepDueAt?.toISOString() ?? null,
      postedUntil: n.postedUntil?.toISOString() ?? null,
      closedReason: n.closedReason,
      submittedAt: n.submittedAt.toISOString(),
    };
  }

  private opts(action: string, user: AuthenticatedUser, id: string, idempotencyKey?: string) {
    return { action: `nomination-${action}`, user, idempotencyKey, closed, notFound: notFound(id) };
  }
}
