import { Module } from '@nestjs/common';
import { AwardCertificatesService } from './award-certificates.service';
import { AwardRevocationService } from './award-revocation.service';
import { AwardVerificationService } from './award-verification.service';
import { AwardsController } from './awards.controller';

/** Awards given: certificates, public verification, revocation and recovery. */
@Module({
  controllers: [AwardsController],
  providers: [AwardCertificatesService, AwardVerificationService, AwardRevocationService],
  exports: [AwardCertificatesService],
})
export class AwardsModule {}
