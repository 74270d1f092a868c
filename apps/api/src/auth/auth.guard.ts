import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { UserRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import {
  ALLOW_WITHOUT_SECOND_FACTOR,
  IS_PUBLIC,
  REQUIRED_ROLES,
  REQUIRES_STEP_UP,
  type RequestWithUser,
} from './auth.decorators';
import { mustEnrolFirst, stepUpFresh } from './second-factor/second-factor.policy';
import { TokenService } from './token.service';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); @Roles() narrows.
 * A token also needs its account active and still at the token's version (one primary-key read
 * per request): deactivation and a password reset end every session at once, not at expiry.
 * The same read says whether the account has a second factor: an account that must have one and
 * has not reaches only its enrolment (SECOND_FACTOR_REQUIRED), and a route marked
 * @RequiresStepUp() wants a recent check from an account that has one (STEP_UP_REQUIRED).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException(DomainErrorCode.Unauthenticated);
    const claims = await this.tokens.verifyAccess(token);
    const session = await this.users.findSessionState(claims.sub);
    if (!session?.active || session.tokenVersion !== (claims.tv ?? 0))
      throw new DomainException(DomainErrorCode.Unauthenticated);
    request.user = {
      userId: claims.sub,
      username: claims.username,
      unitId: claims.unitId,
      roles: claims.roles,
    };
    const policy = this.config.secondFactor;
    if (
      mustEnrolFirst(claims.roles, session.secondFactorEnabled, policy) &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_WITHOUT_SECOND_FACTOR, targets)
    )
      throw new DomainException(DomainErrorCode.SecondFactorRequired);
    const required = this.reflector.getAllAndOverride<string[] | undefined>(
      REQUIRED_ROLES,
      targets,
    );
    if (required && !required.some((r) => claims.roles.includes(r))) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: `cần vai trò ${required.join(' / ')}`,
      });
    }
    if (
      session.secondFactorEnabled &&
      this.reflector.getAllAndOverride<boolean>(REQUIRES_STEP_UP, targets) &&
      !stepUpFresh(claims.sfa, Date.now(), policy)
    )
      throw new DomainException(DomainErrorCode.StepUpRequired, {
        maxAgeSeconds: policy.stepUpSeconds,
      });
    return true;
  }
}
