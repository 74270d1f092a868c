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
import { Prisma } from '@epw/data-access';
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
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json')
      .send(problem);
  }

  private toProblem(exception: unknown, locale: 'vi' | 'en', instance: string): ProblemDetails {
    if (exception instanceof RequestValidationException) {
      const detail = `${renderDomainMessage(DomainErrorCode.ValidationFailed, {}, locale)} ${exception.message}`;
      return {
        ...this.base(DomainErrorCode.ValidationFailed, 400, detail, instance),
        errors: exception.violations,
      };
    }
    if (exception instanceof DomainException) {
      return {
        ...this.base(
          exception.code,
          domainErrorHttpStatus[exception.code],
          renderDomainMessage(exception.code, exception.params, locale),
          instance,
        ),
        params: exception.params,
      };
    }
    if (exception instanceof Prisma.PrismaClientKnownRequestError) {
      if (exception.code === 'P2002') {
        const target = String(
          (exception.meta?.['target'] as string[] | undefined)?.join(', ') ?? '',
        );
        return this.base(
          DomainErrorCode.Conflict,
          409,
          renderDomainMessage(DomainErrorCode.Conflict, { target }, locale),
          instance,
        );
      }
      if (exception.code === 'P2025') {
        return this.base(
          DomainErrorCode.NotFound,
          404,
          renderDomainMessage(DomainErrorCode.NotFound, {}, locale),
          instance,
        );
      }
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = httpStatusCodes[status];
      if (code) return this.base(code, status, renderDomainMessage(code, {}, locale), instance);
      return this.base(`HTTP_${status}`, status, exception.message, instance);
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
