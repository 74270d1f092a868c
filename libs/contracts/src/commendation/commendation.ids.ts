/** Business keys: one workflow per nomination, one per decision batch. */
export const nominationWorkflowId = (nominationId: string) => `nomination-${nominationId}`;
export const decisionWorkflowId = (decisionId: string) => `decision-${decisionId}`;
