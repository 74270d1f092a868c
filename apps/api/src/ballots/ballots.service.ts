import { Injectable } from '@nestjs/common';
import type { BallotBoxView } from '@epw/domain';
import { ballotBoxQuery, castElectionBallotUpdate, castVoteUpdate } from '@epw/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { phaseClosed, WorkflowUpdatesService } from '../common/workflow-updates.service';
import { CycleContextService, actorOf } from '../cycle-runs/cycle-context.service';
import type { BallotBoxDto, ElectionBallotDto, VoteBallotDto } from './dto/ballot.dto';

/** Who casts a ballot: the user, for their unit, in person or recording a written one. */
const voterOf = (user: AuthenticatedUser, dto: { voterUnitId: string; written: boolean }) => ({
  actor: actorOf(user),
  voterUnitId: dto.voterUnitId,
  written: dto.written,
});

/** A ballot sent outside its phase (or before the phase's workflow exists) is refused alike. */
const castOptions = (action: string, phase: string, user: AuthenticatedUser, key?: string) => {
  const closed = phaseClosed(phase);
  return { action, user, idempotencyKey: key, closed, notFound: closed };
};

@Injectable()
export class BallotsService {
  constructor(
    private readonly context: CycleContextService,
    private readonly workflows: WorkflowUpdatesService,
  ) {}

  async vote(
    user: AuthenticatedUser,
    cycleId: string,
    dto: VoteBallotDto,
    key?: string,
  ): Promise<BallotBoxView> {
    const ctx = await this.context.get(cycleId);
    const cmd = { ...voterOf(user, dto), content: { approve: dto.approve } };
    return this.workflows.execute(
      ctx.workflowIds.vote,
      castVoteUpdate,
      cmd,
      castOptions('vote', 'VOTE', user, key),
    );
  }

  async elect(
    user: AuthenticatedUser,
    cycleId: string,
    dto: ElectionBallotDto,
    key?: string,
  ): Promise<BallotBoxView> {
    const ctx = await this.context.get(cycleId);
    const cmd = {
      ...voterOf(user, dto),
      content: { headUnitId: dto.headUnitId, deputyUnitId: dto.deputyUnitId },
    };
    return this.workflows.execute(
      ctx.workflowIds.election,
      castElectionBallotUpdate,
      cmd,
      castOptions('elect', 'ELECTION', user, key),
    );
  }

  /** Who has voted, live from the ballot box; before it opens, an empty box. */
  async box(
    user: AuthenticatedUser,
    cycleId: string,
    kind: 'vote' | 'election',
  ): Promise<BallotBoxDto> {
    const ctx = await this.context.readable(user, cycleId);
    const id = kind === 'vote' ? ctx.workflowIds.vote : ctx.workflowIds.election;
    const view = await this.workflows.queryIfStarted(id, ballotBoxQuery);
    if (view) return { ...view, opened: true };
    const step = await this.context.notOpened(ctx, kind === 'vote' ? 'VOTE' : 'ELECTION');
    return {
      cycleId,
      kind: kind === 'vote' ? 'VOTE' : 'ELECTION',
      opened: false,
      deadlineAt: step.deadlineAt,
      closed: false,
      candidates: [],
      eligibleCount: step.members.length,
      voted: [],
      writtenCount: 0,
    };
  }
}
