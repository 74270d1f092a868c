import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PrismaService } from '../prisma.service';
import { RefreshTokenRepository } from './refresh-token.repository';

/** An account's TOTP second factor as stored: the secret is ciphertext (see UserSecondFactor). */
export interface SecondFactorRecord {
  userId: string;
  secretEncrypted: string;
  /** The time step of the last code accepted (0: none yet). */
  lastUsedStep: number;
  /** Null while the enrolment waits for its first code. */
  enabledAt: Date | null;
}

/** The account a second-factor change is about, as the audit entry names it. */
export interface SecondFactorSubject {
  id: string;
  username: string;
}

const ENTITY = 'User';

/** Thrown inside an audited transaction whose condition no longer holds: nothing is written. */
class NotApplied extends Error {}

async function applied(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if (err instanceof NotApplied) return false;
    throw err;
  }
}

/**
 * TOTP secrets, the last time step each account used, and its one-time recovery codes. Every
 * change an account holder or an administrator makes is audited (`user.second-factor-*`); a code
 * accepted at login only moves the account's last used step on, atomically, so a code works once.
 */
@Injectable()
export class SecondFactorRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  findByUser(userId: string): Promise<SecondFactorRecord | null> {
    return this.prisma.userSecondFactor.findUnique({
      where: { userId },
      select: { userId: true, secretEncrypted: true, lastUsedStep: true, enabledAt: true },
    });
  }

  /** Unused recovery codes of the account. */
  countUnusedRecoveryCodes(userId: string): Promise<number> {
    return this.prisma.secondFactorRecoveryCode.count({ where: { userId, usedAt: null } });
  }

  /**
   * A new secret waiting for its first code (a pending one is replaced), audited as
   * `user.second-factor-enrolment-started`. False when the account already has a second factor on.
   */
  startEnrolment(user: SecondFactorSubject, secretEncrypted: string): Promise<boolean> {
    return applied(() =>
      this.audit.recordOnce(
        {
          eventKey: `user-${user.id}/second-factor-enrolment-${randomUUID()}`,
          actorUserId: user.id,
          action: 'user.second-factor-enrolment-started',
          entityType: ENTITY,
          entityId: user.id,
          payload: { username: user.username, method: 'TOTP' },
        },
        async (tx) => {
          const current = await tx.userSecondFactor.findUnique({
            where: { userId: user.id },
            select: { enabledAt: true },
          });
          if (current?.enabledAt) throw new NotApplied();
          await tx.userSecondFactor.upsert({
            where: { userId: user.id },
            create: { userId: user.id, secretEncrypted },
            update: { secretEncrypted, lastUsedStep: 0, createdAt: new Date() },
          });
        },
      ),
    );
  }

  /**
   * Turns the pending enrolment on with the step of its first code and stores the hashes of the
   * new recovery codes (earlier ones are dropped), audited as `user.second-factor-enabled`. False
   * when nothing was pending any more, or that step was already used.
   */
  confirmEnrolment(
    user: SecondFactorSubject,
    step: number,
    recoveryCodeHashes: readonly string[],
  ): Promise<boolean> {
    return applied(() =>
      this.audit.recordOnce(
        {
          eventKey: `user-${user.id}/second-factor-enabled-${randomUUID()}`,
          actorUserId: user.id,
          action: 'user.second-factor-enabled',
          entityType: ENTITY,
          entityId: user.id,
          payload: {
            username: user.username,
            method: 'TOTP',
            recoveryCodes: recoveryCodeHashes.length,
          },
        },
        async (tx, at) => {
          const { count } = await tx.userSecondFactor.updateMany({
            where: { userId: user.id, enabledAt: null, lastUsedStep: { lt: step } },
            data: { enabledAt: at, lastUsedStep: step },
          });
          if (count !== 1) throw new NotApplied();
          await tx.secondFactorRecoveryCode.deleteMany({ where: { userId: user.id } });
          await tx.secondFactorRecoveryCode.createMany({
            data: recoveryCodeHashes.map((codeHash) => ({ userId: user.id, codeHash })),
          });
        },
      ),
    );
  }

  /** Accepts a code of `step` for a second factor that is on: false if this step or a later one
   * was already used (a replayed code), in one conditional update. */
  async acceptStep(userId: string, step: number): Promise<boolean> {
    const { count } = await this.prisma.userSecondFactor.updateMany({
      where: { userId, enabledAt: { not: null }, lastUsedStep: { lt: step } },
      data: { lastUsedStep: step },
    });
    return count === 1;
  }

  /** Uses up one recovery code, audited as `user.second-factor-recovery-code-used` (with how many
   * are left): false if no unused code of the account has this hash. */
  useRecoveryCode(user: SecondFactorSubject, codeHash: string): Promise<boolean> {
    return applied(() =>
      this.audit.recordOnce(
        {
          eventKey: `user-${user.id}/second-factor-recovery-${randomUUID()}`,
          actorUserId: user.id,
          action: 'user.second-factor-recovery-code-used',
          entityType: ENTITY,
          entityId: user.id,
          payload: { username: user.username },
        },
        async (tx, at) => {
          const { count } = await tx.secondFactorRecoveryCode.updateMany({
            where: { userId: user.id, codeHash, usedAt: null },
            data: { usedAt: at },
          });
          if (count !== 1) throw new NotApplied();
        },
      ),
    );
  }

  /** The holder turns their second factor off (secret and recovery codes deleted), audited as
   * `user.second-factor-disabled`. False when it was not on. */
  disable(user: SecondFactorSubject): Promise<boolean> {
    return applied(() =>
      this.audit.recordOnce(
        {
          eventKey: `user-${user.id}/second-factor-disabled-${randomUUID()}`,
          actorUserId: user.id,
          action: 'user.second-factor-disabled',
          entityType: ENTITY,
          entityId: user.id,
          payload: { username: user.username },
        },
        async (tx) => {
          const { count } = await tx.userSecondFactor.deleteMany({
            where: { userId: user.id, enabledAt: { not: null } },
          });
          if (count !== 1) throw new NotApplied();
          await tx.secondFactorRecoveryCode.deleteMany({ where: { userId: user.id } });
        },
      ),
    );
  }

  /**
   * An administrator removes the account's second factor (a lost phone), audited as
   * `user.second-factor-reset`: its secret and recovery codes are deleted and every session of the
   * account ends (refresh tokens revoked, token version moved on), so whoever holds a session
   * cannot enrol a device of their own in its place.
   */
  async reset(
    actorUserId: string,
    user: SecondFactorSubject,
  ): Promise<{ hadSecondFactor: boolean }> {
    let hadSecondFactor = false;
    await this.audit.recordOnce(
      {
        eventKey: `user-${user.id}/second-factor-reset-${randomUUID()}`,
        actorUserId,
        action: 'user.second-factor-reset',
        entityType: ENTITY,
        entityId: user.id,
        payload: { username: user.username },
      },
      async (tx, at) => {
        const { count } = await tx.userSecondFactor.deleteMany({ where: { userId: user.id } });
        hadSecondFactor = count > 0;
        await tx.secondFactorRecoveryCode.deleteMany({ where: { userId: user.id } });
        await tx.user.update({
          where: { id: user.id },
          data: { tokenVersion: { increment: 1 } },
        });
        await this.refreshTokens.revokeAllOfUser(tx, user.id, 'second-factor-reset', at);
      },
    );
    return { hadSecondFactor };
  }
}
