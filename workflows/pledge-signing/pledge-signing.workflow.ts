import {
  allHandlersFinished,
  condition,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  ClockActivities,
  PledgeSigningActivities,
  PledgeSigningInput,
  PledgeSigningResult,
} from '@epw/contracts';
import {
  amendPledgeUpdate,
  countersignPledgeUpdate,
  declinePledgeUpdate,
  extendDeadlineUpdate,
  signPledgeUpdate,
  signingStatusQuery,
} from '@epw/contracts';
import {
  SigningRoundState,
  type AmendCommand,
  type CountersignCommand,
  type DeclineCommand,
  type ExtendDeadlineCommand,
  type SignCommand,
} from '@epw/domain';
import { StepDeadline } from '../shared/reminders';
import { eventKey, guarded, recordsInOrder } from '../shared/workflow-helpers';
import { PERSISTING } from '../shared/activity-options';

const activities = proxyActivities<PledgeSigningActivities>(PERSISTING);

const clock = proxyLocalActivities<ClockActivities>({ startToCloseTimeout: '5 seconds' });

/** Version marker: from here on the head can move the deadline. */
const EXTENDABLE_DEADLINE_PATCH = 'extendable-deadline-v1';

/**
 * One cluster's pledge-signing round (ký kết giao ước thi đua). Members sign or decline through
 * Updates; the head may amend (which invalidates earlier signatures) and countersigns once every
 * member has signed the current text; a durable timer marks the round overdue at the deadline.
 */
