import { Injectable } from '@nestjs/common';
import { ballotBoxQuery, castElectionBallotUpdate, castVoteUpdate } from '@epw/contracts';
import type { BallotBoxView } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { phaseClosed, WorkflowUpdatesService } from '../common/workflow-updates.service';
import { CycleContextService, actorOf } from '../cycle-runs/cycle-context.service';
import type { ElectionBallotDto, VoteBallotDto } from './dto/ballot.dto';

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
    const cmd = {
      actor: actorOf(user),
      voterUnitId: dto.voterUnitId,
      written: dto.written,
      content: { approve: dto.approve },
    };
    const closed = phaseClosed('VOTE');
    return this.workflows.execute(ctx.workflowIds.vote, castVoteUpdate, cmd, {
      action: 'vote',
      user,
      idempotencyKey: key,
      closed,
      notFound: closed,
    });
  }

  async elect(
    user: AuthenticatedUser,
    cycleId: string,
    dto: ElectionBallotDto,
    key?: string,
  ): Promise<BallotBoxView> {
    const ctx = await this.context.get(cycleId);
    const cmd = {
      actor: actorOf(user),
      voterUnitId: dto.voterUnitId,
      written: dto.written,
      content: { headUnitId: dto.headUnitId, deputyUnitId: dto.deputyUnitId },
    };
    const closed = phaseClosed('ELECTION');
    return this.workflows.execute(ctx.workflowIds.election, castElectionBallotUpdate, cmd, {
      action: 'elect',
      user,
      idempotencyKey: key,
      closed,
      notFound: closed,
    });
  }

  async box(
    user: AuthenticatedUser,
    cycleId: string,
    kind: 'vote' | 'election',
  ): Promise<BallotBoxView> {
    const ctx = await this.context.readable(user, cycleId);
    const id = kind === 'vote' ? ctx.workflowIds.vote : ctx.workflowIds.election;
    return this.workflows.query(id, ballotBoxQuery, phaseClosed(kind.toUpperCase()));
  }
}
