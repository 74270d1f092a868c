import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JsonWebTokenError, JwtService, TokenExpiredError } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { RefreshTokenRepository, type RefreshTokenRevocation } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AccessTokenClaims } from './authenticated-user';
import type { AccessTokenDto } from './dto/login.dto';

export const JWT_ISSUER = 'epw';
export const JWT_AUDIENCE = 'epw-api';
const ALGORITHMS: ['HS256'] = ['HS256'];

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Access tokens: short-lived JWTs signed with JWT_SECRET; tokens signed with JWT_PREVIOUS_SECRET
 * still verify, so rotating the key logs nobody out. Refresh tokens: 256 random bits, stored as
 * their SHA-256, single use, rotated on every exchange within one family per login.
 */
@Injectable()
export class TokenService {
  private readonly logger = new Logger(TokenService.name);

  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new login: a new refresh-token family. */
  async issue(claims: AccessTokenClaims, now = new Date()): Promise<AccessTokenDto> {
    const { token, row } = this.newRefreshToken(claims.sub, randomUUID(), now);
    await this.refreshTokens.issue(row, now);
    return this.pair(claims, token);
  }

  /**
   * Exchanges a refresh token for a new pair. `claimsOf` loads the user again (roles or unit may
   * have changed since the login; an inactive user gets nothing).
   */
  async rotate(
    refreshToken: string,
    claimsOf: (userId: string) => Promise<AccessTokenClaims | null>,
    now = new Date(),
  ): Promise<AccessTokenDto> {
    const row = await this.refreshTokens.findByHash(hashOf(refreshToken));
    if (!row || row.revokedAt) throw new DomainException(DomainErrorCode.RefreshTokenInvalid);
    if (row.usedAt) return this.reused(row.familyId, now);
    if (row.expiresAt.getTime() <= now.getTime())
      throw new DomainException(DomainErrorCode.RefreshTokenInvalid);
    const claims = await claimsOf(row.userId);
    if (!claims) {
      await this.refreshTokens.revokeFamily(row.familyId, 'inactive-user', now);
      throw new DomainException(DomainErrorCode.RefreshTokenInvalid);
    }
    const next = this.newRefreshToken(row.userId, row.familyId, now);
    // Lost a race with another exchange of the same token: that is a reuse too.
    if (!(await this.refreshTokens.rotate(row.id, next.row, now)))
      return this.reused(row.familyId, now);
    return this.pair(claims, next.token);
  }

  /** Logout: the token's whole family (every later token of that login) stops working. */
  async revoke(refreshToken: string, reason: RefreshTokenRevocation, now = new Date()) {
    const row = await this.refreshTokens.findByHash(hashOf(refreshToken));
    if (row) await this.refreshTokens.revokeFamily(row.familyId, reason, now);
  }

  /** The claims of a valid access token; TOKEN_EXPIRED tells the client to refresh. */
  async verifyAccess(token: string): Promise<AccessTokenClaims> {
    const secrets = [this.config.jwt.secret, this.config.jwt.previousSecret].filter(
      (s): s is string => s !== null,
    );
    for (const secret of secrets) {
      try {
        return await this.jwt.verifyAsync<AccessTokenClaims>(token, {
          secret,
          algorithms: ALGORITHMS,
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
        });
      } catch (err) {
        // The signature is checked before the expiry, so an expired token was ours.
        if (err instanceof TokenExpiredError)
          throw new DomainException(DomainErrorCode.TokenExpired);
        if (err instanceof JsonWebTokenError && err.message === 'invalid signature') continue;
        break;
      }
    }
    throw new DomainException(DomainErrorCode.Unauthenticated);
  }

  private async reused(familyId: string, now: Date): Promise<never> {
    const revoked = await this.refreshTokens.revokeFamily(familyId, 'reuse', now);
    this.logger.warn({ familyId, revoked }, 'refresh token reused: family revoked');
    throw new DomainException(DomainErrorCode.RefreshTokenReused);
  }

  private async pair(claims: AccessTokenClaims, refreshToken: string): Promise<AccessTokenDto> {
    return {
      accessToken: await this.jwt.signAsync(
        { ...claims },
        {
          secret: this.config.jwt.secret,
          algorithm: ALGORITHMS[0],
          expiresIn: this.config.jwt.ttlSeconds,
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
          jwtid: randomUUID(),
        },
      ),
      expiresIn: this.config.jwt.ttlSeconds,
      tokenType: 'Bearer',
      refreshToken,
      refreshExpiresIn: this.config.jwt.refreshTtlSeconds,
    };
  }

  private newRefreshToken(userId: string, familyId: string, now: Date) {
    const token = randomBytes(32).toString('base64url');
    return {
      token,
      row: {
        id: randomUUID(),
        familyId,
        userId,
        tokenHash: hashOf(token),
        expiresAt: new Date(now.getTime() + this.config.jwt.refreshTtlSeconds * 1000),
      },
    };
  }
}
