import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { verify } from '@node-rs/argon2';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { UserRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AccessTokenClaims } from './authenticated-user';
import type { AccessTokenDto, MeDto } from './dto/login.dto';

/** Verifying against this keeps the time of a login for an unknown user close to a real one. */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$+7HtgNPITx0i7rs3Dk4uEA$2FWEGw36Ostj7lqqJSq+6Ntg9R/OC+Oslzmnu5E5tlE';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<AccessTokenDto> {
    const user = await this.users.findByUsername(username);
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok || !user.active) throw new DomainException(DomainErrorCode.InvalidCredentials);
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      unitId: user.unitId,
      roles: user.roles,
    };
    return {
      accessToken: await this.jwt.signAsync(claims),
      expiresIn: this.config.jwt.ttlSeconds,
      tokenType: 'Bearer',
    };
  }

  async me(userId: string): Promise<MeDto> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainException(DomainErrorCode.Unauthenticated);
    return {
      userId: user.id,
      username: user.username,
      fullName: user.fullName,
      unitId: user.unitId,
      unitName: user.unit?.name ?? null,
      roles: user.roles,
      locale: user.locale,
    };
  }
}
