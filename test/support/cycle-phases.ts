import {
  assessmentWorkflowId,
  electionWorkflowId,
  registrationWorkflowId,
  voteWorkflowId,
  type AssessmentWorkflowInput,
  type ElectionWorkflowInput,
  type RegistrationWorkflowInput,
  type VoteWorkflowInput,
} from '@epw/contracts';
import { DEFAULT_RULE_SET } from '@epw/domain';
import type { FixtureCluster } from '@epw/testing';
import type { TestSystem } from './test-system';

/**
 * Registration, interim and final review, vote and election of one cycle, all open at once until
 * `hours` from now: started directly (the cycle workflow would open them one after the other), under
 * the business keys the API derives from the cycle. Returns their workflow ids, to terminate.
 */
export async function openCyclePhases(
  sys: Pick<TestSystem, 'temporal' | 'config'>,
  cluster: FixtureCluster,
  cycle: { id: string; movementCode: string; periodLabel: string },
  opts: {
    deputyUnitId: string;
    candidates: string[];
    hours?: number;
    /** When registration's own deadline falls (default: with the others); once it has passed,
     * the workflow takes late requests until the common deadline. */
    registrationDeadlineAt?: string;
  },
): Promise<string[]> {
  const members = cluster.units.map((u) => ({ unitId: u.id, unitCode: u.code, unitName: u.name }));
  const deadlineAt = new Date(Date.now() + (opts.hours ?? 3) * 3_600_000).toISOString();
  const base = { cycleId: cycle.id, members, headUnitId: cluster.head.id, deadlineAt };
  const key = [cluster.clusterCode, cycle.movementCode, cycle.periodLabel] as const;
  const started: string[] = [];
  const start = async (type: string, workflowId: string, input: unknown) => {
    await sys.temporal.workflow.start(type, {
      workflowId,
      taskQueue: sys.config.temporal.taskQueue,
      args: [input],
    });
    started.push(workflowId);
  };
  await start('registrationWorkflow', registrationWorkflowId(...key), {
    ...base,
    deadlineAt: opts.registrationDeadlineAt ?? deadlineAt,
    deputyUnitId: opts.deputyUnitId,
    lateUntil: deadlineAt,
    targetPercent: 100,
  } satisfies RegistrationWorkflowInput);
  for (const stage of ['INTERIM', 'FINAL'] as const) {
    await start('assessmentWorkflow', assessmentWorkflowId(...key, stage), {
      ...base,
      stage,
      criteria: DEFAULT_RULE_SET.criteria,
      crossAssessment: { mode: 'ALL_TO_ALL', reviewersPerUnit: 3 },
      scoring: DEFAULT_RULE_SET.scoring,
      pledgeItemCount: 5,
    } satisfies AssessmentWorkflowInput);
  }
  await start('voteWorkflow', voteWorkflowId(...key), {
    ...base,
    kind: 'VOTE',
    candidates: opts.candidates,
    maxChoices: 1,
    vote: DEFAULT_RULE_SET.vote,
    clusterName: cluster.clusterCode,
    periodLabel: cycle.periodLabel,
    heldOn: `${cycle.periodLabel.slice(0, 4)}-12-20`,
  } satisfies VoteWorkflowInput);
  await start('electionWorkflow', electionWorkflowId(...key), {
    ...base,
    kind: 'ELECTION',
    candidates: members.map((m) => m.unitId),
    maxChoices: 1,
    clusterId: cluster.clusterId,
    nextPeriodYear: Number(cycle.periodLabel.slice(0, 4)) + 1,
  } satisfies ElectionWorkflowInput);
  return started;
}
