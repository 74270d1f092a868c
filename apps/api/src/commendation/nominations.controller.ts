import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import { uuidParam } from '../common/uuid-param';
import { renderTextDocumentPdf } from '@epw/documents';
import {
  CouncilBallotDto,
  CreateNominationDto,
  NominationListQueryDto,
  ObjectionDto,
  ReasonDto,
  ResolveObjectionDto,
  ResubmitDto,
  ReviseDossierDto,
  StepActionDto,
} from './dto/nomination.dto';
import { NominationSubmissionService } from './nomination-submission.service';
import { NominationsService } from './nominations.service';

const STEP_KEY = /^[a-z0-9-]{2,40}$/;

@ApiTags('nominations')
@ApiBearerAuth()
@Controller()
export class NominationsController {
  constructor(
    private readonly submission: NominationSubmissionService,
    private readonly nominations: NominationsService,
  ) {}

  @Post('nominations')
  @ApiOperation({
    summary:
      'Lập và nộp hồ sơ đề nghị khen thưởng / Submit a nomination with its dossier (starts its approval chain)',
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateNominationDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.submission.submit(user, body, key);
  }

  @Get('nominations')
  @ApiOperation({
    summary: 'Danh sách hồ sơ đề nghị / Nominations (own unit, or all for oversight roles)',
  })
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: NominationListQueryDto) {
    return this.nominations.list(user, q);
  }

  @Get('me/approvals')
  @ApiOperation({ summary: "Hồ sơ chờ tôi xử lý / My approval inbox, with each step's SLA" })
  approvals(@CurrentUser() user: AuthenticatedUser) {
    return this.nominations.myApprovals(user);
  }

  @Get('public/postings')
  @Public()
  @ApiOperation({ summary: 'Công khai danh sách đề nghị khen thưởng / Public posting (no login)' })
  postings() {
    return this.nominations.postings();
  }

  @Get('nominations/:id')
  @ApiOperation({ summary: 'Hồ sơ, bước hiện tại và lịch sử / A nomination, its step and history' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string) {
    return this.nominations.get(user, id);
  }

  @Get('nominations/:id/documents/:documentId')
  @ApiOperation({ summary: 'Tải tài liệu hồ sơ / Download a dossier file' })
  async document(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
    @Res() reply: FastifyReply,
  ) {
    const d = await this.nominations.document(user, id, documentId);
    await reply
      .header('content-type', d.mediaType)
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
      )
      .send(Buffer.from(d.content));
  }

  @Post('nominations/:id/documents')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bổ sung hồ sơ khi bị trả lại / Revise the dossier while returned' })
  revise(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReviseDossierDto,
  ) {
    return this.nominations.reviseDossier(user, id, body);
  }

  @Post('nominations/:id/steps/:stepKey')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Đồng ý / trả lại / không đồng ý, kèm lý do / Approve, return or reject a step',
  })
  act(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('stepKey') stepKey: string,
    @Body() body: StepActionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    if (!STEP_KEY.test(stepKey)) return this.badStep();
    return this.nominations.act(user, id, stepKey, body, key);
  }

  @Post('nominations/:id/resubmit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Nộp lại sau khi bổ sung / Resubmit after revision' })
  resubmit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ResubmitDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.nominations.resubmit(user, id, body.note, key);
  }

  @Post('nominations/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút hồ sơ / Withdraw the nomination' })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReasonDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.nominations.withdraw(user, id, body.reason, key);
  }

  @Post('nominations/:id/objections')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Phản ánh trong thời gian công khai / File an objection during the posting',
  })
  object(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ObjectionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.nominations.object(user, id, body.text, key);
  }

  @Post('nominations/:id/objections/:objectionId/resolution')
  @HttpCode(200)
  @ApiOperation({ summary: 'Xử lý ý kiến phản ánh / Resolve an objection (board)' })
  resolve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('objectionId', uuidParam('objectionId')) objectionId: string,
    @Body() body: ResolveObjectionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.nominations.resolveObjection(user, id, objectionId, body, key);
  }

  @Post('nominations/:id/council-ballots')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Bỏ phiếu kín của Hội đồng / Secret council ballot (or an absent member's written vote)",
  })
  vote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CouncilBallotDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.nominations.vote(user, id, body, key);
  }

  @Get('nominations/:id/minutes')
  @ApiOperation({ summary: 'Biên bản kiểm phiếu / Ballot-count minutes (JSON, or ?format=pdf)' })
  async minutes(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('format') format?: string,
  ) {
    const m = await this.nominations.minutes(user, id);
    if (format !== 'pdf') return m;
    const lines = m.minutes.split('\n');
    const pdf = await renderTextDocumentPdf({ title: lines[0] ?? '', lines: lines.slice(1) });
    reply.header('content-type', 'application/pdf');
    return pdf;
  }

  private badStep(): never {
    throw new RequestValidationException([
      {
        field: 'stepKey',
        rule: 'matches',
        message: 'stepKey must be a chain step key (a-z, 0-9, -)',
      },
    ]);
  }
}
