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

export function isWorkflowClosedError(err: unknown): boolean {
  return (
    err instanceof WorkflowNotFoundError ||
    (err instanceof Error && /already completed/i.test(err.message))
  );
}

export const roundClosed = () => new DomainException(DomainErrorCode.RoundClosed);
