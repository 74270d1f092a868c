import {
  ParentClosePolicy,
  log,
  setHandler,
  sleep,
  startChild,
  type ChildWorkflowHandle,
  type Workflow,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  assessmentWorkflowId,
  cycleStatusQuery,
  electionWorkflowId,
  pledgeSigningWorkflowId,
  registrationWorkflowId,
  voteWorkflowId,
  type CyclePhasePlan,
  type ElectionResult,
  type EmulationCycleInput,
  type EmulationCycleResult,
  type PhaseView,
} from '@epw/contracts';
import type { AssessmentResult, PhaseCode, RankingRow, VoteTally } from '@epw/domain';
import { pledgeSigningWorkflow } from '../pledge-signing/pledge-signing.workflow';
import { clock, cycleActivities as acts } from './activities.proxy';
import { assessmentWorkflow } from './assessment.workflow';
import { electionWorkflow, voteWorkflow } from './ballot.workflows';
import { registrationWorkflow } from './registration.workflow';

interface Transition {
  at: string;
  kind: 'open' | 'close';
  plan: CyclePhasePlan;
}

/**
 * One cluster's cycle for one movement and period. It runs the calendar: each phase opens and closes
 * on its dates (real instants of the cycle's clock, accelerated or not) and each step of the year is
 * a child workflow of its own, which keeps every history small. It ends by electing next period's
 * head and deputy.
 */
