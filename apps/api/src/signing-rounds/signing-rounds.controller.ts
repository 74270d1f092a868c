import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { fileReply, PDF, PdfRoute } from '../common/file-answer';
import { roundIdParam } from '../common/pattern-param';
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
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import {
  ActionRoute,
  CreateRoute,
  IdempotencyKey,
  ReadRoute,
  UuidParam,
} from '../common/route.decorators';

@AuthenticatedApi('pledge signing')
@Controller()
export class SigningRoundsController {
  constructor(
    private readonly rounds: SigningRoundsService,
    private readonly personalSignatures: SignedCopySignaturesService,
  ) {}

  @CreateRoute({
    path: 'cycles/:cycleId/signing-round',
    summary: 'Cụm trưởng mở đợt ký kết giao ước / The cluster head opens the signing round',
    created: SigningStatusDto,
  })
  open(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Body() body: OpenSigningRoundDto,
  ): Promise<SigningStatusDto> {
    return this.rounds.open(user, cycleId, body, Date.now());
  }

  @ReadRoute({
    path: 'signing-rounds/:roundId',
    summary: 'Tình trạng ký kết (trực tiếp) / Live status: who signed, when, who is missing',
    ok: SigningStatusDto,
  })
  status(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.status(user, roundId);
  }

  @ReadRoute({
    path: 'signing-rounds/:roundId/signatures',
    summary: 'Chữ ký đã ghi nhận / Recorded signatures and declines (PostgreSQL)',
    ok: [SignatureDto],
  })
  signatures(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Query() query: ListSignaturesQueryDto,
  ): Promise<SignatureDto[]> {
    return this.rounds.signatures(user, roundId, query.includeInvalidated);
  }

  @ReadRoute({
    path: 'signing-rounds/:roundId/audit',
    summary: 'Nhật ký kiểm toán của đợt ký / Audit trail of the round',
    ok: [AuditEntryDto],
  })
  audit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
  ): Promise<AuditEntryDto[]> {
    return this.rounds.auditTrail(user, roundId);
  }

  @PdfRoute({
    path: 'signing-rounds/:roundId/package.pdf',
    summary:
      'Hồ sơ hội nghị ký kết (PDF, ký số) / The conference package: documents, rules, pledge items',
  })
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

  @PdfRoute({
    path: 'signing-rounds/:roundId/signed-copy.pdf',
    summary:
      'Bản ký kết (PDF, ký số) / The signed copy with its completion certificate, once effective or overdue',
  })
  async signedCopyPdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.rounds.signedCopyPdf(user, roundId);
    fileReply(reply, PDF, `${roundId}-signed.pdf`);
    return pdf;
  }

  @ReadRoute({
    path: 'signing-rounds/:roundId/signed-copy/signatures',
    summary:
      'Chữ ký số cá nhân trên bản ký kết / Personal digital signatures added to the signed copy',
    ok: [PersonalSignatureDto],
  })
  personalSignaturesOf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
  ): Promise<PersonalSignatureDto[]> {
    return this.personalSignatures.list(user, roundId);
  }

  @CreateRoute({
    path: 'signing-rounds/:roundId/signed-copy/signatures',
    summary:
      'Người ký của đơn vị thành viên ký số bằng chứng thư cá nhân / A member unit signer adds a personal digital signature (PKCS#12, incremental: the seal and earlier signatures stay valid)',
    created: PersonalSignatureDto,
    stepUp: true,
  })
  addPersonalSignature(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: AddPersonalSignatureDto,
  ): Promise<PersonalSignatureDto> {
    return this.personalSignatures.add(user, roundId, body);
  }

  @ActionRoute({
    path: 'signing-rounds/:roundId/sign',
    summary: 'Đơn vị ký giao ước / A member unit signs the current pledge version',
    ok: SigningStatusDto,
    stepUp: true,
  })
  sign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: SignPledgeDto,
    @IdempotencyKey() key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.sign(user, roundId, body, key);
  }

  @ActionRoute({
    path: 'signing-rounds/:roundId/decline',
    summary: 'Đơn vị từ chối ký, nêu lý do / A member unit declines, with a reason',
    ok: SigningStatusDto,
  })
  decline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: DeclinePledgeDto,
    @IdempotencyKey() key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.decline(user, roundId, body, key);
  }

  @ActionRoute({
    path: 'signing-rounds/:roundId/amend',
    summary: 'Cụm trưởng sửa đổi nội dung / The head amends the text (earlier signatures lapse)',
    ok: SigningStatusDto,
  })
  amend(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: AmendPledgeDto,
    @IdempotencyKey() key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.amend(user, roundId, body, key);
  }

  @ActionRoute({
    path: 'signing-rounds/:roundId/deadline',
    summary: 'Cụm trưởng dời hạn ký / The head moves the deadline later (reminders move too)',
    ok: SigningStatusDto,
  })
  extendDeadline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: ExtendDeadlineDto,
    @IdempotencyKey() key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.extendDeadline(user, roundId, body, key);
  }

  @ActionRoute({
    path: 'signing-rounds/:roundId/countersign',
    summary: 'Cụm trưởng ký xác nhận / The head countersigns; the pledge takes effect',
    ok: SigningStatusDto,
    stepUp: true,
  })
  countersign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('roundId', roundIdParam()) roundId: string,
    @Body() body: CountersignPledgeDto,
    @IdempotencyKey() key?: string,
  ): Promise<SigningStatusDto> {
    return this.rounds.countersign(user, roundId, body, key);
  }
}
