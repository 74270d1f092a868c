import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public, Roles } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ReadAccessService } from '../../common/read-access.service';
import { RequestValidationException } from '../../common/request-validation.exception';
import { uuidParam } from '../../common/uuid-param';
import { AwardCertificatesService } from './award-certificates.service';
import { AwardRevocationService } from './award-revocation.service';
import { AwardVerificationService } from './award-verification.service';
import { RecoveryDto, RecoveryResultDto, RevokeAwardDto, VerificationDto } from './dto/award.dto';
import { ApiProblems, AuthenticatedApi } from '../../common/openapi/api-problems.decorator';

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

  @Get('awards/:id/certificate')
  @ApiOperation({ summary: 'Giấy chứng nhận (PDF) / The certificate as PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF', schema: { type: 'string', format: 'binary' } })
  async certificate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    await this.access.assertCanReadAward(user, id);
    reply.header('content-type', 'application/pdf');
    return this.certificates.certificatePdf(id);
  }

  @Post('awards/:id/revoke')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @Roles('AUTHORITY')
  @ApiOperation({ summary: 'Hủy bỏ quyết định khen thưởng / Revoke an award, with the reason' })
  @ApiOkResponse({ type: VerificationDto, description: 'The award as verification now shows it' })
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RevokeAwardDto,
  ): Promise<VerificationDto> {
    return this.revocation.revoke(user, id, body.reason);
  }

  @Post('awards/:id/recovery')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @Roles('AUTHORITY')
  @ApiOperation({ summary: 'Thu hồi hiện vật, tiền thưởng / Record the recovery after revocation' })
  @ApiOkResponse({ type: RecoveryResultDto })
  recover(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecoveryDto,
  ): Promise<RecoveryResultDto> {
    return this.revocation.recover(user, id, body.note);
  }

  @Get('verify/:code')
  @Public()
  @ApiOperation({ summary: 'Xác thực giấy chứng nhận (mã QR) / Verify a certificate (public)' })
  @ApiOkResponse({ type: VerificationDto })
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