export async function emulationCycleWorkflow(
  input: EmulationCycleInput,
): Promise<EmulationCycleResult> {
  const { cycleId, clusterCode, movementCode, periodLabel } = input;
  const phases: PhaseView[] = input.phases.map((p) => ({ ...p, status: 'PENDING' }));
  const children: Partial<Record<PhaseCode, ChildWorkflowHandle<Workflow>>> = {};
  let ranking: RankingRow[] = [];
  let acclaimed: string[] = [];
  let election: ElectionResult | undefined;
  let completed = false;

  setHandler(cycleStatusQuery, () => ({ cycleId, phases, acclaimed, completed }));

  const transitions: Transition[] = input.phases
    .flatMap((plan): Transition[] => [
      { at: plan.opensAt, kind: 'open', plan },
      { at: plan.closesAt, kind: 'close', plan },
    ])
    .sort(
      (a, b) =>
        Date.parse(a.at) - Date.parse(b.at) || (a.kind === b.kind ? 0 : a.kind === 'open' ? -1 : 1),
    );
  const lastInstant = transitions[transitions.length - 1]?.at ?? input.phases[0]?.closesAt ?? '';
  const planOf = (phase: PhaseCode) => input.phases.find((p) => p.phase === phase);
  const members = input.members;
  const reminderSpec = (title: string) =>
    input.clock
      ? { title, clock: input.clock, offsetsWorkingDays: input.rules.reminders.offsetsWorkingDays }
      : undefined;

  async function setStatus(phase: PhaseCode, status: 'OPEN' | 'CLOSED'): Promise<void> {
    await acts.recordPhase({
      eventKey: `${cycleId}/${phase}/${status}`,
      cycleId,
      actorUserId: null,
      phase,
      status,
    });
    const view = phases.find((p) => p.phase === phase);
    if (view) view.status = status;
  }

  async function finalRanking(): Promise<RankingRow[]> {
    const final = children.FINAL_REVIEW;
    if (!final) return ranking;
    ranking = ((await final.result()) as AssessmentResult).ranking;
    return ranking;
  }

  async function open(plan: CyclePhasePlan): Promise<void> {
    await setStatus(plan.phase, 'OPEN');
    const deadlineAt = plan.closesAt;
    switch (plan.phase) {
      case 'PLEDGE_SIGNING':
        // The round lives on until the head countersigns, even past the cycle's calendar.
        children.PLEDGE_SIGNING = await startOnce(() =>
          startChild(pledgeSigningWorkflow, {
            workflowId: pledgeSigningWorkflowId(clusterCode, movementCode, periodLabel),
            parentClosePolicy: ParentClosePolicy.ABANDON,
            args: [
              {
                roundId: pledgeSigningWorkflowId(clusterCode, movementCode, periodLabel),
                cycleId,
                clusterCode,
                headUnitId: input.headUnitId,
                members,
                pledge: {
                  version: 1,
                  items: input.pledge.items,
                  contentHash: input.pledge.contentHash,
                },
                deadlineAt,
                openedBy: input.startedBy,
                reminders: reminderSpec(
                  `Ký kết giao ước thi đua ${periodLabel} – ${input.clusterName}`,
                ),
              },
            ],
          }),
        );
        break;
      case 'REGISTRATION': {
        const lateUntil = planOf('FINAL_REVIEW')?.opensAt ?? lastInstant;
        children.REGISTRATION = await startOnce(() =>
          startChild(registrationWorkflow, {
            workflowId: registrationWorkflowId(clusterCode, movementCode, periodLabel),
            parentClosePolicy: ParentClosePolicy.ABANDON,
            args: [
              {
                cycleId,
                members,
                headUnitId: input.headUnitId,
                deputyUnitId: input.deputyUnitId ?? null,
                deadlineAt,
                lateUntil: Date.parse(lateUntil) > Date.parse(deadlineAt) ? lateUntil : deadlineAt,
                targetPercent: 100,
                reminders: reminderSpec(`Đăng ký thi đua ${periodLabel} – ${input.clusterName}`),
              },
            ],
          }),
        );
        break;
      }
      case 'INTERIM_REVIEW':
      case 'FINAL_REVIEW': {
        const stage = plan.phase === 'FINAL_REVIEW' ? 'FINAL' : 'INTERIM';
        children[plan.phase] = await startOnce(() =>
          startChild(assessmentWorkflow, {
            workflowId: assessmentWorkflowId(clusterCode, movementCode, periodLabel, stage),
            parentClosePolicy: ParentClosePolicy.ABANDON,
            args: [
              {
                cycleId,
                stage,
                members,
                headUnitId: input.headUnitId,
                criteria: input.rules.criteria,
                crossAssessment: input.rules.crossAssessment,
                scoring: input.rules.scoring,
                pledgeItemCount: input.pledge.items.length,
                deadlineAt,
                reminders: reminderSpec(
                  `Tự chấm điểm tổng kết ${periodLabel} – ${input.clusterName}`,
                ),
              },
            ],
          }),
        );
        break;
      }
      case 'VOTE': {
        const candidates = (await finalRanking())
          .slice(0, input.rules.vote.candidateCount)
          .map((r) => r.unitId);
        children.VOTE = await startOnce(() =>
          startChild(voteWorkflow, {
            workflowId: voteWorkflowId(clusterCode, movementCode, periodLabel),
            parentClosePolicy: ParentClosePolicy.ABANDON,
            args: [
              {
                cycleId,
                kind: 'VOTE',
                members,
                headUnitId: input.headUnitId,
                candidates,
                maxChoices: input.rules.vote.acclaimCount,
                deadlineAt,
                vote: input.rules.vote,
                clusterName: input.clusterName,
                periodLabel,
                heldOn: plan.closesOn,
                reminders: reminderSpec(`Bỏ phiếu bình xét ${periodLabel} – ${input.clusterName}`),
              },
            ],
          }),
        );
        break;
      }
      case 'ELECTION':
        children.ELECTION = await startOnce(() =>
          startChild(electionWorkflow, {
            workflowId: electionWorkflowId(clusterCode, movementCode, periodLabel),
            parentClosePolicy: ParentClosePolicy.ABANDON,
            args: [
              {
                cycleId,
                kind: 'ELECTION',
                members,
                headUnitId: input.headUnitId,
                candidates: members.map((m) => m.unitId),
                maxChoices: 1,
                deadlineAt,
                clusterId: input.clusterId,
                nextPeriodYear: input.nextPeriodYear,
                reminders: reminderSpec(
                  `Bầu cụm trưởng, cụm phó ${input.nextPeriodYear} – ${input.clusterName}`,
                ),
              },
            ],
          }),
        );
        break;
      case 'NOMINATION':
      case 'COMMENDATION':
        // Windows on the calendar; nominations run workflows of their own.
        break;
    }
  }

  async function close(plan: CyclePhasePlan): Promise<void> {
    const child = children[plan.phase];
    if (child && (plan.phase === 'INTERIM_REVIEW' || plan.phase === 'FINAL_REVIEW')) {
      const result = (await child.result()) as AssessmentResult;
      if (plan.phase === 'FINAL_REVIEW') ranking = result.ranking;
    } else if (child && plan.phase === 'VOTE') {
      acclaimed = ((await child.result()) as VoteTally).acclaimed;
    } else if (child && plan.phase === 'ELECTION') {
      election = (await child.result()) as ElectionResult;
    }
    await setStatus(plan.phase, 'CLOSED');
  }

  for (const t of transitions) {
    const now = Date.parse(await clock.currentTime());
    const wait = Date.parse(t.at) - now;
    if (wait > 0) await sleep(wait);
    if (t.kind === 'open') await open(t.plan);
    else await close(t.plan);
  }

  completed = true;
  await acts.recordCycleCompleted({ eventKey: `${cycleId}/completed`, cycleId, actorUserId: null });
  log.info('cycle completed', { cycleId, acclaimed: acclaimed.length });
  return {
    cycleId,
    ranking,
    acclaimed,
    electedHeadUnitId: election?.headUnitId ?? input.headUnitId,
    electedDeputyUnitId: election?.deputyUnitId ?? null,
  };
}

/** Starts a child unless a workflow with that business key already runs (e.g. the head opened the
 * signing round by hand before the cycle reached it). */
async function startOnce<H>(start: () => Promise<H>): Promise<H | undefined> {
  try {
    return await start();
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      log.info('child already running', { workflowId: err.workflowId });
      return undefined;
    }
    throw err;
  }
}
