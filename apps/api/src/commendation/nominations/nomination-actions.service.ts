import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  castCouncilBallotUpdate,
  fileObjectionUpdate,
  nominationWorkflowId,
  resolveObjectionUpdate,
  resubmitNominationUpdate,
  stepActionUpdate,
  withdrawNominationUpdate,
} from '@epw/contracts';
import { DomainErrorCode, DomainException, type NominationView } from '@epw/domain';
import { BallotSeal } from '@epw/temporal';
import { actorOf, type AuthenticatedUser } from '../../auth/authenticated-user';
import { WorkflowUpdatesService } from '../../common/workflow-updates.service';
import type { CouncilBallotDto, ResolveObjectionDto, StepActionDto } from './dto/nomination.dto';
import type { NominationViewDto } from './dto/nomination-response.dto';
import { nominationNotFound } from './nomination-access';

const closed = () =>
  new DomainException(DomainErrorCode.NominationNotAtStep, { current: 'đã kết thúc' });

/**
 * Actions on a nomination go to its workflow as Updates: the workflow checks who may act and
 * records the accepted action (with its audit entry). The workflow id follows from the
 * nomination id; an unknown nomination has no workflow, which answers NOMINATION_NOT_FOUND.
 */
@Injectable()
export class NominationActionsService {
  constructor(
    private readonly workflows: WorkflowUpdatesService,
    private readonly ballots: BallotSeal,
  ) {}

  act(
    user: AuthenticatedUser,
    id: string,
    stepKey: string,
    dto: StepActionDto,
    key?: string,
  ): Promise<NominationViewDto> {
    const cmd = { actor: actorOf(user), stepKey, decision: dto.decision, reason: dto.reason };
    return this.send(stepActionUpdate, cmd, 'step', user, id, key);
  }

  resubmit(
    user: AuthenticatedUser,
    id: string,
    note: string | undefined,
    key?: string,
  ): Promise<NominationViewDto> {
    return this.send(
      resubmitNominationUpdate,
      { actor: actorOf(user), note },
      'resubmit',
      user,
      id,
      key,
    );
  }

  withdraw(
    user: AuthenticatedUser,
    id: string,
    reason: string,
    key?: string,
  ): Promise<NominationViewDto> {
    return this.send(
      withdrawNominationUpdate,
      { actor: actorOf(user), reason },
      'withdraw',
      user,
      id,
      key,
    );
  }

  object(
    user: AuthenticatedUser,
    id: string,
    text: string,
    key?: string,
  ): Promise<NominationViewDto> {
    const cmd = { actor: actorOf(user), objectionId: randomUUID(), text };
    return this.send(fileObjectionUpdate, cmd, 'objection', user, id, key);
  }

  resolveObjection(
    user: AuthenticatedUser,
    id: string,
    objectionId: string,
    dto: ResolveObjectionDto,
    key?: string,
  ): Promise<NominationViewDto> {
    const cmd = {
      actor: actorOf(user),
      objectionId,
      upheld: dto.upheld,
      resolution: dto.resolution,
    };
    return this.send(resolveObjectionUpdate, cmd, 'resolve', user, id, key);
  }

  vote(
    user: AuthenticatedUser,
    id: string,
    dto: CouncilBallotDto,
    key?: string,
  ): Promise<NominationViewDto> {
    const memberUserId = dto.onBehalfOfUserId ?? user.userId;
    // Secret ballot: the choice is sealed here, so the Update (and Temporal's history, even
    // decoded) says who voted, never how; only the activity adding it to the tally opens it.
    const cmd = {
      actor: actorOf(user),
      memberUserId,
      sealedBallot: this.ballots.seal({ nominationId: id, memberUserId }, dto.approve),
      written: dto.onBehalfOfUserId !== undefined,
    };
    return this.workflows.execute(nominationWorkflowId(id), castCouncilBallotUpdate, cmd, {
      action: 'nomination-ballot',
      user,
      idempotencyKey: key,
      // The update id is in Temporal's history in the clear: no user id in it.
      updateIdScope: this.ballots.voterTag(user.userId),
      closed,
      notFound: nominationNotFound(id),
    });
  }

  private send<Arg>(
    update: UpdateDefinition<NominationView, [Arg]>,
    cmd: Arg,
    action: string,
    user: AuthenticatedUser,
    id: string,
    idempotencyKey?: string,
  ): Promise<NominationView> {
    return this.workflows.execute(nominationWorkflowId(id), update, cmd, {
      action: `nomination-${action}`,
      user,
      idempotencyKey,
      closed,
      notFound: nominationNotFound(id),
    });
  }
}
