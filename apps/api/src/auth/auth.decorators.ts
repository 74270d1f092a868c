import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import type { AuthenticatedUser } from './authenticated-user';

export const IS_PUBLIC = 'epw:isPublic';
export const REQUIRED_ROLES = 'epw:requiredRoles';
export const ALLOW_WITHOUT_SECOND_FACTOR = 'epw:allowWithoutSecondFactor';
export const REQUIRES_STEP_UP = 'epw:requiresStepUp';

/** No access token needed (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs at least one of these roles. */
export const Roles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Reachable by an account that must enrol a second factor and has not yet (its enrolment, who
 * it is); every other route answers it 403 SECOND_FACTOR_REQUIRED. */
export const AllowWithoutSecondFactor = () => SetMetadata(ALLOW_WITHOUT_SECOND_FACTOR, true);

/** Signing, voting, issuing: an account with a second factor needs a recent check of it in this
 * session (MFA_STEP_UP_SECONDS), else 403 STEP_UP_REQUIRED until POST /auth/step-up. */
export const RequiresStepUp = () =>
  applyDecorators(
    SetMetadata(REQUIRES_STEP_UP, true),
    ApiProblems([
      403,
      'FORBIDDEN: this user may not do this here (`detail` says why); STEP_UP_REQUIRED: the last second-factor check of this session is too old: POST /auth/step-up with a code, then send the request again',
    ]),
  );

export type RequestWithUser = FastifyRequest & { user?: AuthenticatedUser };

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
    const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new Error('CurrentUser used on a public route');
    return user;
  },
);
