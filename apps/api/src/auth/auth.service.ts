import { Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { UserRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException, toVietnamDate } from '@epw/domain';
import type { AccessTokenDto, MeDto } from './dto/login.dto';
import { LoginThrottleService } from './login-throttle.service';
import type { SecondFactorChallengeDto } from './second-factor/dto/second-factor.dto';
import { SecondFactorService } from './second-factor/second-factor.service';
import { claimsOf } from './session-claims';
import { TokenService } from './token.service';

/** Verifying against this keeps the time of a login for an unknown user close to a real one. */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$+7HtgNPITx0i7rs3Dk4uEA$2FWEGw36Ostj7lqqJSq+6Ntg9R/OC+Oslzmnu5E5tlE';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  /**
   * Throttled before the password is even hashed: a blocked guess costs nothing and learns nothing.
   * An account with a second factor gets a challenge, not tokens: its code comes next.
   */
  async login(
    username: string,
    password: string,
    clientIp: string,
  ): Promise<AccessTokenDto | SecondFactorChallengeDto> {
    await this.throttle.begin(username, clientIp);
    let user: Awaited<ReturnType<UserRepository['findByUsername']>>;
    try {
      user = await this.users.findByUsername(username);
    } catch (err) {
      // Not a failed guess: a database outage must not lock users out once it is over.
      await this.throttle.abandoned(username, clientIp);
      throw err;
    }
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok || !user.active) throw new DomainException(DomainErrorCode.InvalidCredentials);
    await this.throttle.succeeded(username, clientIp);
    if (await this.secondFactor.isEnabled(user.id)) return this.secondFactor.challenge(user);
    return this.tokens.issue(claimsOf(user));
  }

  /** The login's second step: the challenge of the password step and a code give the tokens. A
   * challenge outlives neither a password reset, a deactivation nor a second-factor reset. */
  async loginWithSecondFactor(
    challenge: string,
    code: string,
    clientIp: string,
  ): Promise<AccessTokenDto> {
    const { sub, tv } = await this.tokens.verifyChallenge(challenge);
    const user = await this.users.findById(sub);
    if (!user?.active || user.tokenVersion !== tv)
      throw new DomainException(DomainErrorCode.SecondFactorChallengeInvalid);
    const now = new Date();
    await this.secondFactor.verifyLogin(user, code, clientIp, now);
    return this.tokens.issue(claimsOf(user, now));
  }

  refresh(refreshToken: string): Promise<AccessTokenDto> {
    return this.tokens.rotate(refreshToken, async (userId) => {
      const user = await this.users.findById(userId);
      return user?.active ? claimsOf(user) : null;
    });
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revoke(refreshToken, 'logout');
  }

  async me(userId: string): Promise<MeDto> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainException(DomainErrorCode.Unauthenticated);
    const year = Number(toVietnamDate(Date.now()).slice(0, 4));
    const memberships = user.unitId ? await this.users.clusterMembershipsOf(user.unitId, year) : [];
    return {
      userId: user.id,
      username: user.username,
      fullName: user.fullName,
      unitId: user.unitId,
      unitCode: user.unit?.code ?? null,
      unitName: user.unit?.name ?? null,
      roles: user.roles,
      locale: user.locale,
      clusters: memberships.map((m) => ({
        clusterId: m.clusterId,
        clusterCode: m.cluster.code,
        clusterName: m.cluster.name,
        year: m.year,
        role: m.role,
      })),
      secondFactor: await this.secondFactor.summary(user.id, user.roles),
    };
  }
}
