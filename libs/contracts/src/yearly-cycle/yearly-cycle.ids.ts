/** Business keys of the yearly-cycle workflows: one of each per cluster, movement and period. */
const suffix = (clusterCode: string, movementCode: string, periodLabel: string) =>
  `${clusterCode}-${movementCode}-${periodLabel}`;

export const emulationCycleWorkflowId = (c: string, m: string, p: string) =>
  `emulation-cycle-${suffix(c, m, p)}`;
export const registrationWorkflowId = (c: string, m: string, p: string) =>
  `registration-${suffix(c, m, p)}`;
export const assessmentWorkflowId = (c: string, m: string, p: string, stage: 'INTERIM' | 'FINAL') =>
  `assessment-${stage.toLowerCase()}-${suffix(c, m, p)}`;
export const voteWorkflowId = (c: string, m: string, p: string) => `vote-${suffix(c, m, p)}`;
export const electionWorkflowId = (c: string, m: string, p: string) =>
  `election-${suffix(c, m, p)}`;
export const cycleScheduleId = (clusterCode: string, movementCode: string) =>
  `cycle-schedule-${clusterCode}-${movementCode}`;
