import { Injectable } from '@nestjs/common';
import type { NominationWorkflowInput } from '@epw/contracts';
import {
  assignReviewers,
  type LocalizedText,
  type ResolvedStep,
  type RuleSetContent,
} from '@epw/domain';
import type { ClusterRole } from '../generated/prisma/enums';
import { PrismaService } from '../prisma.service';

/** Every kind of task the to-do list knows. */
export const TASK_KINDS = [
  'open-signing-round',
  'sign-pledge',
  'countersign-pledge',
  'register',
  'decide-late-registration',
  'interim-progress',
  'interim-self-assessment',
  'final-self-assessment',
  'peer-assessment',
  'cast-vote',
  'cast-election-ballot',
  'approve-step',
  'resolve-objection',
  'council-ballot',
  'revise-returned',
  'draft-decision',
  'issue-decision',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The caller, as the to-do list sees them. */
export interface TaskActor {
  userId: string;
  unitId: string | null;
  roles: readonly string[];
}

/** The cycle a task belongs to, named as people name it. */
export interface TaskCycle {
  cycleId: string;
  clusterId: string;
  clusterCode: string;
  clusterName: string;
  movementCode: string;
  movementName: string;
  periodLabel: string;
}

/** The nomination a task belongs to. */
export interface TaskNomination {
  nominationId: string;
  formCode: string;
  formName: string;
  nomineeName: string;
  year: number;
  movementName: string | null;
  stepKey: string | null;
  stepTitle: LocalizedText | null;
}

/** One thing waiting on the caller, with what names it; the API words it. */
export interface WaitingTask {
  kind: TaskKind;
  /** The instant it is due (null: no deadline). */
  deadline: Date | null;
  /** Since when it has been waiting. */
  since: Date;
  cycle: TaskCycle | null;
  nomination: TaskNomination | null;
  /** The unit the task is about (a late registration's unit, the caller's unit otherwise). */
  unitId: string | null;
  unitName: string | null;
  roundId: string | null;
  objectionId: string | null;
  decisionId: string | null;
  decisionNumber: string | null;
  /** The return's reason (revise-returned); the objection's text (resolve-objection). */
  note: string | null;
  /** How many items the task stands for (peer sheets still to give, nominations to decide). */
  count: number;
  /** The nominations a grouped task stands for (draft-decision). */
  nominationIds: string[];
}

/** The clusters, years and cycles a unit belongs to. */
export interface UnitMembership {
  clusterId: string;
  clusterCode: string;
  clusterName: string;
  year: number;
  role: ClusterRole;
  cycles: {
    cycleId: string;
    movementCode: string;
    movementName: string;
    periodLabel: string;
    status: string;
  }[];
}

const UNIT_ROLES = ['UNIT_OFFICER', 'UNIT_SIGNER'];
const ACTIVE_PHASE_CODES = [
  'PLEDGE_SIGNING',
  'REGISTRATION',
  'INTERIM_REVIEW',
  'FINAL_REVIEW',
  'VOTE',
  'ELECTION',
] as const;

const blank = (kind: TaskKind, since: Date): WaitingTask => ({
  kind,
  deadline: null,
  since,
  cycle: null,
  nomination: null,
  unitId: null,
  unitName: null,
  roundId: null,
  objectionId: null,
  decisionId: null,
  decisionNumber: null,
  note: null,
  count: 1,
  nominationIds: [],
});

/**
 * The to-do list's queries: what waits on one user, computed from the read models PostgreSQL
 * keeps (signing rounds, phases, registrations, score sheets, ballots, nominations and their
 * council participations, objections, decisions). Every query is narrowed to the caller's own
 * unit and roles; nothing of another unit is read for a task.
 */
@Injectable()
export class TasksRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Everything waiting on the caller, unsorted. */
  async waitingFor(actor: TaskActor): Promise<WaitingTask[]> {
    if (!actor.unitId) return [];
    const [cycleTasks, nominationTasks, decisionTasks] = await Promise.all([
      this.cycleTasks(actor, actor.unitId),
      this.nominationTasks(actor, actor.unitId),
      this.decisionTasks(actor, actor.unitId),
    ]);
    return [...cycleTasks, ...nominationTasks, ...decisionTasks];
  }

  /** The clusters the unit is a member of, every year, with their cycles of that year. */
  async membershipsOf(unitId: string): Promise<UnitMembership[]> {
    const rows = await this.prisma.clusterMembership.findMany({
      where: { unitId },
      include: { cluster: { select: { code: true, name: true } } },
      orderBy: [{ year: 'desc' }, { cluster: { code: 'asc' } }],
    });
    if (rows.length === 0) return [];
    const cycles = await this.prisma.emulationCycle.findMany({
      where: { clusterId: { in: [...new Set(rows.map((r) => r.clusterId))] } },
      select: {
        id: true,
        clusterId: true,
        movementCode: true,
        movementName: true,
        periodLabel: true,
        status: true,
        startsOn: true,
      },
      orderBy: [{ startsOn: 'desc' }, { movementCode: 'asc' }],
    });
    return rows.map((m) => ({
      clusterId: m.clusterId,
      clusterCode: m.cluster.code,
      clusterName: m.cluster.name,
      year: m.year,
      role: m.role,
      cycles: cycles
        .filter((c) => c.clusterId === m.clusterId && c.startsOn.getUTCFullYear() === m.year)
        .map((c) => ({
          cycleId: c.id,
          movementCode: c.movementCode,
          movementName: c.movementName,
          periodLabel: c.periodLabel,
          status: c.status,
        })),
    }));
  }

  // ── cycles: signing, registration, reviews, votes ─────────────────────────────────────────────
  private async cycleTasks(actor: TaskActor, unitId: string): Promise<WaitingTask[]> {
    if (!actor.roles.some((r) => UNIT_ROLES.includes(r))) return [];
    const signer = actor.roles.includes('UNIT_SIGNER');
    const memberships = await this.prisma.clusterMembership.findMany({
      where: { unitId },
      select: { clusterId: true, year: true, role: true },
    });
    if (memberships.length === 0) return [];
    const cycles = await this.prisma.emulationCycle.findMany({
      where: {
        status: { not: 'CLOSED' },
        clusterId: { in: [...new Set(memberships.map((m) => m.clusterId))] },
      },
      include: {
        cluster: { select: { code: true, name: true } },
        phases: { where: { phase: { in: [...ACTIVE_PHASE_CODES] } } },
        pledge: { select: { currentVersion: true } },
        signingRound: {
          select: {
            id: true,
            status: true,
            deadlineAt: true,
            openedAt: true,
            overdueAt: true,
            signatures: {
              where: { unitId, invalidatedAt: null },
              select: { decision: true, pledgeVersion: true },
            },
          },
        },
      },
    });
    const tasks: WaitingTask[] = [];
    for (const c of cycles) {
      const year = c.startsOn.getUTCFullYear();
      const membership = memberships.find((m) => m.clusterId === c.clusterId && m.year === year);
      if (!membership) continue;
      const cycle: TaskCycle = {
        cycleId: c.id,
        clusterId: c.clusterId,
        clusterCode: c.cluster.code,
        clusterName: c.cluster.name,
        movementCode: c.movementCode,
        movementName: c.movementName,
        periodLabel: c.periodLabel,
      };
      const task = (kind: TaskKind, since: Date, more: Partial<WaitingTask> = {}): WaitingTask => ({
        ...blank(kind, since),
        cycle,
        unitId,
        ...more,
      });
      const open = (code: (typeof ACTIVE_PHASE_CODES)[number]) =>
        c.phases.find((p) => p.phase === code && p.status === 'OPEN');
      const head = membership.role === 'HEAD';

      // Pledge signing: the head opens the round, every member signs, the head countersigns.
      const round = c.signingRound;
      const signingPhase = open('PLEDGE_SIGNING');
      if (!round && signingPhase && head && signer) {
        tasks.push(
          task('open-signing-round', signingPhase.openedAt ?? signingPhase.opensAt, {
            deadline: signingPhase.closesAt,
          }),
        );
      }
      if (round && (round.status === 'OPEN' || round.status === 'OVERDUE') && signer) {
        const version = c.pledge?.currentVersion ?? 1;
        const acted = round.signatures.some((s) => s.pledgeVersion === version);
        if (!acted) {
          tasks.push(
            task('sign-pledge', round.openedAt, { deadline: round.deadlineAt, roundId: round.id }),
          );
        }
      }
      if (round && round.status === 'AWAITING_COUNTERSIGN' && head && signer) {
        tasks.push(
          task('countersign-pledge', round.overdueAt ?? round.openedAt, { roundId: round.id }),
        );
      }

      // Registration, and the late requests the head (the deputy for the head's own) decides.
      const registration = open('REGISTRATION');
      const ownRegistration = await this.prisma.registration.findUnique({
        where: { cycleId_unitId: { cycleId: c.id, unitId } },
        select: { status: true },
      });
      if (registration && (!ownRegistration || ownRegistration.status === 'LATE_REJECTED')) {
        tasks.push(
          task('register', registration.openedAt ?? registration.opensAt, {
            deadline: registration.closesAt,
          }),
        );
      }
      if (signer && (head || membership.role === 'DEPUTY')) {
        const headUnitId = head
          ? unitId
          : (
              await this.prisma.clusterMembership.findFirst({
                where: { clusterId: c.clusterId, year, role: 'HEAD' },
                select: { unitId: true },
              })
            )?.unitId;
        const late = await this.prisma.registration.findMany({
          where: {
            cycleId: c.id,
            status: 'LATE_PENDING',
            // The head decides every other unit's request; the deputy only the head's own.
            unitId: head ? { not: unitId } : (headUnitId ?? '00000000-0000-0000-0000-000000000000'),
          },
          include: { unit: { select: { name: true } } },
        });
        for (const r of late) {
          tasks.push(
            task('decide-late-registration', r.submittedAt, {
              unitId: r.unitId,
              unitName: r.unit.name,
              note: r.lateReason,
            }),
          );
        }
      }

      // Reviews: progress and self-assessment (interim), self and peer sheets (final).
      const interim = open('INTERIM_REVIEW');
      if (interim) {
        const since = interim.openedAt ?? interim.opensAt;
        const [progress, self] = await Promise.all([
          this.prisma.progressReport.count({ where: { cycleId: c.id, unitId } }),
          this.prisma.assessment.count({
            where: {
              cycleId: c.id,
              stage: 'INTERIM',
              assessorUnitId: unitId,
              subjectUnitId: unitId,
            },
          }),
        ]);
        if (progress === 0)
          tasks.push(task('interim-progress', since, { deadline: interim.closesAt }));
        if (self === 0)
          tasks.push(task('interim-self-assessment', since, { deadline: interim.closesAt }));
      }
      const final = open('FINAL_REVIEW');
      if (final) {
        const since = final.openedAt ?? final.opensAt;
        const sheets = await this.prisma.assessment.findMany({
          where: { cycleId: c.id, stage: 'FINAL', assessorUnitId: unitId },
          select: { subjectUnitId: true },
        });
        if (!sheets.some((s) => s.subjectUnitId === unitId))
          tasks.push(task('final-self-assessment', since, { deadline: final.closesAt }));
        const owed = await this.peerSheetsOwed(c.id, c.clusterId, year, c.rules, unitId);
        const given = new Set(sheets.map((s) => s.subjectUnitId));
        const remaining = owed.filter((subject) => !given.has(subject)).length;
        if (remaining > 0) {
          tasks.push(
            task('peer-assessment', since, { deadline: final.closesAt, count: remaining }),
          );
        }
      }

      // Ballots: one per member unit, cast by its signer.
      for (const [code, kind, taskKind] of [
        ['VOTE', 'VOTE', 'cast-vote'],
        ['ELECTION', 'ELECTION', 'cast-election-ballot'],
      ] as const) {
        const phase = open(code);
        if (!phase || !signer) continue;
        const cast = await this.prisma.ballot.count({
          where: { cycleId: c.id, kind, voterUnitId: unitId },
        });
        if (cast === 0)
          tasks.push(task(taskKind, phase.openedAt ?? phase.opensAt, { deadline: phase.closesAt }));
      }
    }
    return tasks;
  }

  /** The subjects the unit cross-assesses at the final review: the assignment the assessment
   * workflow makes (members in the order it is given them, the declared conflicts left out). */
  private async peerSheetsOwed(
    cycleId: string,
    clusterId: string,
    year: number,
    rules: unknown,
    unitId: string,
  ): Promise<string[]> {
    const cross = (rules as Partial<RuleSetContent> | null)?.crossAssessment;
    if (!cross) return [];
    const [members, conflicts] = await Promise.all([
      this.prisma.clusterMembership.findMany({
        where: { clusterId, year },
        select: { unitId: true },
        orderBy: [{ role: 'asc' }, { position: 'asc' }],
      }),
      this.prisma.conflictDeclaration.findMany({
        where: { cycleId, stage: 'FINAL' },
        select: { assessorUnitId: true, subjectUnitId: true },
      }),
    ]);
    if (members.length < 2) return [];
    const assignment = assignReviewers(
      members.map((m) => m.unitId),
      cross.mode,
      cross.reviewersPerUnit,
      conflicts,
    );
    return Object.entries(assignment)
      .filter(([, assessors]) => assessors.includes(unitId))
      .map(([subject]) => subject);
  }

  // ── nominations: approval steps, objections, council ballots, returned dossiers ──────────────
  private async nominationTasks(actor: TaskActor, unitId: string): Promise<WaitingTask[]> {
    const rows = await this.prisma.nomination.findMany({
      where: {
        OR: [
          {
            status: { in: ['IN_REVIEW', 'POSTED', 'VOTING'] },
            chain: { path: ['init', 'steps'], array_contains: [{ actorUnitId: unitId }] },
          },
          { status: 'RETURNED', proposerUnitId: unitId },
        ],
      },
      include: {
        objections: { where: { upheld: null }, orderBy: { filedAt: 'asc' } },
        actions: { orderBy: { at: 'desc' }, take: 1 },
      },
    });
    if (rows.length === 0) return [];
    const voted = new Set(
      (
        await this.prisma.councilVoteParticipation.findMany({
          where: { memberUserId: actor.userId, nominationId: { in: rows.map((r) => r.id) } },
          select: { nominationId: true, stepIndex: true, round: true },
        })
      ).map((p) => `${p.nominationId}/${p.stepIndex}/${p.round}`),
    );
    const tasks: WaitingTask[] = [];
    for (const n of rows) {
      const input = n.chain as unknown as NominationWorkflowInput;
      const step: ResolvedStep | undefined = input.init.steps[n.currentStep];
      const since = n.actions[0]?.at ?? n.submittedAt;
      const nomination: TaskNomination = {
        nominationId: n.id,
        formCode: n.formCode,
        formName: input.init.formName,
        nomineeName: n.nomineeName,
        year: n.year,
        movementName: n.movementName,
        stepKey: step?.key ?? null,
        stepTitle: step?.title ?? null,
      };
      const task = (kind: TaskKind, more: Partial<WaitingTask> = {}): WaitingTask => ({
        ...blank(kind, since),
        nomination,
        deadline: n.stepDueAt,
        ...more,
      });
      if (n.status === 'RETURNED') {
        // The proposer's officer revises and resubmits (as the approval inbox lists it).
        if (actor.roles.includes('UNIT_OFFICER'))
          tasks.push(
            task('revise-returned', { deadline: null, note: n.actions[0]?.reason ?? null }),
          );
        continue;
      }
      if (!step || step.actorUnitId !== unitId || !actor.roles.includes(step.actorRole)) continue;
      if (n.status === 'IN_REVIEW' && step.kind === 'APPROVAL') {
        tasks.push(task('approve-step'));
      } else if (n.status === 'POSTED' && step.kind === 'POSTING') {
        for (const o of n.objections) {
          tasks.push(
            task('resolve-objection', { since: o.filedAt, objectionId: o.id, note: o.text }),
          );
        }
      } else if (n.status === 'VOTING' && step.kind === 'COUNCIL_VOTE') {
        const member = step.councilMemberUserIds?.includes(actor.userId) ?? false;
        if (member && !voted.has(`${n.id}/${n.currentStep}/${n.round}`))
          tasks.push(task('council-ballot'));
      }
    }
    return tasks;
  }

  // ── decisions: nominations through their chain, drafts to issue ──────────────────────────────
  private async decisionTasks(actor: TaskActor, unitId: string): Promise<WaitingTask[]> {
    if (!actor.roles.includes('AUTHORITY')) return [];
    const [awaiting, drafts] = await Promise.all([
      this.prisma.nomination.findMany({
        where: { status: 'AWAITING_DECISION', authorityUnitId: unitId },
        select: { id: true, updatedAt: true },
        orderBy: { updatedAt: 'asc' },
      }),
      this.prisma.decision.findMany({
        where: { status: 'DRAFT', authorityUnitId: unitId },
        select: { id: true, number: true, createdAt: true, nominationIds: true, title: true },
        orderBy: { createdAt: 'asc' },
      }),
    ]);
    const drafted = new Set(drafts.flatMap((d) => d.nominationIds));
    const undrafted = awaiting.filter((n) => !drafted.has(n.id));
    const tasks: WaitingTask[] = [];
    if (undrafted.length > 0) {
      tasks.push({
        ...blank('draft-decision', undrafted[0].updatedAt),
        count: undrafted.length,
        nominationIds: undrafted.map((n) => n.id),
      });
    }
    for (const d of drafts) {
      tasks.push({
        ...blank('issue-decision', d.createdAt),
        decisionId: d.id,
        decisionNumber: d.number,
        note: d.title,
        count: d.nominationIds.length,
        nominationIds: d.nominationIds,
      });
    }
    return tasks;
  }
}
