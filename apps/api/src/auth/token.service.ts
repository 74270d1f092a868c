import { createHash, createSecretKey, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JsonWebTokenError, JwtService, TokenExpiredError } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { RefreshTokenRepository, type RefreshTokenRevocation } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AccessTokenClaims } from './authenticated-user';
import type { AccessTokenDto } from './dto/login.dto';

/** An access token alone (a step-up keeps the session's refresh token). */
export type AccessTokenOnly = Pick<AccessTokenDto, 'accessToken' | 'expiresIn' | 'tokenType'>;

/** Who a second-factor challenge is for, and the account's token version when it was issued. */
export interface ChallengeClaims {
  sub: string;
  tv: number;
}

export const JWT_ISSUER = 'epw';
export const JWT_AUDIENCE = 'epw-api';
/** A login's answer that asks for the second factor: never accepted as an access token. */
export const CHALLENGE_AUDIENCE = 'epw-second-factor';
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
  /** The HMAC keys, current first, made once: given the secret as a string, jsonwebtoken first
   * tries it as a PEM public key on every call (a failed `createPublicKey`, 7-9 % of the API's CPU
   * per request in the bench profile). */
  private readonly signingKey: KeyObject;
  private readonly verifyingKeys: KeyObject[];

  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const key = (secret: string) => createSecretKey(Buffer.from(secret, 'utf8'));
    this.signingKey = key(config.jwt.secret);
    this.verifyingKeys = [config.jwt.secret, config.jwt.previousSecret]
      .filter((s): s is string => s !== null)
      .map(key);
  }

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
    const claims = await this.verify<AccessTokenClaims>(token, JWT_AUDIENCE);
    if (claims === 'expired') throw new DomainException(DomainErrorCode.TokenExpired);
    if (!claims) throw new DomainException(DomainErrorCode.Unauthenticated);
    return claims;
  }

  /** A new access token for the same session (a step-up: `claims.sfa` says when). */
  async accessToken(claims: AccessTokenClaims): Promise<AccessTokenOnly> {
    return {
      accessToken: await this.signAccess(claims),
      expiresIn: this.config.jwt.ttlSeconds,
      tokenType: 'Bearer',
    };
  }

  /**
   * The answer to a right password of an account with a second factor: a short-lived token naming
   * the account (MFA_CHALLENGE_SECONDS), exchanged with a code at POST /auth/login/second-factor.
   * Its audience keeps it from ever passing as an access token.
   */
  issueChallenge(claims: ChallengeClaims): Promise<string> {
    return this.jwt.signAsync(
      { sub: claims.sub, tv: claims.tv },
      {
        secret: asSecret(this.signingKey),
        algorithm: ALGORITHMS[0],
        expiresIn: this.config.secondFactor.challengeSeconds,
        issuer: JWT_ISSUER,
        audience: CHALLENGE_AUDIENCE,
        jwtid: randomUUID(),
      },
    );
  }

  /** The claims of a valid challenge; an expired or forged one: SECOND_FACTOR_CHALLENGE_INVALID. */
  async verifyChallenge(token: string): Promise<ChallengeClaims> {
    const claims = await this.verify<ChallengeClaims>(token, CHALLENGE_AUDIENCE);
    if (!claims || claims === 'expired' || typeof claims.sub !== 'string')
      throw new DomainException(DomainErrorCode.SecondFactorChallengeInvalid);
    return { sub: claims.sub, tv: typeof claims.tv === 'number' ? claims.tv : 0 };
  }

  /** The claims of a token of ours for `audience` (either key), 'expired', or null. */
  private async verify<T extends object>(
    token: string,
    audience: string,
  ): Promise<T | 'expired' | null> {
    for (const secret of this.verifyingKeys) {
      try {
        return await this.jwt.verifyAsync<T>(token, {
          // @nestjs/jwt types the option as string | Buffer; it hands it to jsonwebtoken as it is,
          // which takes a KeyObject (JwtModuleOptions.secret is jsonwebtoken's Secret).
          secret: asSecret(secret),
          algorithms: ALGORITHMS,
          issuer: JWT_ISSUER,
          audience,
        });
      } catch (err) {
        // The signature is checked before the expiry, so an expired token was ours.
        if (err instanceof TokenExpiredError) return 'expired';
        if (err instanceof JsonWebTokenError && err.message === 'invalid signature') continue;
        break;
      }
    }
    return null;
  }

  private async reused(familyId: string, now: Date): Promise<never> {
    const revoked = await this.refreshTokens.revokeFamily(familyId, 'reuse', now);
    this.logger.warn({ familyId, revoked }, 'refresh token reused: family revoked');
    throw new DomainException(DomainErrorCode.RefreshTokenReused);
  }

  private signAccess(claims: AccessTokenClaims): Promise<string> {
    return this.jwt.signAsync(
      { ...claims },
      {
        secret: asSecret(this.signingKey),
        algorithm: ALGORITHMS[0],
        expiresIn: this.config.jwt.ttlSeconds,
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        jwtid: randomUUID(),
      },
    );
  }

  private async pair(claims: AccessTokenClaims, refreshToken: string): Promise<AccessTokenDto> {
    return {
      accessToken: await this.signAccess(claims),
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

/** A KeyObject where @nestjs/jwt's per-call options say string | Buffer (see verify above). */
const asSecret = (key: KeyObject) => key as unknown as Buffer;
