import type { components } from './schema';

/** An RFC 9457 problem+json body as the API sends it (see the README: a stable `code`, a message in
 * the caller's language, and for bad input `errors[]` naming each field and rule). */
export type ProblemDetails = components['schemas']['ProblemDetailsDto'];
export type FieldViolation = components['schemas']['FieldViolationDto'];

/** A problem the API sent, or one made up for a failure that came without one. */
type ProblemLike = Pick<ProblemDetails, 'status' | 'code' | 'detail'> & Partial<ProblemDetails>;

/** A failed API call: the problem the API answered with, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldViolation[];
  readonly params: Record<string, unknown>;

  constructor(problem: ProblemLike) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.errors = problem.errors ?? [];
    this.params = problem.params ?? {};
  }

  static network(message: string): ApiError {
    return new ApiError({ status: 0, code: 'NETWORK', detail: message });
  }
}

export function isProblem(body: unknown): body is ProblemDetails {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { code?: unknown }).code === 'string' &&
    typeof (body as { status?: unknown }).status === 'number'
  );
}

/** The API names nested fields like `initiatives[0].attachments[1].url`; forms use dotted paths
 * (`initiatives.0.attachments.1.url`). */
export function toFormPath(apiField: string): string {
  return apiField.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Splits field violations into those a form can show next to one of its inputs and the rest.
 * `hasField` says whether the form has an input at that path; `rename` maps API names to form
 * paths where they differ. An element of a list (`items[3]`) falls back to the list's input. Several rules broken on one field are joined into one message.
 */
export function fieldErrorsFor(
  errors: readonly FieldViolation[],
  hasField: (path: string) => boolean,
  rename: Readonly<Record<string, string>> = {},
): { byField: Record<string, string>; unmatched: FieldViolation[] } {
  const byField: Record<string, string> = {};
  const unmatched: FieldViolation[] = [];
  for (const violation of errors) {
    // `pledge.items[3]` may belong to an input for the whole list (`pledge.items`).
    const candidates = [violation.field, violation.field.replace(/\[\d+\]$/, '')];
    const path = candidates
      .map((field) => rename[field] ?? toFormPath(field))
      .find((candidate) => hasField(candidate));
    if (path !== undefined) {
      byField[path] = byField[path] ? `${byField[path]}; ${violation.message}` : violation.message;
    } else {
      unmatched.push(violation);
    }
  }
  return { byField, unmatched };
}

/** Reads a dotted path (`a.0.b`) from plain data; undefined when any step is missing. */
export function valueAtPath(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
