import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  CouncilBallotEvent,
  CouncilResultEvent,
  CouncilVoteRef,
  IssuedAward,
  NominationActionEvent,
  NominationEvent,
  ObjectionEvent,
  ObjectionResolvedEvent,
  StepOpenedEvent,
} from '@epw/contracts';
import { nominationWorkflowId } from '@epw/contracts';
import {
  type AnonymousCount,
  CycleClock,
  DomainErrorCode,
  DomainException,
  WorkingDayCalendar,
  toVietnamDate,
} from '@epw/domain';
import { AuditLogRepository, type AuditEntry } from '../audit/audit-log.repository';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { holidayDates } from './holiday-dates';

const json = (v: unknown) => v as Prisma.InputJsonValue;
const VERIFY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 12 characters from a 32-letter alphabet without look-alikes (60 bits), shown as XXXX-XXXX-XXXX. */
export function newVerificationCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => VERIFY_ALPHABET[b % 32]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** The nomination and decision records: each write is one accepted action with its audit entry,
 * in one transaction, at most once per event key. */
@Injectable()
export class NominationRecordsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Working days on the nomination's calendar (weekends and the holiday list skipped; the list
   * read at most once a minute, see holiday-dates.ts). */
  async workingDayCalendar(): Promise<WorkingDayCalendar> {
    const dates = await holidayDates(async () => {
      const rows = await this.prisma.holiday.findMany({ orderBy: { date: 'asc' } });
      return rows.map((h) => h.date.toISOString().slice(0, 10));
    });
    return new WorkingDayCalendar([...dates]);
  }

  async openStep(e: StepOpenedEvent): Promise<{ dueAt: Date; openedAt: Date }> {
    // Read before the transaction: it holds the audit lock and must not wait for a second connection.
    const calendar = await this.workingDayCalendar();
    const c = new CycleClock(e.clock.periodStart, e.clock.epochMs, e.clock.scale);
    const dueAfter = (fromRealMs: number) => {
      const today = toVietnamDate(c.toCalendarInstant(fromRealMs));
      return new Date(c.deadlineOf(calendar.addWorkingDays(today, e.workingDays)));
    };
    const openedAt = await this.audit.recordOnce(
      this.entry(e, `nomination.step-opened`, {
        stepKey: e.stepKey,
        round: e.round,
        status: e.status,
        workingDays: e.workingDays,
      }),
      async (tx, at) => {
        const dueAt = dueAfter(at.getTime());
        const posting = e.status === 'POSTED' ? { postedFrom: at, postedUntil: dueAt } : {};
        // Only while the nomination is still at this step: an action recorded meanwhile wins.
        await tx.nomination.updateMany({
          where: {
            id: e.nominationId,
            currentStep: e.stepIndex,
            round: e.round,
            status: { in: ['IN_REVIEW', 'RETURNED', 'POSTED', 'VOTING'] },
          },
          data: {
            status: e.status,
            currentStepKey: e.stepKey,
            stepDueAt: dueAt,
            ...(e.status === 'POSTED' && (await this.isFirstPostingOpen(tx, e)) ? posting : {}),
          },
        });
      },
      // A repeat's update is guarded and rolled back with it: the first opening's time stands.
      { lockAfterWrite: true, repeatFailsAtEntry: true },
    );
    // A retried activity gets the due instant computed from the original opening time.
    return { dueAt: dueAfter(openedAt.getTime()), openedAt };
  }

  private async isFirstPostingOpen(
    tx: Prisma.TransactionClient,
    e: StepOpenedEvent,
  ): Promise<boolean> {
    const row = await tx.nomination.findUnique({
      where: { id: e.nominationId },
      select: { status: true, currentStep: true },
    });
    return !(row?.status === 'POSTED' && row.currentStep === e.stepIndex);
  }

  recordAction(e: NominationActionEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, `nomination.${e.action.toLowerCase().replace(/_/g, '-')}`, {
        stepKey: e.stepKey,
        round: e.round,
        reason: e.reason,
        status: e.status,
      }),
      async (tx, at) => {
        await tx.nominationAction.create({
          data: {
            nominationId: e.nominationId,
            stepIndex: e.stepIndex,
            stepKey: e.stepKey,
            round: e.round,
            action: e.action,
            reason: e.reason,
            actorUserId: e.actorUserId,
            actorUnitId: e.actorUnitId,
            at,
            eventKey: e.eventKey,
          },
        });
        const terminal = ['AWAITING_DECISION', 'AWARDED', 'REJECTED', 'WITHDRAWN'].includes(
          e.status,
        );
        await tx.nomination.updateMany({
          where: { id: e.nominationId, stateSeq: { lt: e.seq } },
          data: {
            stateSeq: e.seq,
            status: e.status,
            currentStep: e.nextStepIndex,
            currentStepKey: e.nextStepKey,
            round: e.round,
            closedReason: e.closedReason,
            ...(terminal || e.nextStepIndex !== e.stepIndex ? { stepDueAt: null } : {}),
          },
        });
      },
      // A repeat fails at the action's own unique event key and rolls back.
      { lockAfterWrite: true, repeatFailsAtEntry: true },
    );
  }

  recordObjection(e: ObjectionEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'nomination.objection-filed', { objectionId: e.objectionId, text: e.text }),
      async (tx, at) => {
        await tx.objection.create({
          data: {
            id: e.objectionId,
            nominationId: e.nominationId,
            text: e.text,
            filedById: e.actorUserId ?? '',
            filedAt: at,
            eventKey: e.eventKey,
          },
        });
        await tx.nominationAction.create({ data: this.action(e, 'OBJECTION', e.text, at) });
      },
      { lockAfterWrite: true },
    );
  }

  recordObjectionResolution(e: ObjectionResolvedEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, e.upheld ? 'nomination.objection-upheld' : 'nomination.objection-dismissed', {
        objectionId: e.objectionId,
        resolution: e.resolution,
      }),
      async (tx, at) => {
        await tx.objection.update({
          where: { id: e.objectionId },
          data: {
            upheld: e.upheld,
            resolution: e.resolution,
            resolvedById: e.actorUserId,
            resolvedAt: at,
          },
        });
        const action = e.upheld ? 'OBJECTION_UPHELD' : 'OBJECTION_DISMISSED';
        await tx.nominationAction.create({ data: this.action(e, action, e.resolution, at) });
      },
      { lockAfterWrite: true },
    );
  }

  /**
   * A secret ballot: who voted goes into the participation (with its audit entry), the choice only
   * adds one to the vote's anonymous tally, in the same transaction. Neither row says anything
   * about the other: the tally has no voter, no time and no row per ballot.
   */
  recordCouncilBallot(
    e: Omit<CouncilBallotEvent, 'sealedBallot' | 'approve'>,
    approve: boolean,
  ): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'nomination.council-ballot', {
        memberUserId: e.memberUserId,
        written: e.written,
      }),
      async (tx, at) => {
        await tx.councilVoteParticipation.create({
          data: {
            nominationId: e.nominationId,
            stepIndex: e.stepIndex,
            round: e.round,
            memberUserId: e.memberUserId,
            written: e.written,
            recordedById: e.actorUserId ?? '',
            votedAt: at,
            eventKey: e.eventKey,
          },
        });
        // One statement for either choice (the counts move by 1 and 0, whichever they are), and
        // atomic when two first ballots of a vote arrive at once.
        const yes = approve ? 1 : 0;
        await tx.$executeRaw`
          INSERT INTO "CouncilVoteTally" ("nominationId", "stepIndex", "round", "approvals", "rejections")
          VALUES (${e.nominationId}::uuid, ${e.stepIndex}, ${e.round}, ${yes}, ${1 - yes})
          ON CONFLICT ("nominationId", "stepIndex", "round") DO UPDATE
          SET "approvals" = "CouncilVoteTally"."approvals" + EXCLUDED."approvals",
              "rejections" = "CouncilVoteTally"."rejections" + EXCLUDED."rejections"`;
      },
      { lockAfterWrite: true },
    );
  }

  /** The anonymous tally of one vote (zero when nobody voted). */
  async councilVoteCount(v: CouncilVoteRef): Promise<AnonymousCount> {
    const row = await this.prisma.councilVoteTally.findUnique({
      where: { nominationId_stepIndex_round: v },
    });
    return { approvals: row?.approvals ?? 0, rejections: row?.rejections ?? 0 };
  }

  recordCouncilResult(e: CouncilResultEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'nomination.council-counted', { tally: e.tally }),
      async (tx) => {
        await tx.nomination.update({
          where: { id: e.nominationId },
          data: { voteTally: json(e.tally), voteMinutes: e.minutes },
        });
      },
      { lockAfterWrite: true },
    );
  }

  /**
   * Issues a decision: it becomes ISSUED and each nomination gets its award (serial number per
   * authority and year, unguessable verification code) in one transaction. A retry after the
   * commit returns the same awards.
   */
  async issueDecision(input: {
    eventKey: string;
    decisionId: string;
    actorUserId: string;
  }): Promise<{ number: string; signedOn: string; awards: IssuedAward[] }> {
    const decision = await this.prisma.decision.findUnique({ where: { id: input.decisionId } });
    if (!decision) throw new DomainException(DomainErrorCode.NotFound, { entity: 'quyết định' });
    await this.audit.recordOnce(
      {
        eventKey: input.eventKey,
        actorUserId: input.actorUserId,
        action: 'decision.issued',
        entityType: 'Decision',
        entityId: decision.id,
        payload: { number: decision.number, nominationIds: decision.nominationIds },
      },
      async (tx, at) => {
        const current = await tx.decision.findUniqueOrThrow({ where: { id: decision.id } });
        if (current.status === 'ISSUED') return;
        const authority = await tx.unit.findUniqueOrThrow({
          where: { id: decision.authorityUnitId },
        });
        const nominations = await tx.nomination.findMany({
          where: { id: { in: decision.nominationIds } },
          include: { awardForm: true },
          orderBy: { nomineeName: 'asc' },
        });
        for (const n of nominations) {
          if (n.status !== 'AWAITING_DECISION') {
            throw new DomainException(DomainErrorCode.NotAwaitingDecision, {
              nominee: n.nomineeName,
            });
          }
          if (n.authorityUnitId !== decision.authorityUnitId) {
            throw new DomainException(DomainErrorCode.WrongAuthority, { form: n.awardForm.name });
          }
        }
        const year = Number(toVietnamDate(decision.signedOn.getTime()).slice(0, 4));
        let seq = await tx.award.count({
          where: {
            authorityUnitId: decision.authorityUnitId,
            serial: { not: null },
            source: 'DECISION',
          },
        });
        for (const n of nominations) {
          seq += 1;
          await tx.award.create({
            data: {
              id: randomUUID(),
              source: 'DECISION',
              decisionId: decision.id,
              nominationId: n.id,
              formCode: n.formCode,
              formName: n.awardForm.name,
              level: n.level,
              authorityUnitId: decision.authorityUnitId,
              // The achievement's movement and period, as nominated: a phase stays a phase.
              year: n.year,
              movementCode: n.movementCode,
              movementName: n.movementName,
              periodKind: n.periodKind,
              periodStart: n.periodStart,
              periodQuarter: n.periodQuarter,
              recipientKind: n.nomineeKind,
              recipientUnitId: n.nomineeUnitId,
              recipientPersonId: n.nomineePersonId,
              recipientInitiativeId: n.nomineeInitiativeId,
              recipientKey: n.nomineeKey,
              recipientName: n.nomineeName,
              unitId: n.unitId,
              achievement: n.achievement,
              decisionNumber: decision.number,
              decisionDate: decision.signedOn,
              serial: `${authority.code}/${year}/${String(seq).padStart(6, '0')}`,
              verificationCode: newVerificationCode(),
            },
          });
        }
        await tx.decision.update({
          where: { id: decision.id },
          data: { status: 'ISSUED', issuedAt: at, issuedById: input.actorUserId },
        });
      },
    );
    const awards = await this.prisma.award.findMany({
      where: { decisionId: decision.id },
      select: { id: true, nominationId: true },
    });
    return {
      number: decision.number,
      signedOn: decision.signedOn.toISOString().slice(0, 10),
      awards: awards.map((a) => ({
        awardId: a.id,
        nominationId: a.nominationId ?? '',
        workflowId: nominationWorkflowId(a.nominationId ?? ''),
      })),
    };
  }

  private action(e: NominationEvent, action: string, reason: string | null, at: Date) {
    return {
      nominationId: e.nominationId,
      stepIndex: e.stepIndex,
      stepKey: e.stepKey,
      round: e.round,
      action,
      reason,
      actorUserId: e.actorUserId,
      actorUnitId: e.actorUnitId,
      at,
      eventKey: e.eventKey,
    };
  }

  private entry(e: NominationEvent, action: string, payload: Record<string, unknown>): AuditEntry {
    return {
      eventKey: e.eventKey,
      actorUserId: e.actorUserId,
      action,
      entityType: 'Nomination',
      entityId: e.nominationId,
      payload: { ...payload, stepIndex: e.stepIndex },
    };
  }
}
