import { Injectable } from '@nestjs/common';
import { AwardRepository, type AwardRecord } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { AwardVerificationService } from './award-verification.service';
import type { RecoveryResultDto, VerificationDto } from './dto/award.dto';

/** Cancellation and recovery (hủy bỏ, thu hồi, Law 06/2022 ch. VII) by the deciding authority. */
@Injectable()
export class AwardRevocationService {
  constructor(
    private readonly awards: AwardRepository,
    private readonly verification: AwardVerificationService,
  ) {}

  async revoke(user: AuthenticatedUser, id: string, reason: string): Promise<VerificationDto> {
    const a = await this.getOrFail(id);
    this.assertDecidingAuthority(user, a);
    if (a.revokedAt) throw new DomainException(DomainErrorCode.AwardRevoked);
    await this.awards.revoke(a, user.userId, reason);
    return this.verification.view(await this.getOrFail(id));
  }

  async recover(user: AuthenticatedUser, id: string, note: string): Promise<RecoveryResultDto> {
    const a = await this.getOrFail(id);
    this.assertDecidingAuthority(user, a);
    if (!a.revokedAt) throw new DomainException(DomainErrorCode.AwardNotRevoked);
    const recoveredAt = await this.awards.recordRecovery(id, user.userId, note);
    return { id, recoveredAt: recoveredAt?.toISOString() ?? null, note };
  }

  private async getOrFail(id: string): Promise<AwardRecord> {
    const a = await this.awards.findById(id);
    if (!a) throw new DomainException(DomainErrorCode.AwardNotFound);
    return a;
  }

  private assertDecidingAuthority(user: AuthenticatedUser, a: AwardRecord): void {
    if (!user.roles.includes('AUTHORITY') || !user.unitId || user.unitId !== a.authorityUnitId) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'chỉ cơ quan đã quyết định khen thưởng mới được hủy bỏ, thu hồi',
      });
    }
  }
}
