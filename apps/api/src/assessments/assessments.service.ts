import { Injectable } from '@nestjs/common';
import type { AssessmentStatusView } from '@epw/domain';
import {
  assessmentStatusQuery,
  declareConflictUpdate,
  submitPeerAssessmentUpdate,
  submitProgressUpdate,
  submitSelfAssessmentUpdate,
} from '@epw/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { phaseClosed, WorkflowUpdatesService } from '../common/workflow-updates.service';
import {
  CycleContextService,
  actorOf,
  type CycleContext,
} from '../cycle-runs/cycle-context.service';
import type {
  AssessmentStatusDto,
  ConflictDto,
  PeerAssessmentDto,
  ProgressDto,
  SelfAssessmentDto,
} from './dto/assessment.dto';

export type Stage = 'interim' | 'final';

const phaseOf = (stage: Stage) =>
  stage === 'final' ? ('FINAL_REVIEW' as const) : ('INTERIM_REVIEW' as const);
const workflowOf = (ctx: CycleContext, stage: Stage) =>
  stage === 'final' ? ctx.workflowIds.final : ctx.workflowIds.interim;

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly context: CycleContextService,
    private readonly workflows: WorkflowUpdatesService,
  ) {}

  async self(
    user: AuthenticatedUser,
    cycleId: string,
    stage: Stage,
    dto: SelfAssessmentDto,
    key?: string,
  ): Promise<AssessmentStatusView> {
    const ctx = await this.context.get(cycleId);
    const cmd = {
      actor: actorOf(user),
      unitId: dto.unitId,
      scores: dto.scores,
      evidence: dto.evidence,
    };
    return this.workflows.execute(
      workflowOf(ctx, stage),
      submitSelfAssessmentUpdate,
      cmd,
      this.opts('self', stage, user, key),
    );
  }

  async peer(
    user: AuthenticatedUser,
    cycleId: string,
    dto: PeerAssessmentDto,
    key?: string,
  ): Promise<AssessmentStatusView> {
    const ctx = await this.context.get(cycleId);
    const cmd = {
      actor: actorOf(user),
      assessorUnitId: dto.assessorUnitId,
      subjectUnitId: dto.subjectUnitId,
      scores: dto.scores,
    };
    return this.workflows.execute(
      ctx.workflowIds.final,
      submitPeerAssessmentUpdate,
      cmd,
      this.opts('peer', 'final', user, key),
    );
  }

  async conflict(
    user: AuthenticatedUser,
    cycleId: string,
    dto: ConflictDto,
    key?: string,
  ): Promise<AssessmentStatusView> {
    const ctx = await this.context.get(cycleId);
    const cmd = { actor: actorOf(user), ...dto };
    return this.workflows.execute(
      ctx.workflowIds.final,
      declareConflictUpdate,
      cmd,
      this.opts('conflict', 'final', user, key),
    );
  }

  async progress(
    user: AuthenticatedUser,
    cycleId: string,
    dto: ProgressDto,
    key?: string,
  ): Promise<AssessmentStatusView> {
    const ctx = await this.context.get(cycleId);
    const cmd = { actor: actorOf(user), unitId: dto.unitId, items: dto.items };
    return this.workflows.execute(
      ctx.workflowIds.interim,
      submitProgressUpdate,
      cmd,
      this.opts('progress', 'interim', user, key),
    );
  }

  /** Who has assessed whom, live from the review's workflow; before it opens, nothing yet. */
  async status(
    user: AuthenticatedUser,
    cycleId: string,
    stage: Stage,
  ): Promise<AssessmentStatusDto> {
    const ctx = await this.context.readable(user, cycleId);
    const view = await this.workflows.queryIfStarted(workflowOf(ctx, stage), assessmentStatusQuery);
    if (view) return { ...view, opened: true };
    const step = await this.context.notOpened(ctx, phaseOf(stage));
    return {
      cycleId,
      stage: stage === 'final' ? 'FINAL' : 'INTERIM',
      opened: false,
      deadlineAt: step.deadlineAt,
      closed: false,
      assignment: {},
      conflicts: [],
      selfSubmitted: [],
      peerSubmitted: [],
      progressSubmitted: [],
      expectedPeerCount: 0,
    };
  }

  private opts(
    action: string,
    stage: Stage,
    user: AuthenticatedUser,
    idempotencyKey: string | undefined,
  ) {
    const closed = phaseClosed(phaseOf(stage));
    return { action: `${action}-${stage}`, user, idempotencyKey, closed, notFound: closed };
  }
}
