import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../dto/problem-details.dto';

/** The error answers an operation may give, each an application/problem+json body. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const WHY: Record<ProblemStatus, string> = {
  400: 'VALIDATION_FAILED: a parameter, header or the body breaks a rule (`errors` names each field and rule)',
  401: 'UNAUTHENTICATED: no access token, or an expired, forged or revoked one',
  403: 'FORBIDDEN: this user may not do this here (`detail` says why)',
  404: 'NOT_FOUND: nothing with this id, or nothing this user may see',
  409: 'The current state refuses it (already done, closed, deadline passed, a concurrent change)',
  413: 'The body is larger than the limit',
  415: 'The body is not application/json',
  422: 'A rule of the process refuses it (quota, prerequisite, deadline order, …)',
  429: 'TOO_MANY_ATTEMPTS: wait the seconds of the Retry-After header',
  503: 'SERVICE_UNAVAILABLE: a component is restarting; retry after the Retry-After seconds',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } },
};

/** The OpenAPI response object of one error answer (shared by the decorators and the document). */
export function problemResponse(
  status: ProblemStatus,
  description: string = WHY[status],
): {
  description: string;
  content: Record<string, { schema: { $ref: string } }>;
  headers?: typeof RETRY_AFTER;
} {
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
  };
}

/**
 * The error answers a route (or, on a class, every route of a controller) may give, beyond those
 * the document adds from the route's own inputs (400, 413, 415, 404: see openapi-document.ts).
 * A status alone gets the general description; `[409, 'UNIT_CODE_TAKEN']` names the case.
 */
export function ApiProblems(
  ...answers: (ProblemStatus | [ProblemStatus, string])[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...answers.map((answer) => {
      const [status, description] = Array.isArray(answer) ? answer : [answer, WHY[answer]];
      return ApiResponse({ status, ...problemResponse(status, description) });
    }),
  );
}

/**
 * A controller whose routes need an access token: its tag, the bearer scheme and the 401/403
 * answers of the guard. A route marked @Public() in it loses both in the document (the document
 * reads the same metadata as the guard).
 */
export function AuthenticatedApi(tag: string): ClassDecorator {
  return applyDecorators(ApiTags(tag), ApiBearerAuth(), ApiProblems(401, 403));
}
