import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { roundIdParam } from '../common/pattern-param';
import { uuidParam } from '../common/uuid-param';
import {
  AmendPledgeDto,
  AuditEntryDto,
  CountersignPledgeDto,
  DeclinePledgeDto,
  ExtendDeadlineDto,
  ListSignaturesQueryDto,
  OpenSigningRoundDto,
  SignPledgeDto,
  SignatureDto,
  SigningStatusDto,
} from './dto/signing-round.dto';
import { SigningRoundsService } from './signing-rounds.service';

const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key returns the first outcome instead of acting twice',
});

@ApiTags('pledge signing')
@ApiBearerAuth()
@Controller()
export class SigningRoundsController {
  constructor(private readonly rounds: SigningRoundsService) {}

  @Post('cycles/:cycleId/signing-round')
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

  @Post('signing-rounds/:roundId/sign')
  @HttpCode(200)
  @idempotencyHeader
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
  @HttpCode(200)
  @idempotencyHeader
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
  @HttpCode(200)
  @idempotencyHeader
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
  @HttpCode(200)
  @idempotencyHeader
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
  @HttpCode(200)
  @idempotencyHeader
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
