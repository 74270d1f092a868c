import { Injectable } from '@nestjs/common';
import {
  assessmentWorkflowId,
  electionWorkflowId,
  emulationCycleWorkflowId,
  registrationWorkflowId,
  voteWorkflowId,
} from '@epw/contracts';
import { CycleRepository } from '@epw/data-access';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ClusterAccessService } from '../common/cluster-access.service';
import { CyclesService } from '../cycles/cycles.service';

export interface CycleContext {
  cycleId: string;
  clusterId: string;
  year: number;
  workflowIds: {
    cycle: string;
    registration: string;
    interim: string;
    final: string;
    vote: string;
    election: string;
  };
}

/** Resolves a cycle to the business keys of its workflows and checks who may read it. */
@Injectable()
export class CycleContextService {
  constructor(
    private readonly cycles: CyclesService,
    private readonly access: ClusterAccessService,
    private readonly repository: CycleRepository,
  ) {}

  async get(cycleId: string): Promise<CycleContext> {
    const c = await this.cycles.getOrFail(cycleId);
    const args = [c.cluster.code, c.movementCode, c.periodLabel] as const;
    return {
      cycleId: c.id,
      clusterId: c.clusterId,
      year: c.startsOn.getUTCFullYear(),
      workflowIds: {
        cycle: emulationCycleWorkflowId(...args),
        registration: registrationWorkflowId(...args),
        interim: assessmentWorkflowId(...args, 'INTERIM'),
        final: assessmentWorkflowId(...args, 'FINAL'),
        vote: voteWorkflowId(...args),
        election: electionWorkflowId(...args),
      },
    };
  }

  async notOpened(
    ctx: CycleContext,
    phase: 'REGISTRATION' | 'INTERIM_REVIEW' | 'FINAL_REVIEW' | 'VOTE' | 'ELECTION',
  ): Promise<NotOpenedStep> {
    const [phases, members] = await Promise.all([
      this.repository.phasesOf(ctx.cycleId),
      this.repository.membersForYear(ctx.clusterId, ctx.year),
    ]);
    const p = phases.find((x) => x.phase === phase);
    return {
      opensAt: p?.opensAt.toISOString() ?? null,
      deadlineAt: p?.closesAt.toISOString() ?? null,
      members: members.map((m) => ({
        unitId: m.unitId,
        unitCode: m.unit.code,
        unitName: m.unit.name,
      })),
    };
  }

  async readable(user: AuthenticatedUser, cycleId: string): Promise<CycleContext> {
    const ctx = await this.get(cycleId);
    await this.access.assertCanRead(user, ctx.clusterId, ctx.year);
    return ctx;
  }
}

/** What a status view says about a step whose workflow has not started: its calendar (null before
 * the cycle starts and writes it) and the members who will take part. */
export interface NotOpenedStep {
  opensAt: string | null;
  deadlineAt: string | null;
  members: { unitId: string; unitCode: string; unitName: string }[];
}

export { actorOf } from '../auth/authenticated-user';
