import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  castCouncilBallotUpdate,
  decisionIssuedSignal,
  fileObjectionUpdate,
  nominationStatusQuery,
  resolveObjectionUpdate,
  resubmitNominationUpdate,
  stepActionUpdate,
  withdrawNominationUpdate,
  type DecisionIssued,
  type NominationActivities,
  type NominationResult,
  type NominationWorkflowInput,
} from '@epw/contracts';
import {
  CycleClock,
  NominationState,
  councilMinutes,
  toVietnamDate,
  type Actor,
  type CouncilBallotCommand,
  type ObjectionCommand,
  type ResolveObjectionCommand,
  type ResolvedStep,
  type ResubmitCommand,
  type StepActionCommand,
  type WithdrawCommand,
} from '@epw/domain';
import { StepDeadline, closeDeadlineById } from '../shared/reminders';
import { eventKey, guarded } from '../shared/workflow-helpers';
import { clock } from '../yearly-cycle/activities.proxy';
import { PERSIST_RETRY, PERSISTING } from '../shared/activity-options';

/** Marks runs whose step openings are written only after the records of accepted actions. */
const STEP_AFTER_RECORDS_PATCH = 'nomination-step-after-records-v1';
/** Marks runs that open a step, close the previous step's deadline and schedule the new one in
 * one activity (one round of workflow tasks per step instead of three). */
const BATCHED_STEPS_PATCH = 'nomination-batched-steps-v1';
/** Marks runs whose council ballots come sealed (secret: the history and the state keep who voted,
 * never how) and whose ballot count is PostgreSQL's anonymous tally. */
const SEALED_BALLOTS_PATCH = 'nomination-sealed-ballots-v1';

/** Marks runs that record accepted actions in local activities: the record runs inside the
 * workflow task that accepted the Update, so the Update completes in one workflow task instead of
 * three (schedule, run and complete an activity, then another task), with about a third of the
 * history events. Durability is unchanged: the Update completes (and the API answers) only after
 * the activity returned, that is after PostgreSQL committed the record; a retried task runs the
 * activity again, which finds its event key and returns the first record's time. */
const LOCAL_RECORDS_PATCH = 'nomination-local-records-v1';

const acts = proxyActivities<NominationActivities>(PERSISTING);
/** The record steps: one short transaction each (the row, the nomination, the audit entry). */
const localActs = proxyLocalActivities<NominationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: PERSIST_RETRY,
});

/**
 * One nomination (đề nghị khen thưởng) from submission to decision: it climbs the approval chain
 * of its award form (data, resolved per nomination), each step with an SLA in working days that
 * reminds and then escalates; returns loop back to the proposer; public posting with objections;
 * a secret council vote; then it waits for the decision batch that awards it.
 */
