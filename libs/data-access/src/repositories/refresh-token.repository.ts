import { Injectable } from '@nestjs/common';
import { PrismaService, type PrismaTx } from '../prisma.service';

export interface NewRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
}

export type RefreshTokenRevocation =
  | 'logout'
  | 'reuse'
  | 'inactive-user'
  | 'deactivated'
  | 'password-reset'
  | 'second-factor-reset';

/** Refresh tokens by the hash of their value (the value itself is never stored). */
@Injectable()
export class RefreshTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByHash(tokenHash: string) {
    return this.prisma.refreshToken.findUnique({ where: { tokenHash } });
  }

  /** The first token of a login's family; the user's long-expired tokens are pruned on the way
   * (no transaction: the two writes need not agree, and a login should not wait for one). */
  async issue(token: NewRefreshToken, now: Date): Promise<void> {
    await this.prisma.refreshToken.create({ data: token });
    await this.prisma.refreshToken.deleteMany({
      where: { userId: token.userId, expiresAt: { lt: new Date(now.getTime() - 86_400_000) } },
    });
  }

  /**
   * Marks `usedId` used and stores its successor, in one transaction. False when the token was
   * used or revoked meanwhile (two exchanges of one token race: only one wins).
   */
  async rotate(usedId: string, next: NewRefreshToken, now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.refreshToken.updateMany({
        where: { id: usedId, usedAt: null, revokedAt: null },
        data: { usedAt: now, replacedById: next.id },
      });
      if (count === 0) return false;
      await tx.refreshToken.create({ data: next });
      return true;
    });
  }

  /** Revokes every still-valid token of the family; returns how many. */
  async revokeFamily(familyId: string, reason: RefreshTokenRevocation, now: Date): Promise<number> {
    const { count } = await this.prisma.refreshToken.updateMany({
      where: { familyId, revokedAt: null },
      data: { revokedAt: now, revokedReason: reason },
    });
    return count;
  }

  /** Revokes every still-valid token of the user (deactivation, password reset by an
   * administrator), inside the caller's transaction; returns how many. */
  async revokeAllOfUser(
    tx: PrismaTx,
    userId: string,
    reason: RefreshTokenRevocation,
    now: Date,
  ): Promise<number> {
    const { count } = await tx.refreshToken.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: now, revokedReason: reason },
    });
    return count;
  }
}
