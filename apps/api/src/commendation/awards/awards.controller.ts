import { Body, Controller, Param, Res } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public, Roles } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { fileReply, PDF, PdfRoute } from '../../common/file-answer';
import { ReadAccessService } from '../../common/read-access.service';
import { RequestValidationException } from '../../common/request-validation.exception';
import { AwardCertificatesService } from './award-certificates.service';
import { AwardRevocationService } from './award-revocation.service';
import { AwardVerificationService } from './award-verification.service';
import { RecoveryDto, RecoveryResultDto, RevokeAwardDto, VerificationDto } from './dto/award.dto';
import { AuthenticatedApi } from '../../common/openapi/api-problems.decorator';
import { ActionRoute, ReadRoute, UuidParam } from '../../common/route.decorators';

const CODE = /^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/;

@AuthenticatedApi('awards')
@Controller()
export class AwardsController {
  constructor(
    private readonly certificates: AwardCertificatesService,
    private readonly revocation: AwardRevocationService,
    private readonly verification: AwardVerificationService,
    private readonly access: ReadAccessService,
  ) {}

  @PdfRoute({
    path: 'awards/:id/certificate',
    summary: 'Giấy chứng nhận (PDF) / The certificate as PDF',
  })
  async certificate(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    await this.access.assertCanReadAward(user, id);
    fileReply(reply, PDF);
    return this.certificates.certificatePdf(id);
  }

  @ActionRoute({
    path: 'awards/:id/revoke',
    summary: 'Hủy bỏ quyết định khen thưởng / Revoke an award, with the reason',
    ok: VerificationDto,
    description: 'The award as verification now shows it',
  })
  @Roles('AUTHORITY')
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RevokeAwardDto,
  ): Promise<VerificationDto> {
    return this.revocation.revoke(user, id, body.reason);
  }

  @ActionRoute({
    path: 'awards/:id/recovery',
    summary: 'Thu hồi hiện vật, tiền thưởng / Record the recovery after revocation',
    ok: RecoveryResultDto,
  })
  @Roles('AUTHORITY')
  recover(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecoveryDto,
  ): Promise<RecoveryResultDto> {
    return this.revocation.recover(user, id, body.note);
  }

  @ReadRoute({
    path: 'verify/:code',
    summary: 'Xác thực giấy chứng nhận (mã QR) / Verify a certificate (public)',
    ok: VerificationDto,
  })
  @Public()
  @ApiParam({ name: 'code', schema: { type: 'string', pattern: CODE.source } })
  verify(@Param('code') code: string): Promise<VerificationDto> {
    if (!CODE.test(code)) {
      throw new RequestValidationException([
        { field: 'code', rule: 'matches', message: 'code must look like XXXX-XXXX-XXXX' },
      ]);
    }
    return this.verification.verify(code);
  }
}