export async function nominationWorkflow(
  input: NominationWorkflowInput,
): Promise<NominationResult> {
  const state = new NominationState(input.snapshot ?? input.init);
  const wfId = workflowInfo().workflowId;
  const nominationId = input.init.nominationId;
  let decision: DecisionIssued | null = null;
  // Checked once, first thing: every later command of a run follows one path.
  const batched = patched(BATCHED_STEPS_PATCH);
  const sealedBallots = patched(SEALED_BALLOTS_PATCH);
  if (sealedBallots) state.requireSealedBallots();
  const records = patched(LOCAL_RECORDS_PATCH) ? localActs : acts;
  /** Batched runs: the deadline of the step just left, closed by the next step's opening. */
  let pendingClose: string | null = null;
  const closePending = async () => {
    if (pendingClose === null) return;
    const deadlineId = pendingClose;
    pendingClose = null;
    await closeDeadlineById(deadlineId);
  };

  const base = (actor: Actor | null, key: string) => ({
    eventKey: key,
    nominationId,
    actorUserId: actor?.userId ?? null,
    actorUnitId: actor?.unitId ?? null,
    stepIndex: state.stepIndex,
    stepKey: state.currentStep()?.key ?? 'decision',
    round: state.round,
  });

  /** Persists the action just applied to the state, with where it left the nomination. */
  const persist = async (
    before: ReturnType<typeof base>,
    action: string,
    reason: string | null,
  ): Promise<void> => {
    const { recordedAt } = await records.recordNominationAction({
      ...before,
      seq: state.seq,
      action,
      reason,
      status: state.status,
      nextStepIndex: state.stepIndex,
      nextStepKey: state.finished ? null : (state.currentStep()?.key ?? null),
      closedReason: state.closedReason,
    });
    state.stampLast(recordedAt);
  };

  setHandler(nominationStatusQuery, () => state.view());
  setHandler(
    stepActionUpdate,
    async (cmd) => {
      const before = base(cmd.actor, eventKey('action'));
      state.applyStepAction(cmd, '');
      await persist(before, cmd.decision, cmd.reason?.trim() || null);
      return state.view();
    },
    { validator: (cmd: StepActionCommand) => guarded(() => state.validateStepAction(cmd)) },
  );
  setHandler(
    resubmitNominationUpdate,
    async (cmd) => {
      const before = base(cmd.actor, eventKey('resubmit'));
      state.applyResubmit(cmd, '');
      await persist({ ...before, round: state.round }, 'RESUBMIT', cmd.note?.trim() || null);
      return state.view();
    },
    { validator: (cmd: ResubmitCommand) => guarded(() => state.validateResubmit(cmd)) },
  );
  setHandler(
    withdrawNominationUpdate,
    async (cmd) => {
      const before = base(cmd.actor, eventKey('withdraw'));
      state.applyWithdraw(cmd, '');
      await persist(before, 'WITHDRAW', cmd.reason.trim());
      return state.view();
    },
    { validator: (cmd: WithdrawCommand) => guarded(() => state.validateWithdraw(cmd)) },
  );
  setHandler(
    fileObjectionUpdate,
    async (cmd) => {
      const before = base(cmd.actor, eventKey('objection'));
      state.applyObjection(cmd, '');
      const { recordedAt } = await records.recordObjection({
        ...before,
        objectionId: cmd.objectionId,
        text: cmd.text.trim(),
      });
      state.stampLast(recordedAt);
      return state.view();
    },
    { validator: (cmd: ObjectionCommand) => guarded(() => state.validateObjection(cmd)) },
  );
  setHandler(
    resolveObjectionUpdate,
    async (cmd) => {
      const before = base(cmd.actor, eventKey('resolve-objection'));
      state.applyResolveObjection(cmd, '');
      const { recordedAt } = await records.recordObjectionResolution({
        ...before,
        objectionId: cmd.objectionId,
        upheld: cmd.upheld,
        resolution: cmd.resolution.trim(),
      });
      state.stampLast(recordedAt);
      return state.view();
    },
    {
      validator: (cmd: ResolveObjectionCommand) =>
        guarded(() => state.validateResolveObjection(cmd)),
    },
  );
  setHandler(
    castCouncilBallotUpdate,
    async (cmd) => {
      const before = base(cmd.actor, eventKey('ballot'));
      state.applyCouncilBallot(cmd);
      // The sealed choice goes on unopened; only Updates of earlier runs carry it in the clear.
      await records.recordCouncilBallot({
        ...before,
        memberUserId: cmd.memberUserId,
        ...(cmd.sealedBallot !== undefined
          ? { sealedBallot: cmd.sealedBallot }
          : { approve: cmd.approve }),
        written: cmd.written,
      });
      return state.view();
    },
    { validator: (cmd: CouncilBallotCommand) => guarded(() => state.validateCouncilBallot(cmd)) },
  );
  setHandler(decisionIssuedSignal, (d) => {
    decision = d;
  });

  /** A step's deadline; batched runs build it before the opening (`dueAt` comes with it). */
  const deadlineFor = (step: ResolvedStep, dueAt: string, returned: boolean) =>
    new StepDeadline(
      'NOMINATION_STEP',
      `${wfId}-${state.stepIndex}-r${state.round}${returned ? '-revision' : ''}`,
      {
        offsetsWorkingDays: input.reminders.offsetsWorkingDays,
        clock: input.clock,
        title: `${input.init.formName} – ${input.init.nomineeName}: ${
          returned ? 'bổ sung, hoàn thiện hồ sơ' : step.title.vi
        }`,
      },
      {
        cycleId: null,
        dueAt,
        recipientUnitIds: [returned ? input.init.proposerUnitId : step.actorUnitId],
        recipientRole: returned ? 'UNIT_OFFICER' : step.actorRole,
        escalateToUnitId: input.init.authorityUnitId,
        escalateRole: 'AUTHORITY',
      },
    );

  /** Waits for `done` for `ms` (the SLA); past it, escalates once and keeps waiting. */
  const waitWithSla = async (deadline: StepDeadline, ms: number, done: () => boolean) => {
    // Batched runs scheduled it with the opening and close it with the next one.
    if (!batched) await deadline.schedule();
    if (!(await condition(done, ms))) {
      await deadline.escalate();
      // A late revision is escalated apart from the late step it was returned from.
      const revision = state.status === 'RETURNED' ? '-revision' : '';
      const before = base(null, `${wfId}/escalated-${state.stepIndex}-r${state.round}${revision}`);
      state.recordEscalation('');
      await persist(before, 'ESCALATED', null);
      await condition(done);
    }
    if (!batched) await deadline.close();
  };

  /** Opens the current step until `dueAt`; `ms` counts from its opening, not from the run's start
   * (a step opened days into the run gets its whole SLA). `purpose` keeps a second opening of the
   * same step and round (objections after the posting) a separate event. */
  const openStep = async (
    status: 'IN_REVIEW' | 'RETURNED' | 'POSTED' | 'VOTING',
    days: number,
    purpose: string = status.toLowerCase(),
    deadline: StepDeadline | null = null,
  ) => {
    // The opening only writes while PostgreSQL has the nomination at this step: the record of the
    // action that moved it here (an Update accepted moments ago) must be written first, or the
    // opening finds the previous step and the posting is never shown.
    if (patched(STEP_AFTER_RECORDS_PATCH)) await condition(allHandlersFinished);
    const open = {
      ...base(null, `${wfId}/open-${state.stepIndex}-r${state.round}-${purpose}`),
      status,
      workingDays: days,
      clock: input.clock,
    };
    let opened: { dueAt: string; openedAt: string };
    if (batched) {
      const closeDeadlineId = pendingClose;
      pendingClose = null;
      opened = await acts.advanceNominationStep({
        open,
        closeDeadlineId,
        deadline: deadline?.spec() ?? null,
      });
      // Closed with the next opening, or when the run leaves the chain (even if the step moved
      // on while it was opening).
      pendingClose = deadline?.closeId ?? null;
    } else {
      opened = await acts.openNominationStep(open);
    }
    const { dueAt, openedAt } = opened;
    return { dueAt, ms: Math.max(0, Date.parse(dueAt) - Date.parse(openedAt)) };
  };

  while (!state.finished && state.status !== 'AWAITING_DECISION') {
    if (workflowInfo().continueAsNewSuggested) {
      await closePending();
      await condition(allHandlersFinished);
      await continueAsNew<typeof nominationWorkflow>({ ...input, snapshot: state.snapshot() });
    }
    const step = state.currentStep() as ResolvedStep;
    const index = state.stepIndex;
    const round = state.round;

    if (state.status === 'RETURNED') {
      if (batched) {
        const deadline = deadlineFor(step, '', true);
        const { ms } = await openStep('RETURNED', step.slaWorkingDays, 'returned', deadline);
        await waitWithSla(deadline, ms, () => state.status !== 'RETURNED');
        continue;
      }
      const { dueAt, ms } = await openStep('RETURNED', step.slaWorkingDays);
      await waitWithSla(deadlineFor(step, dueAt, true), ms, () => state.status !== 'RETURNED');
      continue;
    }

    // Users may act on a step as soon as the previous one moved it there, even while the workflow
    // is still recording the step's opening: only a step still current gets its due date.
    const stillAt = () => !state.finished && state.stepIndex === index && state.round === round;

    if (step.kind === 'APPROVAL') {
      const early = batched ? deadlineFor(step, '', false) : null;
      const { dueAt, ms } = await openStep('IN_REVIEW', step.slaWorkingDays, 'in_review', early);
      const moved = () => !stillAt() || state.status !== 'IN_REVIEW';
      if (moved()) continue;
      state.openStep(dueAt);
      await waitWithSla(early ?? deadlineFor(step, dueAt, false), ms, moved);
      continue;
    }

    if (step.kind === 'POSTING') {
      const postedUntil = await openStep('POSTED', step.postingWorkingDays ?? 1);
      if (!stillAt()) continue;
      state.openStep(postedUntil.dueAt);
      await condition(() => state.finished, postedUntil.ms);
      if (state.finished) break;
      state.closePosting();
      if (state.unresolvedObjections() > 0) {
        // Every objection gets an answer from the board before the nomination moves on.
        const early = batched ? deadlineFor(step, '', false) : null;
        const { dueAt, ms } = await openStep('POSTED', step.slaWorkingDays, 'objections', early);
        await waitWithSla(
          early ?? deadlineFor(step, dueAt, false),
          ms,
          () => state.unresolvedObjections() === 0 || state.finished,
        );
        if (state.finished) break;
      }
      await condition(allHandlersFinished);
      const before = base(null, `${wfId}/posting-${index}-r${round}`);
      const outcome = state.finishPosting('');
      await persist(
        before,
        outcome === 'advanced' ? 'POSTING_COMPLETED' : 'REJECT',
        state.closedReason,
      );
      continue;
    }

    // COUNCIL_VOTE: closes when every member has voted or at the SLA; absentees count against.
    const early = batched ? deadlineFor(step, '', false) : null;
    const { dueAt, ms } = await openStep('VOTING', step.slaWorkingDays, 'voting', early);
    if (!stillAt()) continue;
    state.openStep(dueAt);
    const deadline = early ?? deadlineFor(step, dueAt, false);
    if (!batched) await deadline.schedule();
    await condition(() => state.allCouncilVoted() || state.finished, ms);
    // Close the box before any await: a ballot accepted after the tally would be acknowledged and
    // stored, yet never counted.
    state.closeBallotBox();
    await condition(allHandlersFinished);
    if (!batched) await deadline.close();
    if (state.finished) break;
    // Sealed choices are counted where they were added up, anonymously: PostgreSQL's tally.
    const anonymous =
      sealedBallots || state.hasSealedBallots()
        ? await acts.countCouncilVote({ nominationId, stepIndex: index, round })
        : undefined;
    const tally = state.tallyCouncil(anonymous);
    const now = Date.parse(await clock.currentTime());
    const c = input.clock;
    const heldOn = toVietnamDate(
      new CycleClock(c.periodStart, c.epochMs, c.scale).toCalendarInstant(now),
    );
    const before = base(null, `${wfId}/vote-${index}-r${round}`);
    await acts.recordCouncilResult({
      ...before,
      tally,
      minutes: councilMinutes({
        authorityName: input.authorityName,
        formName: input.init.formName,
        nomineeName: input.init.nomineeName,
        heldOn,
        tally,
      }),
    });
    const outcome = state.finishVote(tally, '');
    await persist(
      { ...before, eventKey: `${wfId}/vote-result-${index}-r${round}` },
      outcome === 'advanced' ? 'VOTE_PASSED' : 'VOTE_FAILED',
      outcome === 'advanced' ? `${tally.approvals}/${tally.eligibleCount}` : state.closedReason,
    );
  }

  // The chain is over (or the nomination closed): the last step's deadline closes now.
  await closePending();

  if (state.status === 'AWAITING_DECISION') {
    await condition(() => decision !== null || state.finished);
    const issued = decision as DecisionIssued | null;
    if (issued) {
      const before = base(null, `${wfId}/awarded`);
      state.applyDecision(issued, '');
      await persist(before, 'AWARDED', issued.number);
    }
  }
  await condition(allHandlersFinished);
  return {
    status: state.status as NominationResult['status'],
    closedReason: state.closedReason,
    awardId: (decision as DecisionIssued | null)?.awardId ?? null,
  };
}
