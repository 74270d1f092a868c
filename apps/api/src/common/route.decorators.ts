import { applyDecorators, Get, Headers, HttpCode, Param, Post, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { RequiresStepUp } from '../auth/auth.decorators';
import { ApiProblems, type ProblemStatus } from './openapi/api-problems.decorator';
import { uuidParam } from './uuid-param';

/**
 * The decorator stacks the controllers repeat for each route, composed once: the HTTP method and
 * path, the OpenAPI summary, the answer's type and the error answers, and the common parameters.
 */

type Answer = Type<unknown> | [Type<unknown>];
type Problem = ProblemStatus | [ProblemStatus, string];

export interface RouteOptions {
  /** The path below the controller's (none: the controller's own). */
  path?: string;
  /** Vietnamese first, then English: `Đăng ký thi đua / Register …`. */
  summary: string;
  /** The 200 answer's DTO (`[Dto]` for a list). */
  ok: Answer;
  /** What the 200 answer is, when its DTO does not say it all. */
  description?: string;
  /** Error answers beyond those of the controller and of the route's inputs. */
  problems?: Problem[];
}

export interface ActionOptions extends RouteOptions {
  /** Signing, voting, issuing: a recent second-factor check (RequiresStepUp). */
  stepUp?: boolean;
}

/** A read: GET, its summary and its 200 answer. */
export function ReadRoute(options: RouteOptions): MethodDecorator {
  const { path, summary, ok, description, problems = [] } = options;
  return applyDecorators(
    Get(path),
    ApiProblems(...problems),
    ApiOperation({ summary }),
    ApiOkResponse({ type: ok, ...(description === undefined ? {} : { description }) }),
  );
}

/**
 * A step of a process: POST answering 200 with the new state (not 201: nothing is created at a
 * new address), refused with 409 by the current state and 422 by a rule unless `problems` says
 * otherwise.
 */
export function ActionRoute(options: ActionOptions): MethodDecorator {
  const { path, summary, ok, description, problems = [409, 422], stepUp = false } = options;
  return applyDecorators(
    Post(path),
    ...(stepUp ? [RequiresStepUp()] : []),
    ApiProblems(...problems),
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOkResponse({ type: ok, ...(description === undefined ? {} : { description }) }),
  );
}

export interface CreateOptions extends Omit<ActionOptions, 'ok' | 'description'> {
  /** The 201 answer's DTO. */
  created: Answer;
}

/**
 * A creation: POST answering 201 with what it created, refused with 409 by the current state and
 * 422 by a rule unless `problems` says otherwise.
 */
export function CreateRoute(options: CreateOptions): MethodDecorator {
  const { path, summary, created, problems = [409, 422], stepUp = false } = options;
  return applyDecorators(
    Post(path),
    ...(stepUp ? [RequiresStepUp()] : []),
    ApiProblems(...problems),
    ApiOperation({ summary }),
    ApiCreatedResponse({ type: created }),
  );
}

/** A UUID path parameter whose 400 names the parameter and the rule. */
export const UuidParam = (name: string): ParameterDecorator => Param(name, uuidParam(name));

/** The optional Idempotency-Key header: a retried write answers as the first one did. */
export const IdempotencyKey = (): ParameterDecorator => Headers('idempotency-key');