export async function pledgeSigningWorkflow(
  input: PledgeSigningInput,
): Promise<PledgeSigningResult> {
  const inOrder = recordsInOrder();
  const state = new SigningRoundState(input);
  const { workflowId } = workflowInfo();

  // The round's row comes first: queued before any handler exists, since an Update delivered with
  // the start runs (and queues its record) as soon as its handler is set.
  const opened = {
    eventKey: `${workflowId}/opened`,
    roundId: workflowId,
    actorUserId: input.openedBy,
    cycleId: input.cycleId,
    deadlineAt: input.deadlineAt,
    version: input.pledge.version,
    items: input.pledge.items,
    contentHash: input.pledge.contentHash,
    status: 'OPEN' as const,
  };
  const opening = inOrder.ordered ? inOrder(activities.recordRoundOpened, opened) : undefined;

  setHandler(signingStatusQuery, () => state.view());

  setHandler(
    signPledgeUpdate,
    async (cmd) => {
      const decision = state.applySign(cmd, '');
      const { recordedAt } = await inOrder(activities.recordUnitDecision, {
        eventKey: eventKey('sign'),
        roundId: workflowId,
        actorUserId: cmd.actor.userId,
        unitId: cmd.unitId,
        decision: 'SIGNED',
        version: decision.version,
        late: decision.late,
        status: state.status,
      });
      state.stampDecision(cmd.unitId, decision, recordedAt);
      return state.view();
    },
    { validator: (cmd: SignCommand) => guarded(() => state.validateSign(cmd)) },
  );

  setHandler(
    declinePledgeUpdate,
    async (cmd) => {
      const decision = state.applyDecline(cmd, '');
      const { recordedAt } = await inOrder(activities.recordUnitDecision, {
        eventKey: eventKey('decline'),
        roundId: workflowId,
        actorUserId: cmd.actor.userId,
        unitId: cmd.unitId,
        decision: 'DECLINED',
        version: decision.version,
        reason: cmd.reason,
        late: decision.late,
        status: state.status,
      });
      state.stampDecision(cmd.unitId, decision, recordedAt);
      return state.view();
    },
    { validator: (cmd: DeclineCommand) => guarded(() => state.validateDecline(cmd)) },
  );

  setHandler(
    amendPledgeUpdate,
    async (cmd) => {
      const { version, invalidatedUnitIds } = state.applyAmend(cmd);
      await inOrder(activities.recordPledgeAmended, {
        eventKey: eventKey('amend'),
        roundId: workflowId,
        cycleId: input.cycleId,
        actorUserId: cmd.actor.userId,
        version,
        items: cmd.items,
        contentHash: cmd.contentHash,
        reason: cmd.reason,
        invalidatedUnitIds,
        status: state.status,
      });
      return state.view();
    },
    { validator: (cmd: AmendCommand) => guarded(() => state.validateAmend(cmd)) },
  );

  let deadlineMoves = 0;
  const deadline = new StepDeadline('PLEDGE_SIGNING', workflowId, input.reminders, {
    cycleId: input.cycleId,
    dueAt: input.deadlineAt,
    recipientUnitIds: input.members.map((m) => m.unitId),
    escalateToUnitId: input.headUnitId,
  });
  setHandler(
    extendDeadlineUpdate,
    async (cmd) => {
      state.applyExtendDeadline(cmd);
      deadlineMoves += 1;
      await inOrder(activities.recordDeadlineExtended, {
        eventKey: eventKey('extend'),
        roundId: workflowId,
        actorUserId: cmd.actor.userId,
        deadlineAt: cmd.deadlineAt,
        reason: cmd.reason,
        status: state.status,
      });
      await inOrder((at: string) => deadline.move(at), cmd.deadlineAt);
      return state.view();
    },
    { validator: (cmd: ExtendDeadlineCommand) => guarded(() => state.validateExtendDeadline(cmd)) },
  );

  setHandler(
    countersignPledgeUpdate,
    async (cmd) => {
      // Mark effective before awaiting, so no signature or amendment slips in meanwhile.
      state.applyCountersign(cmd, 'pending');
      const { recordedAt } = await inOrder(activities.recordCountersigned, {
        eventKey: eventKey('countersign'),
        roundId: workflowId,
        cycleId: input.cycleId,
        actorUserId: cmd.actor.userId,
        version: state.version,
        status: 'EFFECTIVE',
      });
      state.applyCountersign(cmd, recordedAt);
      return state.view();
    },
    { validator: (cmd: CountersignCommand) => guarded(() => state.validateCountersign(cmd)) },
  );

  await (opening ?? activities.recordRoundOpened(opened));
  await deadline.schedule();

  let effectiveInTime: boolean;
  if (patched(EXTENDABLE_DEADLINE_PATCH)) {
    // The head may move the deadline: re-arm the timer whenever it moves.
    for (;;) {
      const moves = deadlineMoves;
      const now = Date.parse(await clock.currentTime());
      const left = Math.max(0, Date.parse(state.deadlineAt) - now);
      await condition(() => state.isEffective || deadlineMoves !== moves, left);
      if (state.isEffective) {
        effectiveInTime = true;
        break;
      }
      if (deadlineMoves === moves) {
        effectiveInTime = false;
        break;
      }
    }
  } else {
    // Runs started before deadlines could move: timer from the run's start time (deterministic).
    const untilDeadline = Math.max(
      0,
      Date.parse(input.deadlineAt) - workflowInfo().runStartTime.getTime(),
    );
    effectiveInTime = await condition(() => state.isEffective, untilDeadline);
  }
  if (!effectiveInTime) {
    const missing = state.markOverdue('');
    const { recordedAt } = await inOrder(activities.recordRoundOverdue, {
      eventKey: `${workflowId}/overdue`,
      roundId: workflowId,
      actorUserId: null,
      missingUnitIds: missing,
      status: state.status,
    });
    state.markOverdue(recordedAt);
    log.info('signing round overdue', { roundId: workflowId, missing: missing.length });
    await deadline.escalate();
    await condition(() => state.isEffective);
  }
  await condition(allHandlersFinished);
  await deadline.close();

  const final = state.view();
  return {
    roundId: workflowId,
    effectiveVersion: final.pledge.version,
    countersignedAt: final.countersignedAt ?? '',
    overdue: final.overdueAt !== null,
  };
}
