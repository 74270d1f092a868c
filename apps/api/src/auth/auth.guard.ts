import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { IS_PUBLIC, REQUIRED_ROLES, type RequestWithUser } from './auth.decorators';
import { TokenService } from './token.service';

/** Global guard: every route needs a valid bearer token unless marked @Public(); @Roles() narrows. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException(DomainErrorCode.Unauthenticated);
    const claims = await this.tokens.verifyAccess(token);
    request.user = {
      userId: claims.sub,
      username: claims.username,
      unitId: claims.unitId,
      roles: claims.roles,
    };
    const required = this.reflector.getAllAndOverride<string[] | undefined>(
      REQUIRED_ROLES,
      targets,
    );
    if (required && !required.some((r) => claims.roles.includes(r))) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: `cần vai trò ${required.join(' / ')}`,
      });
    }
    return true;
  }
}
