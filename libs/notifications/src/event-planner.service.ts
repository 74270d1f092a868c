import { Injectable } from '@nestjs/common';
import { deadlineIdOf, nominationWorkflowId } from '@epw/contracts';
import {
  EventNotificationRepository,
  type AuditRecord,
  type NominationContext,
  type UserSummary,
} from '@epw/data-access';
import type { DoneTask, EventNotice } from './event-notices';
import { cycleSubject, type Localized } from './task-names';

/** Audit actions that notify someone or close reminders. */
export const NOTIFYING_ACTIONS = [
  'nomination.approve',
  'nomination.return',
  'nomination.reject',
  'nomination.vote-passed',
  'nomination.vote-failed',
  'nomination.awarded',
  'nomination.resubmit',
  'decision.issued',
  'pledge-signing.signed',
  'pledge-signing.declined',
  'registration.submitted',
  'registration.late-requested',
  'assessment.self-submitted',
  'vote.ballot-cast',
  'election.ballot-cast',
] as const;

export interface PlannedNotice {
  userId: string;
  notice: EventNotice;
  path: string;
}

/** Reminders a done task closes: of these deadlines, for the users of `unitId` (null: all). */
export interface DoneReminders {
  deadlineIds: string[];
  unitId: string | null;
}

export interface EventPlan {
  notices: PlannedNotice[];
  done: DoneReminders[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The proposer's side of a dossier: who proposed it and the proposing unit's officers. */
const PROPOSER_ROLES = ['UNIT_OFFICER'];
/** The nominee's unit: its leaders and officers hear of the decision. */
const NOMINEE_UNIT_ROLES = ['UNIT_SIGNER', 'UNIT_OFFICER'];

/**
 * Turns one audit entry into the notices it causes and the reminders it closes. Who is told:
 * - a dossier returned, approved at a step, not accepted, awarded: its proposer and the proposing
 *   unit's officers;
 * - a decision issued: the nominees' units (leaders and officers) not already told as proposers;
 * - a unit declines the pledge: the cluster head's signers;
 * - a unit's task done by one of its users: the unit's other users who hold that task's role.
 * Whoever acted is never told of their own action; each user gets at most one notice per entry.
 */
@Injectable()
export class EventPlanner {
  constructor(private readonly repo: EventNotificationRepository) {}

  async plan(e: AuditRecord): Promise<EventPlan> {
    const actor = e.actorUserId ? await this.repo.user(e.actorUserId) : null;
    const plan = await this.planFor(e, actor);
    const seen = new Set<string>(actor ? [actor.id] : []);
    const notices = plan.notices.filter((n) => {
      if (seen.has(n.userId)) return false;
      seen.add(n.userId);
      return true;
    });
    return { notices, done: plan.done };
  }

  private async planFor(e: AuditRecord, actor: UserSummary | null): Promise<EventPlan> {
    const p = e.payload;
    switch (e.action) {
      case 'nomination.approve':
      case 'nomination.return':
      case 'nomination.reject':
      case 'nomination.vote-passed':
      case 'nomination.vote-failed':
      case 'nomination.awarded':
      case 'nomination.resubmit':
        return this.nominationEvent(e, actor);
      case 'decision.issued':
        return this.decisionIssued(e);
      case 'pledge-signing.signed':
      case 'pledge-signing.declined': {
        const unitId = str(p['unitId']);
        const cycle = await this.repo.roundCycle(e.entityId);
        if (!unitId || !cycle) return { notices: [], done: [] };
        const subject = cycleSubject(cycle);
        const declined = e.action === 'pledge-signing.declined';
        const notices: PlannedNotice[] = [];
        if (declined && cycle.headUnitId) {
          const unitName = (await this.repo.unitName(unitId)) ?? '';
          for (const u of await this.repo.usersOfUnits([cycle.headUnitId], ['UNIT_SIGNER'])) {
            notices.push({
              userId: u.id,
              notice: { kind: 'pledge.declined', subject, unitName, reason: str(p['reason']) },
              path: '/cluster',
            });
          }
        }
        notices.push(
          ...(await this.doneByOther(
            actor,
            unitId,
            ['UNIT_SIGNER'],
            declined ? 'PLEDGE_DECLINED' : 'PLEDGE_SIGNED',
            subject,
            '/pledge',
          )),
        );
        const deadline = deadlineIdOf('PLEDGE_SIGNING', e.entityId);
        return { notices, done: declined ? [] : [{ deadlineIds: [deadline], unitId }] };
      }
      case 'registration.submitted':
      case 'registration.late-requested': {
        const unitId = str(p['unitId']);
        // A registration revised later is an update, not news for the unit's other officers.
        const first = (num(p['revision']) ?? 1) <= 1;
        return this.cycleTask(e, actor, unitId, 'REGISTRATION', first ? 'REGISTERED' : null);
      }
      case 'assessment.self-submitted': {
        const unitId = str(p['assessorUnitId']);
        const final = p['stage'] === 'FINAL';
        return this.cycleTask(e, actor, unitId, final ? 'FINAL_REVIEW' : null, 'SELF_ASSESSED');
      }
      case 'vote.ballot-cast':
        return this.cycleTask(e, actor, str(p['voterUnitId']), 'VOTE', 'VOTED', ['UNIT_SIGNER']);
      case 'election.ballot-cast':
        return this.cycleTask(e, actor, str(p['voterUnitId']), 'ELECTION', 'ELECTED', [
          'UNIT_SIGNER',
        ]);
      default:
        return { notices: [], done: [] };
    }
  }

  /** A unit's task in a cycle: its reminders close; the unit's other users hear who did it. */
  private async cycleTask(
    e: AuditRecord,
    actor: UserSummary | null,
    unitId: string | null,
    deadlineKind: string | null,
    task: DoneTask | null,
    roles = ['UNIT_OFFICER'],
  ): Promise<EventPlan> {
    const cycle = await this.repo.cycle(e.entityId);
    if (!unitId || !cycle) return { notices: [], done: [] };
    const done = deadlineKind
      ? [
          {
            deadlineIds: await this.repo.cycleDeadlineIds(e.entityId, deadlineKind, unitId),
            unitId,
          },
        ]
      : [];
    const path = TASK_PATHS[deadlineKind ?? 'FINAL_REVIEW'] ?? '/tasks';
    const notices = task
      ? await this.doneByOther(actor, unitId, roles, task, cycleSubject(cycle), path)
      : [];
    return { notices, done };
  }

  private async nominationEvent(e: AuditRecord, actor: UserSummary | null): Promise<EventPlan> {
    const n = await this.repo.nomination(e.entityId);
    if (!n) return { notices: [], done: [] };
    const p = e.payload;
    const stepIndex = num(p['stepIndex']) ?? 0;
    const round = num(p['round']) ?? 1;
    const step = n.steps[stepIndex];
    const stepTitle: Localized | null = step ? step.title : null;
    const reason = str(p['reason']);
    const dossier = dossierName(n);
    const path = `/nominations/${n.id}`;
    const wf = nominationWorkflowId(n.id);
    const stepDeadline = deadlineIdOf('NOMINATION_STEP', `${wf}-${stepIndex}-r${round}`);
    const toProposer = async (notice: EventNotice) =>
      (await this.proposerSide(n)).map((userId) => ({ userId, notice, path }));
    const peers = (task: DoneTask) =>
      actor?.unitId && step?.actorRole
        ? this.doneByOther(actor, actor.unitId, [step.actorRole], task, dossier, path, stepTitle)
        : Promise.resolve([]);
    const fallbackStep: Localized = stepTitle ?? { vi: 'xét duyệt', en: 'review' };

    switch (e.action) {
      case 'nomination.return':
        return {
          notices: [
            ...(await toProposer({
              kind: 'nomination.returned',
              dossier,
              step: fallbackStep,
              reason,
            })),
            ...(await peers('STEP_RETURNED')),
          ],
          done: [{ deadlineIds: [stepDeadline], unitId: null }],
        };
      case 'nomination.approve':
      case 'nomination.vote-passed': {
        const next = n.steps[stepIndex + 1]?.title ?? null;
        return {
          notices: [
            ...(await toProposer({
              kind: 'nomination.approved',
              dossier,
              step: fallbackStep,
              next,
            })),
            ...(e.action === 'nomination.approve' ? await peers('STEP_APPROVED') : []),
          ],
          done: [{ deadlineIds: [stepDeadline], unitId: null }],
        };
      }
      case 'nomination.reject':
      case 'nomination.vote-failed':
        return {
          notices: [
            ...(await toProposer({
              kind: 'nomination.rejected',
              dossier,
              step: stepTitle,
              reason,
            })),
            ...(e.action === 'nomination.reject' ? await peers('STEP_REJECTED') : []),
          ],
          done: [{ deadlineIds: [stepDeadline], unitId: null }],
        };
      case 'nomination.awarded':
        return {
          notices: await toProposer({
            kind: 'nomination.awarded',
            dossier,
            decisionNumber: reason ?? '',
          }),
          done: [],
        };
      case 'nomination.resubmit': {
        // The revision was asked for in the round before the resubmission.
        const revision = deadlineIdOf(
          'NOMINATION_STEP',
          `${wf}-${stepIndex}-r${round - 1}-revision`,
        );
        const notices = actor
          ? await this.doneByOther(
              actor,
              n.proposerUnitId,
              PROPOSER_ROLES,
              'RESUBMITTED',
              dossier,
              path,
            )
          : [];
        return { notices, done: [{ deadlineIds: [revision], unitId: null }] };
      }
      default:
        return { notices: [], done: [] };
    }
  }

  private async decisionIssued(e: AuditRecord): Promise<EventPlan> {
    const d = await this.repo.decision(e.entityId);
    if (!d) return { notices: [], done: [] };
    // Who hears of which nominee: the nominees' units, except those told as the proposer's side
    // (they hear "awarded" of that dossier from the nomination itself).
    const byUser = new Map<string, string[]>();
    for (const n of d.nominations) {
      const proposers = new Set(await this.proposerSide(n));
      for (const u of await this.repo.usersOfUnits([n.unitId], NOMINEE_UNIT_ROLES)) {
        if (proposers.has(u.id)) continue;
        byUser.set(u.id, [...(byUser.get(u.id) ?? []), dossierName(n)]);
      }
    }
    const signedOn = d.signedOn.toISOString().slice(0, 10);
    return {
      notices: [...byUser].map(([userId, awarded]) => ({
        userId,
        notice: {
          kind: 'decision.issued',
          decisionNumber: d.number,
          signedOn,
          authority: d.authorityName,
          awarded,
        },
        path: '/awards',
      })),
      done: [],
    };
  }

  private async proposerSide(n: NominationContext): Promise<string[]> {
    const officers = await this.repo.usersOfUnits([n.proposerUnitId], PROPOSER_ROLES);
    return [...new Set([n.proposedById, ...officers.map((u) => u.id)])];
  }

  /** The unit's other users holding `roles`: the task no longer waits for them. */
  private async doneByOther(
    actor: UserSummary | null,
    unitId: string,
    roles: string[],
    task: DoneTask,
    subject: string,
    path: string,
    step: Localized | null = null,
  ): Promise<PlannedNotice[]> {
    // Only an action of the unit's own user: a written ballot recorded by a council secretary, or
    // an administrator acting, is not "done by a colleague".
    if (!actor || actor.unitId !== unitId) return [];
    const others = await this.repo.usersOfUnits([unitId], roles);
    return others
      .filter((u) => u.id !== actor.id)
      .map((u) => ({
        userId: u.id,
        notice: { kind: 'task.done-by-other', task, subject, step, actorName: actor.fullName },
        path,
      }));
  }
}

const TASK_PATHS: Record<string, string> = {
  REGISTRATION: '/registration',
  FINAL_REVIEW: '/review',
  VOTE: '/ballots',
  ELECTION: '/ballots',
};

/** A dossier as people name it: "Danh hiệu "Lao động tiên tiến" – Nguyễn Văn A". */
export function dossierName(n: { formName: string; nomineeName: string }): string {
  return `${n.formName} – ${n.nomineeName}`;
}
