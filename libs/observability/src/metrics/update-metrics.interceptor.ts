import type { Histogram } from 'prom-client';
import type {
  Next,
  WorkflowClientInterceptor,
  WorkflowStartUpdateInput,
  WorkflowStartUpdateOutput,
} from '@temporalio/client';

/**
 * Times every Workflow Update call of the Temporal client (the API's approvals, signatures,
 * votes): from the request to the server until the Update's outcome (or its acceptance, for a
 * caller that does not wait for completion). Outcome label: completed (the handler returned),
 * failed (the validator or the handler refused it), accepted (not waited for), error (the call
 * itself failed: timeout, workflow gone, server unreachable).
 */
export class UpdateMetricsInterceptor implements WorkflowClientInterceptor {
  constructor(private readonly duration: Histogram<'update' | 'outcome'>) {}

  async startUpdate(
    input: WorkflowStartUpdateInput,
    next: Next<WorkflowClientInterceptor, 'startUpdate'>,
  ): Promise<WorkflowStartUpdateOutput> {
    const end = this.duration.startTimer({ update: input.updateName });
    try {
      const output = await next(input);
      const outcome = output.outcome
        ? output.outcome.failure
          ? 'failed'
          : 'completed'
        : 'accepted';
      end({ outcome });
      return output;
    } catch (err) {
      end({ outcome: 'error' });
      throw err;
    }
  }
}
