import { Injectable } from '@nestjs/common';
import type {
  AssessmentEvent,
  AssessmentResultEvent,
  BallotEvent,
  ConflictEvent,
  ElectionResultEvent,
  LateDecisionEvent,
  PhaseEvent,
  ProgressEvent,
  RegistrationClosedEvent,
  RegistrationEvent,
  VoteResultEvent,
} from '@epw/contracts';
import { AuditLogRepository, type AuditEntry } from '../audit/audit-log.repository';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTx } from '../prisma.service';

const ENTITY = 'EmulationCycle';
const json = (v: unknown) => v as Prisma.InputJsonValue;

/** What makes a registered model the same model when its unit registers again. */
const initiativeKey = (i: { kind: string; title: string }) =>
  `${i.kind}|${i.title.trim().toLocaleLowerCase('vi')}`;

/** The yearly cycle's records. Each write is one accepted action, applied with its audit entry in
 * one transaction, at most once per event key. */
@Injectable()
export class CycleRecordsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  recordPhase(e: PhaseEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, `cycle.phase.${e.status.toLowerCase()}`, { phase: e.phase }),
      async (tx, at) => {
        await tx.cyclePhase.update({
          where: { cycleId_phase: { cycleId: e.cycleId, phase: e.phase } },
          data:
            e.status === 'OPEN'
              ? { status: 'OPEN', openedAt: at }
              : { status: 'CLOSED', closedAt: at },
        });
      },
      { lockAfterWrite: true },
    );
  }

  recordRegistration(e: RegistrationEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, e.late ? 'registration.late-requested' : 'registration.submitted', {
        unitId: e.unitId,
        revision: e.revision,
        titles: e.titles,
        initiatives: e.initiatives.length,
        lateReason: e.lateReason,
      }),
      async (tx, at) => {
        const data = {
          status: e.status,
          titles: e.titles,
          late: e.late,
          lateReason: e.lateReason ?? null,
          submittedById: e.actorUserId ?? '',
          submittedAt: at,
          revision: e.revision,
        };
        const registration = await tx.registration.upsert({
          where: { cycleId_unitId: { cycleId: e.cycleId, unitId: e.unitId } },
          create: { cycleId: e.cycleId, unitId: e.unitId, ...data },
          update: data,
        });
        await this.replaceInitiatives(tx, registration.id, e.initiatives);
      },
      { lockAfterWrite: true },
    );
  }

  /**
   * The registration's models become exactly `initiatives`, in that order. A model sent again
   * (same kind and title) keeps its row and id, whatever its position and other fields: nominations
   * and awards name models by id, so a re-registration must not change them. Models no longer sent
   * are deleted; new ones are created.
   */
  private async replaceInitiatives(
    tx: PrismaTx,
    registrationId: string,
    initiatives: RegistrationEvent['initiatives'],
  ): Promise<void> {
    const existing = await tx.initiative.findMany({
      where: { registrationId },
      orderBy: { position: 'asc' },
      select: { id: true, kind: true, title: true },
    });
    const unclaimed = new Map<string, string[]>();
    for (const row of existing) {
      const key = initiativeKey(row);
      unclaimed.set(key, [...(unclaimed.get(key) ?? []), row.id]);
    }
    // Each sent model claims the first unclaimed row of its key (two of the same key keep order).
    const claimed = initiatives.map((i) => unclaimed.get(initiativeKey(i))?.shift() ?? null);
    const kept = new Set(claimed.filter((id): id is string => id !== null));
    await tx.initiative.deleteMany({
      where: { registrationId, id: { notIn: [...kept] } },
    });
    // Positions are unique per registration: park the kept rows out of the way before reordering.
    for (const [n, id] of [...kept].entries()) {
      await tx.initiative.update({ where: { id }, data: { position: -1 - n } });
    }
    for (const [position, i] of initiatives.entries()) {
      const data = {
        position,
        kind: i.kind,
        field: i.field,
        isNew: i.isNew,
        ownerType: i.ownerType,
        ownerName: i.ownerName,
        title: i.title,
        description: i.description,
        attachments: json(i.attachments),
      };
      const id = claimed[position];
      if (id) await tx.initiative.update({ where: { id }, data });
      else await tx.initiative.create({ data: { registrationId, ...data } });
    }
  }

  recordLateDecision(e: LateDecisionEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, e.approve ? 'registration.late-approved' : 'registration.late-rejected', {
        unitId: e.unitId,
        note: e.note,
      }),
      async (tx, at) => {
        await tx.registration.update({
          where: { cycleId_unitId: { cycleId: e.cycleId, unitId: e.unitId } },
          data: {
            status: e.approve ? 'LATE_APPROVED' : 'LATE_REJECTED',
            decidedById: e.actorUserId,
            decidedAt: at,
            decisionNote: e.note,
          },
        });
      },
      { lockAfterWrite: true },
    );
  }

  recordRegistrationClosed(e: RegistrationClosedEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'registration.closed', { missingUnitIds: e.missingUnitIds }),
      () => Promise.resolve(),
      { lockAfterWrite: true },
    );
  }

  recordConflict(e: ConflictEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'assessment.conflict-declared', {
        stage: e.stage,
        assessorUnitId: e.assessorUnitId,
        subjectUnitId: e.subjectUnitId,
        reason: e.reason,
      }),
      async (tx, at) => {
        // A repeated declaration of the same pair is accepted and recorded once (the workflow
        // keeps the first): a plain insert would fail on the unique pair and retry forever.
        await tx.conflictDeclaration.createMany({
          data: {
            cycleId: e.cycleId,
            stage: e.stage,
            assessorUnitId: e.assessorUnitId,
            subjectUnitId: e.subjectUnitId,
            reason: e.reason,
            declaredById: e.actorUserId ?? '',
            declaredAt: at,
          },
          skipDuplicates: true,
        });
      },
      { lockAfterWrite: true },
    );
  }

  recordAssessment(e: AssessmentEvent): Promise<Date> {
    const self = e.assessorUnitId === e.subjectUnitId;
    return this.audit.recordOnce(
      this.entry(e, self ? 'assessment.self-submitted' : 'assessment.peer-submitted', {
        stage: e.stage,
        assessorUnitId: e.assessorUnitId,
        subjectUnitId: e.subjectUnitId,
        scores: e.scores,
        total: e.total,
      }),
      async (tx, at) => {
        const data = {
          scores: json(e.scores),
          total: e.total,
          evidence: e.evidence ?? null,
          submittedById: e.actorUserId ?? '',
          submittedAt: at,
        };
        await tx.assessment.upsert({
          where: {
            cycleId_stage_assessorUnitId_subjectUnitId: {
              cycleId: e.cycleId,
              stage: e.stage,
              assessorUnitId: e.assessorUnitId,
              subjectUnitId: e.subjectUnitId,
            },
          },
          create: {
            cycleId: e.cycleId,
            stage: e.stage,
            assessorUnitId: e.assessorUnitId,
            subjectUnitId: e.subjectUnitId,
            ...data,
          },
          update: data,
        });
      },
      { lockAfterWrite: true },
    );
  }

  recordProgress(e: ProgressEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'review.progress-submitted', { unitId: e.unitId, items: e.items }),
      async (tx, at) => {
        const data = { items: json(e.items), submittedById: e.actorUserId ?? '', submittedAt: at };
        await tx.progressReport.upsert({
          where: { cycleId_unitId: { cycleId: e.cycleId, unitId: e.unitId } },
          create: { cycleId: e.cycleId, unitId: e.unitId, ...data },
          update: data,
        });
      },
      { lockAfterWrite: true },
    );
  }

  recordAssessmentResult(e: AssessmentResultEvent): Promise<Date> {
    const r = e.result;
    return this.audit.recordOnce(
      this.entry(e, `assessment.${r.stage.toLowerCase()}-closed`, {
        selfCount: r.selfCount,
        peerCount: r.peerCount,
        ranking: r.ranking,
      }),
      async (tx) => {
        const data =
          r.stage === 'FINAL'
            ? { ranking: json(r.ranking), divergent: json(r.divergent) }
            : { interimProgress: json({ ranking: r.ranking, progress: r.progress }) };
        await this.upsertOutcome(tx, e.cycleId, data);
      },
      { lockAfterWrite: true },
    );
  }

  recordBallot(e: BallotEvent): Promise<Date> {
    // The audit entry names the voter but not the choice: the ballot is secret.
    return this.audit.recordOnce(
      this.entry(e, `${e.kind.toLowerCase()}.ballot-cast`, {
        voterUnitId: e.voterUnitId,
        written: e.written,
      }),
      async (tx, at) => {
        await tx.ballot.create({
          data: {
            cycleId: e.cycleId,
            kind: e.kind,
            voterUnitId: e.voterUnitId,
            content: json(e.content),
            written: e.written,
            recordedById: e.actorUserId ?? '',
            castAt: at,
          },
        });
      },
      { lockAfterWrite: true },
    );
  }

  recordVoteResult(e: VoteResultEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'vote.counted', { tally: e.tally }),
      async (tx) => {
        await this.upsertOutcome(tx, e.cycleId, {
          vote: json(e.tally),
          acclaimedUnitIds: e.tally.acclaimed,
          minutes: e.minutes,
        });
      },
      { lockAfterWrite: true },
    );
  }

  /** Next period's memberships: the elected head and deputy, every other member a member. */
  recordElectionResult(e: ElectionResultEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'election.counted', {
        headUnitId: e.headUnitId,
        deputyUnitId: e.deputyUnitId,
        carriedOver: e.carriedOver,
        tally: e.tally,
      }),
      async (tx) => {
        const cycle = await tx.emulationCycle.findUniqueOrThrow({ where: { id: e.cycleId } });
        const current = await tx.clusterMembership.findMany({
          where: { clusterId: e.clusterId, year: cycle.startsOn.getUTCFullYear() },
        });
        const deputy =
          e.deputyUnitId ??
          (e.carriedOver ? (current.find((m) => m.role === 'DEPUTY')?.unitId ?? null) : null);
        for (const [position, unitId] of e.memberUnitIds.entries()) {
          const role = unitId === e.headUnitId ? 'HEAD' : unitId === deputy ? 'DEPUTY' : 'MEMBER';
          await tx.clusterMembership.upsert({
            where: {
              clusterId_unitId_year: { clusterId: e.clusterId, unitId, year: e.nextPeriodYear },
            },
            create: { clusterId: e.clusterId, unitId, year: e.nextPeriodYear, role, position },
            update: { role },
          });
        }
        await this.upsertOutcome(tx, e.cycleId, {
          election: json({
            tally: e.tally,
            carriedOver: e.carriedOver,
            nextPeriodYear: e.nextPeriodYear,
          }),
          electedHeadUnitId: e.headUnitId,
          electedDeputyUnitId: deputy,
        });
      },
    );
  }

  recordCycleCompleted(e: {
    eventKey: string;
    cycleId: string;
    actorUserId: string | null;
  }): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'cycle.completed', {}),
      async (tx, at) => {
        await this.upsertOutcome(tx, e.cycleId, { completedAt: at });
        await tx.emulationCycle.update({ where: { id: e.cycleId }, data: { status: 'CLOSED' } });
      },
      { lockAfterWrite: true },
    );
  }

  /** The cycle's registrations, first submitted first, with their unit and initiatives. */
  registrationsOf(cycleId: string) {
    return this.prisma.registration.findMany({
      where: { cycleId },
      include: { unit: true, initiatives: { orderBy: { position: 'asc' } } },
      orderBy: { submittedAt: 'asc' },
    });
  }

  private async upsertOutcome(
    tx: PrismaTx,
    cycleId: string,
    data: Prisma.CycleOutcomeUncheckedUpdateInput,
  ): Promise<void> {
    await tx.cycleOutcome.upsert({
      where: { cycleId },
      create: { ...(data as Prisma.CycleOutcomeUncheckedCreateInput), cycleId },
      update: data,
    });
  }

  private entry(
    e: { eventKey: string; cycleId: string; actorUserId: string | null },
    action: string,
    payload: Record<string, unknown>,
  ): AuditEntry {
    return {
      eventKey: e.eventKey,
      actorUserId: e.actorUserId,
      action,
      entityType: ENTITY,
      entityId: e.cycleId,
      payload,
    };
  }
}
