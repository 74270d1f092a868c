import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import {
  DomainErrorCode,
  DomainException,
  isDomainErrorCode,
  type MessageParams,
} from '@epw/domain';

/** Turns a rejected Update (validator failure) into the domain exception it carries. */
export function toDomainException(err: unknown, notFound: DomainException): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const { type, details } = err.cause;
    if (isDomainErrorCode(type)) {
      return new DomainException(type, (details?.[0] ?? {}) as MessageParams);
    }
  }
  if (err instanceof WorkflowNotFoundError) return notFound;
  return err;
}

/** A query a workflow can never answer: it closed (terminated, timed out) before its first
 * workflow task ran, so there is no state to ask (gRPC 9 FAILED_PRECONDITION). For a reader it
 * is a workflow that is not running. */
export function isUnqueryableWorkflowError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code =
    (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  return code === 9 && /closed before/i.test(`${err.message} ${String(err.cause)}`);
}

export function isWorkflowClosedError(err: unknown): boolean {
  return (
    err instanceof WorkflowNotFoundError ||
    (err instanceof Error && /already completed/i.test(err.message))
  );
}

export const roundClosed = () => new DomainException(DomainErrorCode.RoundClosed);
