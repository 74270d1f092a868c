import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  type QueryDefinition,
  type UpdateDefinition,
} from '@temporalio/common';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from './request-validation.exception';
import {
  isUnqueryableWorkflowError,
  isWorkflowClosedError,
  toDomainException,
} from './temporal-errors';

/** The Idempotency-Key header, when sent (also the pattern the OpenAPI document states). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.-]{8,100}$/;

/** Sends user actions to workflows as Updates and reads their queries, mapping Temporal's errors to
 * the domain's (a rejected Update carries its rule; a finished workflow means the step is closed). */
@Injectable()
export class WorkflowUpdatesService {
  constructor(private readonly temporal: Client) {}

  /**
   * The update id comes from the client's Idempotency-Key (a retried request gets the first
   * outcome back instead of acting twice) or is fresh.
   */
  async execute<Ret, Arg>(
    workflowId: string,
    update: UpdateDefinition<Ret, [Arg]>,
    arg: Arg,
    opts: {
      action: string;
      user: AuthenticatedUser;
      idempotencyKey?: string;
      /** Stands for the user in the update id, which Temporal keeps in the clear (secret ballots
       * pass a keyed pseudonym); the user id by default. */
      updateIdScope?: string;
      closed: () => DomainException;
      notFound: () => DomainException;
    },
  ): Promise<Ret> {
    const { idempotencyKey } = opts;
    assertIdempotencyKey(idempotencyKey);
    const scope = opts.updateIdScope ?? opts.user.userId;
    const updateId = `${opts.action}-${scope}-${idempotencyKey ?? randomUUID()}`;
    const handle = this.handle(workflowId);
    try {
      return await handle.executeUpdate(update, { args: [arg], updateId });
    } catch (err) {
      if (isWorkflowClosedError(err) && (await this.exists(handle))) throw opts.closed();
      // Accepted, but the step ended before the Update finished: the workflows wait for their
      // handlers, so this only happens if one is terminated; the step is closed either way.
      if (err instanceof WorkflowUpdateFailedError && !(err.cause instanceof ApplicationFailure)) {
        throw opts.closed();
      }
      throw toDomainException(err, opts.notFound());
    }
  }

  async query<Ret>(
    workflowId: string,
    query: QueryDefinition<Ret>,
    notFound: () => DomainException,
  ): Promise<Ret> {
    try {
      return await this.handle(workflowId).query(query);
    } catch (err) {
      if (isUnqueryableWorkflowError(err)) throw notFound();
      throw toDomainException(err, notFound());
    }
  }

  /** A status read of a step whose workflow may not have started yet: null until it has. */
  async queryIfStarted<Ret>(workflowId: string, query: QueryDefinition<Ret>): Promise<Ret | null> {
    try {
      return await this.handle(workflowId).query(query);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError || isUnqueryableWorkflowError(err)) return null;
      throw err;
    }
  }

  handle(workflowId: string): WorkflowHandle {
    return this.temporal.workflow.getHandle(workflowId);
  }

  private async exists(handle: WorkflowHandle): Promise<boolean> {
    try {
      await handle.describe();
      return true;
    } catch {
      return false;
    }
  }
}

/** The Idempotency-Key header, when sent, is a short token (it becomes part of an id). */
export function assertIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new RequestValidationException([
      {
        field: 'Idempotency-Key',
        rule: 'matches',
        message: 'Idempotency-Key must be 8-100 of A-Z a-z 0-9 _ . -',
      },
    ]);
  }
}

export const phaseClosed = (phase: string) => () =>
  new DomainException(DomainErrorCode.PhaseNotOpen, { phase });
