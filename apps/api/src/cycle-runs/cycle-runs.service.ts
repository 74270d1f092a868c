import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  EMULATION_CYCLE_WORKFLOW_TYPE,
  cycleStatusQuery,
  type CycleStatusView,
} from '@epw/contracts';
import { CyclePlanner, CycleRepository, DEFAULT_RULE_SET_CODE } from '@epw/data-access';
import { DomainErrorCode, DomainException, type RankingRow } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { WorkflowUpdatesService } from '../common/workflow-updates.service';
import { CycleContextService } from './cycle-context.service';
import { isTransientBackendError } from '../common/problem-details.filter';
import type { CycleOutcomeDto, CycleRunDto, PhaseDto } from './dto/cycle-run.dto';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

@Injectable()
export class CycleRunsService {
  constructor(
    private readonly temporal: Client,
    private readonly planner: CyclePlanner,
    private readonly cycles: CycleRepository,
    private readonly context: CycleContextService,
    private readonly workflows: WorkflowUpdatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An administrator starts a cycle by hand (yearly cycles also start from a Schedule). */
  async start(
    user: AuthenticatedUser,
    cycleId: string,
    ruleSetCode: string | undefined,
    now: number,
  ): Promise<CycleRunDto> {
    const ctx = await this.context.get(cycleId);
    const cycle = await this.cycles.findById(cycleId);
    if (!cycle) throw new DomainException(DomainErrorCode.CycleNotFound, { cycleId });
    if (cycle.workflowId) throw new DomainException(DomainErrorCode.CycleAlreadyStarted);
    const code = ruleSetCode ?? DEFAULT_RULE_SET_CODE;
    const { id: ruleSetId, content } = await this.planner.latestRuleSet(code);
    // A cycle without members cannot start: refused before anything is frozen or audited.
    const year = cycle.startsOn.getUTCFullYear();
    if ((await this.cycles.membersForYear(cycle.clusterId, year)).length === 0)
      throw new DomainException(DomainErrorCode.NoMembers);
    await this.cycles.recordStarted(user.userId, cycleId, { id: ruleSetId, code, content });
    const input = await this.planner.prepare(cycleId, user.userId, now);
    try {
      await this.temporal.workflow.start(EMULATION_CYCLE_WORKFLOW_TYPE, {
        workflowId: ctx.workflowIds.cycle,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError)
        throw new DomainException(DomainErrorCode.CycleAlreadyStarted);
      throw err;
    }
    return {
      cycleId,
      workflowId: ctx.workflowIds.cycle,
      phases: input.phases.map((p) => ({ ...p, status: 'PENDING' })),
      acclaimed: [],
      completed: false,
    };
  }

  /** Live phases from the workflow; the PostgreSQL calendar when the workflow is not running. */
  async status(user: AuthenticatedUser, cycleId: string): Promise<CycleRunDto> {
    const ctx = await this.context.readable(user, cycleId);
    try {
      const view: CycleStatusView = await this.workflows.query(
        ctx.workflowIds.cycle,
        cycleStatusQuery,
        () => new DomainException(DomainErrorCode.NotFound),
      );
      return { ...view, workflowId: ctx.workflowIds.cycle };
    } catch (err) {
      // Not running, or it cannot answer right now (no worker polling): the calendar is in
      // PostgreSQL, so a read does not fail for it.
      if (!(err instanceof DomainException) && !isTransientBackendError(err)) throw err;
      const phases = await this.cycles.phasesOf(cycleId);
      const outcome = await this.cycles.outcomeOf(cycleId);
      return {
        cycleId,
        workflowId: ctx.workflowIds.cycle,
        phases: phases.map(
          (p): PhaseDto => ({
            phase: p.phase,
            status: p.status,
            opensOn: isoDate(p.opensOn),
            closesOn: isoDate(p.closesOn),
            opensAt: p.opensAt.toISOString(),
            closesAt: p.closesAt.toISOString(),
          }),
        ),
        acclaimed: outcome?.acclaimedUnitIds ?? [],
        completed: outcome?.completedAt != null,
      };
    }
  }

  async outcome(user: AuthenticatedUser, cycleId: string): Promise<CycleOutcomeDto> {
    const ctx = await this.context.readable(user, cycleId);
    const outcome = await this.cycles.outcomeOf(cycleId);
    const members = await this.cycles.membersForYear(ctx.clusterId, ctx.year);
    const byId = new Map(members.map((m) => [m.unitId, m.unit]));
    const ranking = ((outcome?.ranking ?? []) as unknown as RankingRow[]).map((r) => ({
      ...r,
      unitCode: byId.get(r.unitId)?.code ?? r.unitId,
      unitName: byId.get(r.unitId)?.name ?? '',
    }));
    return {
      cycleId,
      ranking,
      divergent: (outcome?.divergent ?? []) as unknown[],
      vote: outcome?.vote ?? null,
      acclaimedUnitIds: outcome?.acclaimedUnitIds ?? [],
      minutes: outcome?.minutes ?? null,
      electedHeadUnitId: outcome?.electedHeadUnitId ?? null,
      electedDeputyUnitId: outcome?.electedDeputyUnitId ?? null,
      election: outcome?.election ?? null,
      completedAt: outcome?.completedAt?.toISOString() ?? null,
    };
  }
}
