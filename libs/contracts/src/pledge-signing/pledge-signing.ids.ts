/** Workflow ids are business keys: one signing round per cluster, movement and period. */
export function pledgeSigningWorkflowId(
  clusterCode: string,
  movementCode: string,
  periodLabel: string,
): string {
  return `pledge-signing-${clusterCode}-${movementCode}-${periodLabel}`;
}
