import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, RequiresStepUp } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { roundIdParam } from '../common/pattern-param';
import { uuidParam } from '../common/uuid-param';
import {
  AddPersonalSignatureDto,
  AmendPledgeDto,
  AuditEntryDto,
  CountersignPledgeDto,
  DeclinePledgeDto,
  ExtendDeadlineDto,
  ListSignaturesQueryDto,
  OpenSigningRoundDto,
  PersonalSignatureDto,
  SignPledgeDto,
  SignatureDto,
  SigningStatusDto,
} from './dto/signing-round.dto';
import { SignedCopySignaturesService } from './signed-copy-signatures.service';
import { SigningRoundsService } from './signing-rounds.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';

@AuthenticatedApi('pledge signing')
@Controller()
export class SigningRoundsController {
  constructor(
    private readonly rounds: SigningRoundsService,
    private readonly personalSignatures: SignedCopySignaturesService,
  ) {}

  @Post('cycles/:cycleId/signing-round')
  @ApiProblems(409, 422)
  @ApiOperation({
    summary: 'Cụm trưởng mở đợt ký kết giao ước / The cluster head opens the signing round',
  })
  @ApiCreatedResponse({ type: SigningStatusDto })
  open(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Body() body: OpenSigningRoundDto,
  ): Promise<SigningStatusDto> {
    return this.rounds.open(user, cycleId, body, Date.now());
  }

  @Get('signing-rounds/:roundId')
  @ApiOperation({
    summary: 'Tình trạng ký kết (trực tiếp) / Live status: who signed, when, who is missing',
  })
  @ApiOkResponse({ type: SigningStatusDto })
  status(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.status(user, roundId);
  }

  @Get('signing-rounds/:roundId/signatures')
  @ApiOperation({ summary: 'Chữ ký đã ghi nhận / Recorded signatures and declines (PostgreSQL)' })
  @ApiOkResponse({ type: [SignatureDto] })
  signatures(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Query() query: ListSignaturesQueryDto,
  ): Promise<SignatureDto[]> {
    return this.rounds.signatures(user, roundId, query.includeInvalidated);
  }

  @Get('signing-rounds/:roundId/audit')
  @ApiOperation({ summary: 'Nhật ký kiểm toán của đợt ký / Audit trail of the round' })
  @ApiOkResponse({ type: [AuditEntryDto] })
  audit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
  ): Promise<AuditEntryDto[]> {
    return this.rounds.auditTrail(user, roundId);
  }

  @Get('signing-rounds/:roundId/package.pdf')
  @ApiOperation({
    summary:
      'Hồ sơ hội nghị ký kết (PDF, ký số) / The conference package: documents, rules, pledge items',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF', schema: { type: 'string', format: 'binary' } })
  async packagePdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.rounds.packagePdf(user, roundId);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `inline; filename="${roundId}-package.pdf"`);
    return pdf;
  }

  @Get('signing-rounds/:roundId/signed-copy.pdf')
  @ApiOperation({
    summary:
      'Bản ký kết (PDF, ký số) / The signed copy with its completion certificate, once effective or overdue',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF', schema: { type: 'string', format: 'binary' } })
  async signedCopyPdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.rounds.signedCopyPdf(user, roundId);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="${roundId}-signed.pdf"`);
    return pdf;
  }

  @Get('signing-rounds/:roundId/signed-copy/signatures')
  @ApiOperation({
    summary:
      'Chữ ký số cá nhân trên bản ký kết / Personal digital signatures added to the signed copy',
  })
  @ApiOkResponse({ type: [PersonalSignatureDto] })
  personalSignaturesOf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
  ): Promise<PersonalSignatureDto[]> {
    return this.personalSignatures.list(user, roundId);
  }

  @Post('signing-rounds/:roundId/signed-copy/signatures')
  @RequiresStepUp()
  @ApiProblems(409, 422)
  @ApiOperation({
    summary:
      'Người ký của đơn vị thành viên ký số bằng chứng thư cá nhân / A member unit signer adds a personal digital signature (PKCS#12, incremental: the seal and earlier signatures stay valid)',
  })
  @ApiCreatedResponse({ type: PersonalSignatureDto })
  addPersonalSignature(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: AddPersonalSignatureDto,
  ): Promise<PersonalSignatureDto> {
    return this.personalSignatures.add(user, roundId, body);
  }

  @Post('signing-rounds/:roundId/sign')
  @RequiresStepUp()
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Đơn vị ký giao ước / A member unit signs the current pledge version' })
  @ApiOkResponse({ type: SigningStatusDto })
  sign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: SignPledgeDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.sign(user, roundId, body, key);
  }

  @Post('signing-rounds/:roundId/decline')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Đơn vị từ chối ký, nêu lý do / A member unit declines, with a reason' })
  @ApiOkResponse({ type: SigningStatusDto })
  decline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: DeclinePledgeDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.decline(user, roundId, body, key);
  }

  @Post('signing-rounds/:roundId/amend')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cụm trưởng sửa đổi nội dung / The head amends the text (earlier signatures lapse)',
  })
  @ApiOkResponse({ type: SigningStatusDto })
  amend(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: AmendPledgeDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.amend(user, roundId, body, key);
  }

  @Post('signing-rounds/:roundId/deadline')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cụm trưởng dời hạn ký / The head moves the deadline later (reminders move too)',
  })
  @ApiOkResponse({ type: SigningStatusDto })
  extendDeadline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: ExtendDeadlineDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.extendDeadline(user, roundId, body, key);
  }

  @Post('signing-rounds/:roundId/countersign')
  @RequiresStepUp()
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cụm trưởng ký xác nhận / The head countersigns; the pledge takes effect',
  })
  @ApiOkResponse({ type: SigningStatusDto })
  countersign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: CountersignPledgeDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.countersign(user, roundId, body, key);
  }
}
