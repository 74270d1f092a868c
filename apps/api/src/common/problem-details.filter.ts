import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainErrorCode,
  DomainException,
  domainErrorHttpStatus,
  renderDomainMessage,
} from '@epw/domain';
import { databaseErrorKind } from '@epw/data-access';
import { localeFrom } from './locale';
import { RequestValidationException, type FieldViolation } from './request-validation.exception';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  errors?: FieldViolation[];
  params?: Record<string, unknown>;
}

const httpStatusCodes: Partial<Record<number, DomainErrorCode>> = {
  400: DomainErrorCode.ValidationFailed,
  401: DomainErrorCode.Unauthenticated,
  403: DomainErrorCode.Forbidden,
  404: DomainErrorCode.NotFound,
  409: DomainErrorCode.Conflict,
};

/** The field a domain rule about input concerns (workflow validators, free-form JSON checks). */
function violationOf(exception: DomainException, message: string): FieldViolation {
  const { field, rule, criterion } = exception.params;
  const fallback: Partial<Record<DomainErrorCode, string>> = {
    [DomainErrorCode.RuleSetInvalid]: 'content',
    [DomainErrorCode.ReasonRequired]: 'reason',
    [DomainErrorCode.ScoresInvalid]: `scores.${criterion ?? ''}`,
  };
  return {
    field: String(field ?? fallback[exception.code] ?? 'body'),
    rule: String(rule ?? exception.code.toLowerCase()),
    message,
  };
}

/** Errors of a dependency that is down, restarting or overloaded, as opposed to bugs: a Temporal
 * query with no worker polling (or past its deadline, or refused while the workflow's query buffer
 * is full), Temporal unreachable, a PostgreSQL connection cut or refused. gRPC codes:
 * 4 DEADLINE_EXCEEDED, 8 RESOURCE_EXHAUSTED, 14 UNAVAILABLE; Prisma P2024 (no pooled connection
 * free in time) and P2028 (a transaction could not start in time): the database is saturated. */
export function isTransientBackendError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const grpcCode = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown })?.code;
  if (grpcCode === 4 || grpcCode === 8 || grpcCode === 14) return true;
  if (grpcCode === 'ECONNREFUSED' || grpcCode === 'ECONNRESET') return true;
  if (grpcCode === 'P2024' || grpcCode === 'P2028') return true;
  return /no poller seen|Connection terminated unexpectedly|ECONNREFUSED|Can't reach database server|Unable to start a transaction in the given time/i.test(
    `${err.message} ${err.cause instanceof Error ? err.cause.message : ''}`,
  );
}

/** The one place where errors become HTTP: RFC 9457 problem+json, message in the caller's language. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const locale = localeFrom(request.headers['accept-language']);
    const problem = this.toProblem(exception, locale, request.url);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, url: request.url }, 'unhandled error');
    }
    const retryAfter = problem.params?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json')
      .send(problem);
  }

  /** Also used for errors Fastify answers before any route runs (see app.factory). */
  toProblem(exception: unknown, locale: 'vi' | 'en', instance: string): ProblemDetails {
    if (exception instanceof RequestValidationException) {
      const detail = `${renderDomainMessage(DomainErrorCode.ValidationFailed, {}, locale)} ${exception.message}`;
      return {
        ...this.base(DomainErrorCode.ValidationFailed, 400, detail, instance),
        errors: exception.violations,
      };
    }
    if (exception instanceof DomainException) {
      const status = domainErrorHttpStatus[exception.code];
      const detail = renderDomainMessage(exception.code, exception.params, locale);
      return {
        ...this.base(exception.code, status, detail, instance),
        params: exception.params,
        // Bad input refused by a rule deeper than the DTOs still names its field.
        ...(status === 400 ? { errors: [violationOf(exception, detail)] } : {}),
      };
    }
    const databaseError = databaseErrorKind(exception);
    if (databaseError?.kind === 'unique-violation') {
      return this.base(
        DomainErrorCode.Conflict,
        409,
        renderDomainMessage(DomainErrorCode.Conflict, { target: databaseError.target }, locale),
        instance,
      );
    }
    if (databaseError?.kind === 'record-not-found') {
      return this.base(
        DomainErrorCode.NotFound,
        404,
        renderDomainMessage(DomainErrorCode.NotFound, {}, locale),
        instance,
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = httpStatusCodes[status];
      if (status === 400) {
        // The body could not be parsed (not JSON, or a prototype-poisoning key): Nest maps
        // Fastify's parser errors to a bare 400.
        return {
          ...this.base(
            DomainErrorCode.ValidationFailed,
            400,
            `${renderDomainMessage(DomainErrorCode.ValidationFailed, {}, locale)} ${exception.message}`,
            instance,
          ),
          errors: [{ field: 'body', rule: 'isParsable', message: exception.message }],
        };
      }
      if (code) return this.base(code, status, renderDomainMessage(code, {}, locale), instance);
      return this.base(`HTTP_${status}`, status, exception.message, instance);
    }
    if (isTransientBackendError(exception)) {
      // A dependency is down or restarting (the worker, Temporal, PostgreSQL): the same request
      // will work again shortly (actions carry idempotency keys: a retry never acts twice).
      return {
        ...this.base(
          'SERVICE_UNAVAILABLE',
          HttpStatus.SERVICE_UNAVAILABLE,
          locale === 'en'
            ? 'The service is briefly unavailable (a component is restarting). Please try again in a few seconds.'
            : 'Hệ thống tạm thời gián đoạn (một thành phần đang khởi động lại). Vui lòng thử lại sau vài giây.',
          instance,
        ),
        params: { retryAfterSeconds: 5 },
      };
    }
    return this.base(
      'INTERNAL',
      HttpStatus.INTERNAL_SERVER_ERROR,
      locale === 'en'
        ? 'An unexpected error occurred; it has been logged.'
        : 'Đã xảy ra lỗi không mong muốn; lỗi đã được ghi lại.',
      instance,
    );
  }

  private base(code: string, status: number, detail: string, instance: string): ProblemDetails {
    return {
      type: `urn:epw:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title: code,
      status,
      detail,
      code,
      instance,
    };
  }
}
