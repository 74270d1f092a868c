import {
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  workflowInfo,
} from '@temporalio/workflow';
import {
  decisionIssuedSignal,
  type DecisionWorkflowInput,
  type IssuedAward,
  type NominationActivities,
} from '@epw/contracts';
import { PERSIST_RETRY } from '../shared/activity-options';

const acts = proxyActivities<NominationActivities>({
  startToCloseTimeout: '2 minutes',
  retry: PERSIST_RETRY,
});

/** Issues a decision batch (quyết định khen thưởng): the decision and every award land in one
 * transaction, then each nomination hears it was decided. Durable: a crash between the two
 * resumes with the signals, never with a second set of awards. */
export async function decisionWorkflow(
  input: DecisionWorkflowInput,
): Promise<{ number: string; awards: IssuedAward[] }> {
  const issued = await acts.issueDecision({
    eventKey: `${workflowInfo().workflowId}/issue`,
    decisionId: input.decisionId,
    actorUserId: input.actorUserId,
  });
  for (const award of issued.awards) {
    try {
      await getExternalWorkflowHandle(award.workflowId).signal(decisionIssuedSignal, {
        decisionId: input.decisionId,
        number: issued.number,
        signedOn: issued.signedOn,
        awardId: award.awardId,
      });
    } catch (err) {
      // The award is in PostgreSQL either way; a nomination workflow that was terminated by hand
      // cannot hear it, and that must not hold back the other recipients.
      log.warn('nomination workflow did not take the decision', {
        workflowId: award.workflowId,
        error: String(err),
      });
    }
  }
  return { number: issued.number, awards: issued.awards };
}
