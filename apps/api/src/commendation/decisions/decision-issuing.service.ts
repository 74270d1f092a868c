import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
  WorkflowIdReusePolicy,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  DECISION_WORKFLOW_TYPE,
  decisionWorkflowId,
  type DecisionWorkflowInput,
} from '@epw/contracts';
import { DecisionRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException, isDomainErrorCode } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { DecisionReaderService } from './decision-reader.service';
import type { DecisionDetailDto } from './dto/decision.dto';

/**
 * Issues a decision (ban hành): runs the decision workflow, whose activity creates every award
 * (serial numbers, verification codes) in one audited transaction and tells each nomination.
 */
@Injectable()
export class DecisionIssuingService {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly reader: DecisionReaderService,
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Answers once every award exists. Issuing twice returns the same awards. */
  async issue(user: AuthenticatedUser, id: string): Promise<DecisionDetailDto> {
    const decision = await this.reader.getOrFail(id);
    const authority = await this.reader.authorityOf(user);
    if (decision.authorityUnitId !== authority.id) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'quyết định của cơ quan khác',
      });
    }
    if (decision.status === 'DRAFT')
      await this.decisions.assertDecidable(authority.id, decision.nominationIds, decision.id);
    const input: DecisionWorkflowInput = { decisionId: id, actorUserId: user.userId };
    const workflowId = decisionWorkflowId(id);
    try {
      const handle = await this.temporal.workflow
        .start(DECISION_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: this.config.temporal.taskQueue,
          args: [input],
          // Issued once: a second request reads the first run's result instead of re-running it.
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        })
        .catch((err: unknown) => {
          if (err instanceof WorkflowExecutionAlreadyStartedError)
            return this.temporal.workflow.getHandle(workflowId);
          throw err;
        });
      await handle.result();
    } catch (err) {
      const cause = err instanceof WorkflowFailedError ? err.cause : null;
      if (cause instanceof ApplicationFailure && isDomainErrorCode(cause.type)) {
        throw new DomainException(cause.type, (cause.details?.[0] ?? {}) as Record<string, string>);
      }
      throw err;
    }
    return this.reader.get(id);
  }
}
