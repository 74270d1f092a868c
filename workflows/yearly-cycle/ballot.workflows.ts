import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  ballotBoxQuery,
  castElectionBallotUpdate,
  castVoteUpdate,
  type ApprovalBallot,
  type ElectionChoice,
  type ElectionResult,
  type ElectionWorkflowInput,
  type VoteWorkflowInput,
} from '@epw/contracts';
import {
  BallotBoxState,
  ballotMinutes,
  tallyElection,
  tallyVote,
  toVietnamDate,
  validateApprovalBallot,
  validateElectionBallot,
  type CastCommand,
  type VoteTally,
} from '@epw/domain';
import { StepDeadline } from '../shared/reminders';
import { eventKey, guarded, msUntil } from '../shared/workflow-helpers';
import { cycleActivities as acts } from './activities.proxy';

/** Sets up a secret ballot box: one ballot per member, written ballots recorded by the head. */
function ballotDeadline(
  kind: 'VOTE' | 'ELECTION',
  input: VoteWorkflowInput | ElectionWorkflowInput,
): StepDeadline {
  return new StepDeadline(kind, workflowInfo().workflowId, input.reminders, {
    cycleId: input.cycleId,
    dueAt: input.deadlineAt,
    recipientUnitIds: input.members.map((m) => m.unitId),
    escalateToUnitId: input.headUnitId,
  });
}

function openBallotBox<T>(
  box: BallotBoxState<T>,
  update: typeof castVoteUpdate | typeof castElectionBallotUpdate,
  cycleId: string,
  kind: 'VOTE' | 'ELECTION',
): void {
  setHandler(ballotBoxQuery, () => box.view());
  setHandler(
    update as typeof castVoteUpdate,
    async (cmd) => {
      const typed = cmd as unknown as CastCommand<T>;
      const entry = box.applyCast(typed, '');
      const { recordedAt } = await acts.recordBallot({
        eventKey: eventKey('ballot'),
        cycleId,
        actorUserId: cmd.actor.userId,
        kind,
        voterUnitId: cmd.voterUnitId,
        content: cmd.content,
        written: cmd.written,
      });
      entry.at = recordedAt;
      return box.view();
    },
    {
      validator: (cmd: CastCommand<ApprovalBallot>) =>
        guarded(() => box.validateCast(cmd as unknown as CastCommand<T>)),
    },
  );
}

/** The vote (bình xét): members approve leading candidates; a candidate passes with the configured
 * share of ALL members; the cluster acclaims (suy tôn) the top passing units; minutes are drawn up. */
export async function voteWorkflow(input: VoteWorkflowInput): Promise<VoteTally> {
  const box = new BallotBoxState<ApprovalBallot>(input, validateApprovalBallot);
  openBallotBox(box, castVoteUpdate, input.cycleId, 'VOTE');
  const deadline = ballotDeadline('VOTE', input);
  await deadline.schedule();
  await condition(() => false, msUntil(input.deadlineAt));
  box.close();
  await condition(allHandlersFinished);
  await deadline.close();
  const tally = tallyVote(
    input.members.map((m) => m.unitId),
    input.candidates,
    box
      .ballots()
      .map((b) => ({ voterUnitId: b.voterUnitId, approve: b.content.approve, written: b.written })),
    input.vote,
  );
  const minutes = ballotMinutes({
    clusterName: input.clusterName,
    periodLabel: input.periodLabel,
    heldOn: input.heldOn ?? toVietnamDate(Date.parse(input.deadlineAt)),
    tally,
    unitNames: Object.fromEntries(input.members.map((m) => [m.unitId, m.unitName])),
    thresholdPercent: input.vote.thresholdPercent,
  });
  await acts.recordVoteResult({
    eventKey: `${workflowInfo().workflowId}/result`,
    cycleId: input.cycleId,
    actorUserId: null,
    tally,
    minutes,
  });
  return tally;
}

/** Rotation of the head and deputy: members elect next period's head and deputy. Without any
 * ballot the current leadership carries over. */
export async function electionWorkflow(input: ElectionWorkflowInput): Promise<ElectionResult> {
  const box = new BallotBoxState<ElectionChoice>(input, validateElectionBallot);
  openBallotBox(box, castElectionBallotUpdate, input.cycleId, 'ELECTION');
  const deadline = ballotDeadline('ELECTION', input);
  await deadline.schedule();
  await condition(() => false, msUntil(input.deadlineAt));
  box.close();
  await condition(allHandlersFinished);
  await deadline.close();
  const ballots = box.ballots();
  const tally =
    ballots.length > 0
      ? tallyElection(
          input.members.map((m) => m.unitId),
          input.candidates,
          ballots.map((b) => ({ voterUnitId: b.voterUnitId, ...b.content })),
        )
      : null;
  const result: ElectionResult = tally
    ? { tally, headUnitId: tally.headUnitId, deputyUnitId: tally.deputyUnitId, carriedOver: false }
    : { tally: null, headUnitId: input.headUnitId, deputyUnitId: null, carriedOver: true };
  await acts.recordElectionResult({
    eventKey: `${workflowInfo().workflowId}/result`,
    cycleId: input.cycleId,
    actorUserId: null,
    clusterId: input.clusterId,
    nextPeriodYear: input.nextPeriodYear,
    memberUnitIds: input.members.map((m) => m.unitId),
    headUnitId: result.headUnitId,
    deputyUnitId: result.deputyUnitId,
    tally,
    carriedOver: result.carriedOver,
  });
  return result;
}
