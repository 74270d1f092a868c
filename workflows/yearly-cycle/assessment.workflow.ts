import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  assessmentStatusQuery,
  declareConflictUpdate,
  submitPeerAssessmentUpdate,
  submitProgressUpdate,
  submitSelfAssessmentUpdate,
  type AssessmentWorkflowInput,
} from '@epw/contracts';
import {
  AssessmentState,
  type AssessmentResult,
  type AssessmentSnapshot,
  type ConflictCommand,
  type PeerAssessmentCommand,
  type ProgressCommand,
  type SelfAssessmentCommand,
} from '@epw/domain';
import { StepDeadline } from '../shared/reminders';
import { eventKey, guarded, waitForDeadline, recordsInOrder } from '../shared/workflow-helpers';
import { cycleActivities as acts } from './activities.proxy';

/**
 * A review stage of one cycle. Interim (sơ kết): self-assessment and progress against the pledge.
 * Final (tổng kết): also cross-assessment by assigned peers (a unit never scores itself, declared
 * conflicts are honoured); at the deadline scores are aggregated, ranked and divergent sheets flagged.
 */
export async function assessmentWorkflow(
  input:
    | AssessmentWorkflowInput
    | (AssessmentSnapshot & Pick<AssessmentWorkflowInput, 'reminders'>),
): Promise<AssessmentResult> {
  const inOrder = recordsInOrder();
  const state = new AssessmentState(input);
  const { cycleId, stage } = input;
  // Reminders concern the final review's self-assessment (tổng kết); the interim report is lighter.
  const deadline = new StepDeadline(
    'FINAL_REVIEW',
    workflowInfo().workflowId,
    stage === 'FINAL' ? input.reminders : undefined,
    {
      cycleId,
      dueAt: input.deadlineAt,
      recipientUnitIds: input.members.map((m) => m.unitId),
      escalateToUnitId: input.headUnitId,
    },
  );

  setHandler(assessmentStatusQuery, () => state.view());

  setHandler(
    declareConflictUpdate,
    async (cmd) => {
      state.applyConflict(cmd);
      await inOrder(
        acts.recordConflict,
        {
          eventKey: eventKey('conflict'),
          cycleId,
          actorUserId: cmd.actor.userId,
          stage,
          assessorUnitId: cmd.assessorUnitId,
          subjectUnitId: cmd.subjectUnitId,
          reason: cmd.reason,
        },
        `${cmd.assessorUnitId}>${cmd.subjectUnitId}`,
      );
      return state.view();
    },
    { validator: (cmd: ConflictCommand) => guarded(() => state.validateConflict(cmd)) },
  );

  setHandler(
    submitSelfAssessmentUpdate,
    async (cmd) => {
      const total = state.applySelf(cmd, '');
      const { recordedAt } = await inOrder(
        acts.recordAssessment,
        {
          eventKey: eventKey('self'),
          cycleId,
          actorUserId: cmd.actor.userId,
          stage,
          assessorUnitId: cmd.unitId,
          subjectUnitId: cmd.unitId,
          scores: cmd.scores,
          total,
          evidence: cmd.evidence,
        },
        `${cmd.unitId}>${cmd.unitId}`,
      );
      state.stamp('self', cmd.unitId, recordedAt);
      return state.view();
    },
    { validator: (cmd: SelfAssessmentCommand) => guarded(() => state.validateSelf(cmd)) },
  );

  setHandler(
    submitPeerAssessmentUpdate,
    async (cmd) => {
      const total = state.applyPeer(cmd, '');
      const { recordedAt } = await inOrder(
        acts.recordAssessment,
        {
          eventKey: eventKey('peer'),
          cycleId,
          actorUserId: cmd.actor.userId,
          stage,
          assessorUnitId: cmd.assessorUnitId,
          subjectUnitId: cmd.subjectUnitId,
          scores: cmd.scores,
          total,
        },
        `${cmd.assessorUnitId}>${cmd.subjectUnitId}`,
      );
      state.stamp('peer', `${cmd.assessorUnitId}>${cmd.subjectUnitId}`, recordedAt);
      return state.view();
    },
    { validator: (cmd: PeerAssessmentCommand) => guarded(() => state.validatePeer(cmd)) },
  );

  setHandler(
    submitProgressUpdate,
    async (cmd) => {
      state.applyProgress(cmd, '');
      const { recordedAt } = await inOrder(
        acts.recordProgress,
        {
          eventKey: eventKey('progress'),
          cycleId,
          actorUserId: cmd.actor.userId,
          unitId: cmd.unitId,
          items: cmd.items,
        },
        `progress:${cmd.unitId}`,
      );
      state.stamp('progress', cmd.unitId, recordedAt);
      return state.view();
    },
    { validator: (cmd: ProgressCommand) => guarded(() => state.validateProgress(cmd)) },
  );

  await deadline.schedule();
  if ((await waitForDeadline(input.deadlineAt)) === 'continue-as-new') {
    return continueAsNew<typeof assessmentWorkflow>({
      ...state.snapshot(),
      reminders: input.reminders,
    });
  }
  // Close first (validators refuse from now on), then let accepted Updates finish persisting.
  const result = state.close();
  await condition(allHandlersFinished);
  if (result.selfCount < input.members.length) await deadline.escalate();
  await inOrder(acts.recordAssessmentResult, {
    eventKey: `${workflowInfo().workflowId}/result`,
    cycleId,
    actorUserId: null,
    result,
  });
  await deadline.close();
  return result;
}
