import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  NOMINATION_WORKFLOW_TYPE,
  nominationWorkflowId,
  type ClockSpec,
  type NominationWorkflowInput,
} from '@epw/contracts';
import { Prisma, PrismaService } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  achievementKeyOf,
  assertDossierComplete,
  checkEligibility,
  startOfVietnamDay,
  toVietnamDate,
  type NomineeKind,
  type ResolvedStep,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import { assertIdempotencyKey } from '../common/workflow-updates.service';
import { AwardFormsService, type LoadedAwardForm } from './award-forms.service';
import type { CreateNominationDto, DossierDocumentDto } from './dto/nomination.dto';

interface Nominee {
  kind: NomineeKind;
  key: string;
  name: string;
  unitId: string;
  unitId4Kind: { nomineeUnitId?: string; nomineePersonId?: string; nomineeInitiativeId?: string };
}

/** Quota checks of one unit, form and year run one at a time (transaction-scoped lock). */
const QUOTA_LOCK = 727_101;

/** A deterministic id for a retried create (same user, same Idempotency-Key → same nomination). */
export function nominationIdFor(userId: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return randomUUID();
  const h = createHash('sha256').update(`nomination/${userId}/${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function decodeDocuments(docs: DossierDocumentDto[]) {
  return docs.map((d, i) => {
    const content = Buffer.from(d.contentBase64, 'base64');
    if (content.length === 0 || content.length > 4 * 1024 * 1024) {
      throw new RequestValidationException([
        { field: `documents[${i}].contentBase64`, rule: 'length', message: '1 byte to 4 MiB' },
      ]);
    }
    return {
      kind: d.kind,
      fileName: d.fileName,
      mediaType: d.mediaType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content: new Uint8Array(content),
    };
  });
}

/**
 * Submits a nomination: checks who proposes, the nominee, the dossier checklist and the rules
 * (kind, one achievement one award, quota, earlier awards, consecutive years, lower-level
 * recognition), resolves the approval chain to concrete units and council members, stores the
 * nomination with its dossier and starts its workflow.
 */
@Injectable()
export class NominationSubmissionService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly forms: AwardFormsService,
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(
    user: AuthenticatedUser,
    dto: CreateNominationDto,
    idempotencyKey?: string,
  ): Promise<{ id: string; workflowId: string }> {
    assertIdempotencyKey(idempotencyKey);
    const id = nominationIdFor(user.userId, idempotencyKey);
    const existing = await this.prisma.nomination.findUnique({ where: { id } });
    if (existing) {
      // A retried request: the nomination was stored; make sure its workflow runs, answer the same.
      await this.startWorkflow(
        existing.workflowId,
        existing.chain as unknown as NominationWorkflowInput,
      );
      return { id, workflowId: existing.workflowId };
    }
    if (
      !user.unitId ||
      !(user.roles.includes('UNIT_OFFICER') || user.roles.includes('UNIT_SIGNER'))
    ) {
      throw new DomainException(DomainErrorCode.NotProposerUnit);
    }
    const form = await this.forms.latest(dto.formCode);
    const nominee = await this.resolveNominee(user.unitId, dto);
    const cycle = dto.cycleId
      ? await this.prisma.emulationCycle.findUnique({ where: { id: dto.cycleId } })
      : null;
    if (dto.cycleId && !cycle)
      throw new DomainException(DomainErrorCode.CycleNotFound, { cycleId: dto.cycleId });
    const year =
      dto.year ??
      (cycle ? cycle.startsOn.getUTCFullYear() : Number(toVietnamDate(Date.now()).slice(0, 4)));
    const documents = decodeDocuments(dto.documents);
    for (const [i, d] of documents.entries()) {
      if (!form.content.dossier.some((item) => item.kind === d.kind)) {
        throw new RequestValidationException([
          {
            field: `documents[${i}].kind`,
            rule: 'isIn',
            message: `kind must be one of ${form.content.dossier.map((x) => x.kind).join(', ')}`,
          },
        ]);
      }
    }
    assertDossierComplete(
      form.content.dossier,
      documents.map((d) => d.kind),
    );
    const steps = await this.resolveChain(form, user.unitId, nominee.unitId, year);
    const achievementKey = achievementKeyOf(form.content, year);
    const workflowId = nominationWorkflowId(id);
    const input: NominationWorkflowInput = {
      init: {
        nominationId: id,
        formCode: form.content.code,
        formName: form.content.name.vi,
        nomineeName: nominee.name,
        nomineeUnitId: nominee.unitId,
        proposerUnitId: user.unitId,
        authorityUnitId: form.authority.id,
        steps,
      },
      clock: this.clockOf(cycle, year),
      reminders: form.content.reminders,
      authorityName: form.authority.name,
    };

    let created = false;
    try {
      created = await this.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${QUOTA_LOCK}::int, hashtext(${`${nominee.unitId}/${form.content.code}/${year}`}))`;
        // A concurrent request with the same Idempotency-Key stored it while this one waited for
        // the lock: answer as for a retry, not with "one achievement, one award".
        if (await tx.nomination.findUnique({ where: { id }, select: { id: true } })) return false;
        await this.checkRules(tx, form, nominee, year, achievementKey);
        await tx.nomination.create({
          data: {
            id,
            workflowId,
            awardFormId: form.id,
            formCode: form.content.code,
            level: form.content.level,
            authorityUnitId: form.authority.id,
            cycleId: cycle?.id ?? null,
            year,
            nomineeKind: nominee.kind,
            ...nominee.unitId4Kind,
            nomineeKey: nominee.key,
            nomineeName: nominee.name,
            unitId: nominee.unitId,
            proposerUnitId: user.unitId as string,
            proposedById: user.userId,
            achievement: dto.achievement,
            achievementKey,
            status: 'IN_REVIEW',
            currentStep: 0,
            currentStepKey: steps[0]?.key ?? null,
            chain: input as unknown as Prisma.InputJsonValue,
            submittedAt: new Date(),
            documents: { create: documents.map((d) => ({ ...d, uploadedById: user.userId })) },
            actions: {
              create: {
                stepIndex: 0,
                stepKey: 'submission',
                round: 1,
                action: 'SUBMIT',
                reason: null,
                actorUserId: user.userId,
                actorUnitId: user.unitId,
                at: new Date(),
                eventKey: `${workflowId}/submit`,
              },
            },
          },
        });
        return true;
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw new DomainException(DomainErrorCode.OneAchievementOneAward, {
          existing: form.content.name.vi,
        });
      }
      throw err;
    }
    if (!created) return this.submit(user, dto, idempotencyKey);
    await this.startWorkflow(workflowId, input);
    return { id, workflowId };
  }

  private async startWorkflow(workflowId: string, input: NominationWorkflowInput): Promise<void> {
    try {
      await this.temporal.workflow.start(NOMINATION_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  private clockOf(
    cycle: { startsOn: Date; calendarEpoch: Date; calendarScale: number } | null,
    year: number,
  ): ClockSpec {
    if (cycle) {
      return {
        periodStart: cycle.startsOn.toISOString().slice(0, 10),
        epochMs: cycle.calendarEpoch.getTime(),
        scale: cycle.calendarScale,
      };
    }
    const periodStart = `${year}-01-01`;
    return { periodStart, epochMs: startOfVietnamDay(periodStart), scale: 1 };
  }

  private async resolveNominee(unitId: string, dto: CreateNominationDto): Promise<Nominee> {
    const need = (field: string) =>
      new RequestValidationException([
        {
          field,
          rule: 'isUuid',
          message: `${field} is required for nomineeKind ${dto.nomineeKind}`,
        },
      ]);
    if (dto.nomineeKind === 'UNIT') {
      if (!dto.nomineeUnitId) throw need('nomineeUnitId');
      if (dto.nomineeUnitId !== unitId) throw new DomainException(DomainErrorCode.NotProposerUnit);
      const unit = await this.prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
      return {
        kind: 'UNIT',
        key: `unit:${unit.id}`,
        name: unit.name,
        unitId,
        unitId4Kind: { nomineeUnitId: unit.id },
      };
    }
    if (dto.nomineeKind === 'PERSON') {
      if (!dto.nomineePersonId) throw need('nomineePersonId');
      const person = await this.prisma.person.findUnique({ where: { id: dto.nomineePersonId } });
      if (!person) throw new DomainException(DomainErrorCode.NotFound, { entity: 'cá nhân' });
      if (person.unitId !== unitId) throw new DomainException(DomainErrorCode.NotProposerUnit);
      return {
        kind: 'PERSON',
        key: `person:${person.id}`,
        name: person.fullName,
        unitId,
        unitId4Kind: { nomineePersonId: person.id },
      };
    }
    if (!dto.nomineeInitiativeId) throw need('nomineeInitiativeId');
    const initiative = await this.prisma.initiative.findUnique({
      where: { id: dto.nomineeInitiativeId },
      include: { registration: true },
    });
    if (!initiative) throw new DomainException(DomainErrorCode.NotFound, { entity: 'mô hình' });
    if (initiative.registration.unitId !== unitId)
      throw new DomainException(DomainErrorCode.NotProposerUnit);
    return {
      kind: 'INITIATIVE',
      key: `initiative:${initiative.id}`,
      name: initiative.title,
      unitId,
      unitId4Kind: { nomineeInitiativeId: initiative.id },
    };
  }

  private async checkRules(
    tx: Prisma.TransactionClient,
    form: LoadedAwardForm,
    nominee: Nominee,
    year: number,
    achievementKey: string,
  ): Promise<void> {
    const held = await tx.award.findMany({
      where: { recipientKey: nominee.key, revokedAt: null },
      select: { formCode: true, formName: true, year: true },
    });
    const live = await tx.nomination.findMany({
      where: {
        nomineeKey: nominee.key,
        achievementKey,
        status: { notIn: ['REJECTED', 'WITHDRAWN'] },
      },
      include: { awardForm: { select: { name: true } } },
    });
    const awardedSame = await tx.award.findMany({
      where: {
        recipientKey: nominee.key,
        revokedAt: null,
        source: 'DECISION',
        nominationId: { not: null },
      },
      include: { nomination: { select: { achievementKey: true } } },
    });
    const sameAchievement = [
      ...live.map((n) => ({ formName: n.awardForm.name })),
      ...awardedSame
        .filter((a) => a.nomination?.achievementKey === achievementKey)
        .map((a) => ({ formName: a.formName })),
    ];
    let quota: { headcount: number | null; used: number } | null = null;
    if (form.content.quota && nominee.kind === 'PERSON') {
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: nominee.unitId } });
      const used = await tx.nomination.count({
        where: {
          unitId: nominee.unitId,
          formCode: form.content.code,
          year,
          nomineeKind: 'PERSON',
          status: { notIn: ['REJECTED', 'WITHDRAWN'] },
        },
      });
      quota = { headcount: unit.headcount, used };
    }
    checkEligibility({
      form: form.content,
      nomineeKind: nominee.kind,
      year,
      held,
      sameAchievement,
      quota,
    });
  }

  /** The chain of the form, with each step's acting unit (and council) for this nomination. */
  private async resolveChain(
    form: LoadedAwardForm,
    proposerUnitId: string,
    nomineeUnitId: string,
    year: number,
  ): Promise<ResolvedStep[]> {
    const proposer = await this.prisma.unit.findUniqueOrThrow({ where: { id: proposerUnitId } });
    const steps: ResolvedStep[] = [];
    for (const step of form.content.chain) {
      if (step.actor === 'PROPOSER_HEAD') {
        steps.push({
          ...step,
          actorUnitId: proposer.id,
          actorUnitName: proposer.name,
          actorRole: 'UNIT_SIGNER',
        });
      } else if (step.actor === 'CLUSTER_HEAD') {
        const head = await this.clusterHeadFor(nomineeUnitId, year);
        steps.push({
          ...step,
          actorUnitId: head.id,
          actorUnitName: head.name,
          actorRole: 'UNIT_SIGNER',
        });
      } else if (step.actor === 'AUTHORITY_BOARD') {
        steps.push({
          ...step,
          actorUnitId: form.authority.id,
          actorUnitName: form.authority.name,
          actorRole: 'REVIEWER',
        });
      } else {
        const members = await this.prisma.user.findMany({
          where: { unitId: form.authority.id, active: true, roles: { has: 'COUNCIL_MEMBER' } },
          orderBy: { username: 'asc' },
          select: { id: true },
        });
        if (members.length === 0) {
          throw new DomainException(DomainErrorCode.AwardFormInvalid, {
            field: `chain.${step.key}`,
            rule: `${form.authority.name} has no council members`,
          });
        }
        steps.push({
          ...step,
          actorUnitId: form.authority.id,
          actorUnitName: form.authority.name,
          actorRole: 'COUNCIL_MEMBER',
          councilMemberUserIds: members.map((m) => m.id),
        });
      }
    }
    return steps;
  }

  /** The cluster head reviews its members' nominations; for the head's own, the deputy does
   * (a unit never approves itself). */
  private async clusterHeadFor(unitId: string, year: number) {
    const membership = await this.prisma.clusterMembership.findFirst({
      where: { unitId, year },
      orderBy: { clusterId: 'asc' },
    });
    if (!membership) throw new DomainException(DomainErrorCode.UnitNotMember, { unitId });
    const leaders = await this.prisma.clusterMembership.findMany({
      where: { clusterId: membership.clusterId, year, role: { in: ['HEAD', 'DEPUTY'] } },
      include: { unit: true },
    });
    const head = leaders.find((l) => l.role === 'HEAD');
    const deputy = leaders.find((l) => l.role === 'DEPUTY');
    const pick =
      head && head.unitId !== unitId ? head : deputy && deputy.unitId !== unitId ? deputy : null;
    if (!pick) throw new DomainException(DomainErrorCode.NotClusterHead);
    return pick.unit;
  }
}
