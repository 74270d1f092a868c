import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  complianceQuery,
  decideLateRegistrationUpdate,
  requestLateRegistrationUpdate,
  submitRegistrationUpdate,
  type RegistrationWorkflowInput,
} from '@epw/contracts';
import {
  RegistrationState,
  type ComplianceView,
  type LateDecisionCommand,
  type LateRegistrationCommand,
  type RegistrationSnapshot,
  type SubmitRegistrationCommand,
} from '@epw/domain';
import { StepDeadline } from '../shared/reminders';
import { eventKey, guarded, waitForDeadline, recordsInOrder } from '../shared/workflow-helpers';
import { cycleActivities as acts, clock } from './activities.proxy';

/** Version marker: the late window counts from when it opens (see below). */
export const LATE_WINDOW_PATCH = 'late-window-from-now-v1';

/**
 * Registration (đăng ký thi đua) of one cycle: units register before the deadline; after it the
 * workflow keeps taking late requests, which the cluster head approves or rejects, until `lateUntil`.
 */
export async function registrationWorkflow(
  input:
    | RegistrationWorkflowInput
    | (RegistrationSnapshot & Pick<RegistrationWorkflowInput, 'reminders'>),
): Promise<ComplianceView> {
  const inOrder = recordsInOrder();
  const state = new RegistrationState(input);
  const { cycleId } = input;
  const deadline = new StepDeadline('REGISTRATION', workflowInfo().workflowId, input.reminders, {
    cycleId,
    dueAt: input.deadlineAt,
    recipientUnitIds: input.members.map((m) => m.unitId),
    escalateToUnitId: input.headUnitId,
  });

  setHandler(complianceQuery, () => state.compliance());

  setHandler(
    submitRegistrationUpdate,
    async (cmd) => {
      const entry = state.applySubmit(cmd, '');
      const { recordedAt } = await inOrder(
        acts.recordRegistration,
        {
          eventKey: eventKey('submit'),
          cycleId,
          actorUserId: cmd.actor.userId,
          unitId: cmd.unitId,
          status: entry.status,
          late: false,
          revision: entry.revision,
          titles: cmd.content.titles,
          initiatives: cmd.content.initiatives,
        },
        cmd.unitId,
      );
      entry.at = recordedAt;
      return state.compliance();
    },
    { validator: (cmd: SubmitRegistrationCommand) => guarded(() => state.validateSubmit(cmd)) },
  );

  setHandler(
    requestLateRegistrationUpdate,
    async (cmd) => {
      const entry = state.applyLateRequest(cmd, '');
      const { recordedAt } = await inOrder(
        acts.recordRegistration,
        {
          eventKey: eventKey('late-request'),
          cycleId,
          actorUserId: cmd.actor.userId,
          unitId: cmd.unitId,
          status: entry.status,
          late: true,
          revision: entry.revision,
          titles: cmd.content.titles,
          initiatives: cmd.content.initiatives,
          lateReason: cmd.reason,
        },
        cmd.unitId,
      );
      entry.at = recordedAt;
      return state.compliance();
    },
    { validator: (cmd: LateRegistrationCommand) => guarded(() => state.validateLateRequest(cmd)) },
  );

  setHandler(
    decideLateRegistrationUpdate,
    async (cmd) => {
      state.applyLateDecision(cmd);
      await inOrder(
        acts.recordLateDecision,
        {
          eventKey: eventKey('late-decision'),
          cycleId,
          actorUserId: cmd.actor.userId,
          unitId: cmd.unitId,
          approve: cmd.approve,
          note: cmd.note,
        },
        cmd.unitId,
      );
      return state.compliance();
    },
    { validator: (cmd: LateDecisionCommand) => guarded(() => state.validateLateDecision(cmd)) },
  );

  if (!state.closed) {
    // After a continue-as-new the deadline is already scheduled; scheduling again is a no-op anyway.
    await deadline.schedule();
    if ((await waitForDeadline(input.deadlineAt)) === 'continue-as-new') {
      return continueAsNew<typeof registrationWorkflow>({
        ...state.snapshot(),
        reminders: input.reminders,
      });
    }
    const missing = state.close();
    await condition(allHandlersFinished);
    await inOrder(acts.recordRegistrationClosed, {
      eventKey: `${workflowInfo().workflowId}/closed`,
      cycleId,
      actorUserId: null,
      missingUnitIds: missing,
    });
    if (missing.length > 0) await deadline.escalate();
  }
  // The late window opens after the deadline: count it from now, not from the run's start (runs
  // recorded before this fix kept their longer timer).
  const now = patched(LATE_WINDOW_PATCH) ? Date.parse(await clock.currentTime()) : undefined;
  if ((await waitForDeadline(input.lateUntil, now)) === 'continue-as-new') {
    return continueAsNew<typeof registrationWorkflow>({
      ...state.snapshot(),
      reminders: input.reminders,
    });
  }
  await condition(allHandlersFinished);
  await deadline.close();
  return state.compliance();
}
