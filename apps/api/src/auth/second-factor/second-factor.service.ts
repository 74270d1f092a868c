import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  SecondFactorRepository,
  type SecondFactorRecord,
  type SecondFactorSubject,
  UserRepository,
} from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../authenticated-user';
import type { MeSecondFactorDto } from '../dto/login.dto';
import { LoginThrottleService } from '../login-throttle.service';
import { claimsOf } from '../session-claims';
import { TokenService } from '../token.service';
import type {
  SecondFactorChallengeDto,
  SecondFactorEnabledDto,
  SecondFactorEnrolmentDto,
  SecondFactorStatusDto,
  StepUpDto,
} from './dto/second-factor.dto';
import { newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { SecondFactorCrypto } from './second-factor-crypto';
import { mustEnrolFirst, secondFactorRequiredFor } from './second-factor.policy';
import {
  isTotpCode,
  matchTotp,
  newTotpSecret,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  totpUri,
} from './totp';

/**
 * TOTP second factor: enrolment (a secret shown once as a QR code, turned on by its first code,
 * with ten one-time recovery codes), the code at login, step-up before signing, voting and
 * issuing, and turning it off. Every code check is throttled per account (LoginThrottleService)
 * and a code is accepted once: never again, nor one of an earlier time step.
 */
@Injectable()
export class SecondFactorService {
  private readonly crypto: SecondFactorCrypto;

  constructor(
    private readonly secondFactors: SecondFactorRepository,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.crypto = new SecondFactorCrypto(config.secondFactor.encryptionKey);
  }

  /** Whether the account has a second factor on (a login then asks for a code). */
  async isEnabled(userId: string): Promise<boolean> {
    return !!(await this.secondFactors.findByUser(userId))?.enabledAt;
  }

  async summary(userId: string, roles: readonly string[]): Promise<MeSecondFactorDto> {
    const enabled = await this.isEnabled(userId);
    const policy = this.config.secondFactor;
    return {
      enabled,
      required: secondFactorRequiredFor(roles, policy),
      mustEnrol: mustEnrolFirst(roles, enabled, policy),
    };
  }

  async status(user: AuthenticatedUser): Promise<SecondFactorStatusDto> {
    const record = await this.secondFactors.findByUser(user.userId);
    const enabled = !!record?.enabledAt;
    const policy = this.config.secondFactor;
    return {
      enabled,
      pending: !!record && !record.enabledAt,
      enabledAt: record?.enabledAt?.toISOString() ?? null,
      required: secondFactorRequiredFor(user.roles, policy),
      mustEnrol: mustEnrolFirst(user.roles, enabled, policy),
      enforcement: policy.enforcement,
      recoveryCodesLeft: enabled
        ? await this.secondFactors.countUnusedRecoveryCodes(user.userId)
        : 0,
      stepUpSeconds: policy.stepUpSeconds,
    };
  }

  /** The answer to the right password of an account with a second factor. */
  async challenge(user: { id: string; tokenVersion: number }): Promise<SecondFactorChallengeDto> {
    return {
      secondFactorRequired: true,
      challenge: await this.tokens.issueChallenge({ sub: user.id, tv: user.tokenVersion }),
      challengeExpiresIn: this.config.secondFactor.challengeSeconds,
    };
  }

  /** A new secret, waiting for its first code (an earlier pending one is replaced). */
  async startEnrolment(user: AuthenticatedUser): Promise<SecondFactorEnrolmentDto> {
    const secret = newTotpSecret();
    const subject = subjectOf(user);
    if (!(await this.secondFactors.startEnrolment(subject, this.crypto.seal(user.userId, secret))))
      throw new DomainException(DomainErrorCode.SecondFactorAlreadyEnabled);
    const { issuer } = this.config.secondFactor;
    const otpauthUri = totpUri(secret, issuer, user.username);
    return {
      secret,
      otpauthUri,
      qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 256,
      }),
      issuer,
      accountName: user.username,
      digits: TOTP_DIGITS,
      periodSeconds: TOTP_PERIOD_SECONDS,
    };
  }

  /** The first code turns the pending enrolment on; the recovery codes are shown only now. */
  async confirmEnrolment(
    user: AuthenticatedUser,
    code: string,
    ip: string,
  ): Promise<SecondFactorEnabledDto> {
    const record = await this.secondFactors.findByUser(user.userId);
    if (!record) throw new DomainException(DomainErrorCode.SecondFactorNotEnrolled);
    if (record.enabledAt) throw new DomainException(DomainErrorCode.SecondFactorAlreadyEnabled);
    const recoveryCodes = newRecoveryCodes();
    const now = new Date();
    await this.throttled(user.userId, ip, async () => {
      const step = matchTotp(
        this.crypto.open(user.userId, record.secretEncrypted),
        code,
        now.getTime(),
      );
      if (step === null) return false;
      return this.secondFactors.confirmEnrolment(
        subjectOf(user),
        step,
        recoveryCodes.map((c) =>
          this.crypto.recoveryCodeHash(user.userId, normalizeRecoveryCode(c) ?? c),
        ),
      );
    });
    return { ...(await this.freshAccess(user.userId, now)), recoveryCodes };
  }

  /** A code (or a recovery code) again: the session's access token records the check. */
  async stepUp(user: AuthenticatedUser, code: string, ip: string): Promise<StepUpDto> {
    const record = await this.enabledOrFail(user.userId);
    const now = new Date();
    await this.throttled(user.userId, ip, () => this.accepts(subjectOf(user), record, code, now));
    return this.freshAccess(user.userId, now);
  }

  /** The holder turns it off with a code; not an account whose roles call for one. */
  async disable(user: AuthenticatedUser, code: string, ip: string): Promise<void> {
    if (secondFactorRequiredFor(user.roles, this.config.secondFactor))
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason:
          'vai trò của tài khoản bắt buộc xác thực hai lớp; mất thiết bị thì nhờ quản trị viên đặt lại',
      });
    const record = await this.enabledOrFail(user.userId);
    const subject = subjectOf(user);
    await this.throttled(user.userId, ip, () => this.accepts(subject, record, code, new Date()));
    if (!(await this.secondFactors.disable(subject)))
      throw new DomainException(DomainErrorCode.SecondFactorNotEnrolled);
  }

  /** The login's second step: the code of the account named by the challenge. */
  async verifyLogin(subject: SecondFactorSubject, code: string, ip: string, now: Date) {
    const record = await this.enabledOrFail(subject.id);
    await this.throttled(subject.id, ip, () => this.accepts(subject, record, code, now));
  }

  /** An administrator removes it (a lost phone); every session of the account ends. */
  async reset(actorUserId: string, subject: SecondFactorSubject) {
    return this.secondFactors.reset(actorUserId, subject);
  }

  /** A TOTP code of a step after the last one used, or an unused recovery code. */
  private async accepts(
    subject: SecondFactorSubject,
    record: SecondFactorRecord,
    code: string,
    now: Date,
  ): Promise<boolean> {
    if (isTotpCode(code)) {
      const step = matchTotp(
        this.crypto.open(subject.id, record.secretEncrypted),
        code,
        now.getTime(),
      );
      return (
        step !== null &&
        step > record.lastUsedStep &&
        (await this.secondFactors.acceptStep(subject.id, step))
      );
    }
    const recovery = normalizeRecoveryCode(code);
    return (
      recovery !== null &&
      (await this.secondFactors.useRecoveryCode(
        subject,
        this.crypto.recoveryCodeHash(subject.id, recovery),
      ))
    );
  }

  /** Runs a code check under the account's failure limit: a refused code counts, a right one
   * forgives the earlier failures, a check that could not be made (the database) does neither. */
  private async throttled(userId: string, ip: string, check: () => Promise<boolean>) {
    await this.throttle.begin(userId, ip, 'second-factor');
    let ok: boolean;
    try {
      ok = await check();
    } catch (err) {
      await this.throttle.abandoned(userId, ip, 'second-factor');
      throw err;
    }
    if (!ok) throw new DomainException(DomainErrorCode.SecondFactorCodeInvalid);
    await this.throttle.succeeded(userId, ip, 'second-factor');
  }

  private async enabledOrFail(userId: string): Promise<SecondFactorRecord> {
    const record = await this.secondFactors.findByUser(userId);
    if (!record?.enabledAt) throw new DomainException(DomainErrorCode.SecondFactorNotEnrolled);
    return record;
  }

  /** An access token of the account as it is now, recording a second-factor check at `at`. */
  private async freshAccess(userId: string, at: Date): Promise<StepUpDto> {
    const user = await this.users.findById(userId);
    if (!user?.active) throw new DomainException(DomainErrorCode.Unauthenticated);
    return {
      ...(await this.tokens.accessToken(claimsOf(user, at))),
      stepUpExpiresIn: this.config.secondFactor.stepUpSeconds,
    };
  }
}

function subjectOf(user: AuthenticatedUser): SecondFactorSubject {
  return { id: user.userId, username: user.username };
}
