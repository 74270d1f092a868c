import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { renderTextDocumentPdf } from '@epw/documents';
import { CurrentUser, Public, RequiresStepUp } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { RequestValidationException } from '../../common/request-validation.exception';
import { uuidParam } from '../../common/uuid-param';
import { attachmentDisposition, servedMediaType } from './dossier-files';
import { DossierService } from './dossier.service';
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
import {
  DossierRevisedDto,
  NominationCreatedDto,
  NominationDetailDto,
  NominationSummaryDto,
  NominationViewDto,
  PostingDto,
  VoteMinutesDto,
} from './dto/nomination-response.dto';
import { NominationActionsService } from './nomination-actions.service';
import { NominationSubmissionService } from './nomination-submission.service';
import { NominationsService } from './nominations.service';
import { ApiProblems, AuthenticatedApi } from '../../common/openapi/api-problems.decorator';

const STEP_KEY = /^[a-z0-9-]{2,40}$/;

@AuthenticatedApi('nominations')
@Controller()
export class NominationsController {
  constructor(
    private readonly submission: NominationSubmissionService,
    private readonly nominations: NominationsService,
    private readonly actions: NominationActionsService,
    private readonly dossier: DossierService,
  ) {}

  @Post('nominations')
  @ApiProblems([404, 'NOT_FOUND: the nominee, its unit or the cycle'], 409, 422)
  @ApiOperation({
    summary:
      'Lập và nộp hồ sơ đề nghị khen thưởng / Submit a nomination with its dossier (starts its approval chain)',
  })
  @ApiCreatedResponse({ type: NominationCreatedDto })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateNominationDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationCreatedDto> {
    return this.submission.submit(user, body, key);
  }

  @Get('nominations')
  @ApiOperation({
    summary: 'Danh sách hồ sơ đề nghị / Nominations (own unit, or all for oversight roles)',
  })
  @ApiOkResponse({ type: [NominationSummaryDto] })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: NominationListQueryDto,
  ): Promise<NominationSummaryDto[]> {
    return this.nominations.list(user, q);
  }

  @Get('me/approvals')
  @ApiOperation({ summary: "Hồ sơ chờ tôi xử lý / My approval inbox, with each step's SLA" })
  @ApiOkResponse({ type: [NominationSummaryDto] })
  approvals(@CurrentUser() user: AuthenticatedUser): Promise<NominationSummaryDto[]> {
    return this.nominations.myApprovals(user);
  }

  @Get('public/postings')
  @Public()
  @ApiOperation({ summary: 'Công khai danh sách đề nghị khen thưởng / Public posting (no login)' })
  @ApiOkResponse({ type: [PostingDto] })
  postings(): Promise<PostingDto[]> {
    return this.nominations.postings();
  }

  @Get('nominations/:id')
  @ApiOperation({ summary: 'Hồ sơ, bước hiện tại và lịch sử / A nomination, its step and history' })
  @ApiOkResponse({ type: NominationDetailDto })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<NominationDetailDto> {
    return this.nominations.get(user, id);
  }

  @Get('nominations/:id/documents/:documentId')
  @ApiOperation({ summary: 'Tải tài liệu hồ sơ / Download a dossier file' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description:
      'The file as an attachment, with the media type of its bytes (PDF, JPEG, PNG, DOCX or XLSX)',
    schema: { type: 'string', format: 'binary' },
  })
  async document(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const d = await this.dossier.document(user, id, documentId);
    // Served as a download of its checked type, never sniffed by the browser into something else.
    await reply
      .header('content-type', servedMediaType(d.mediaType))
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', attachmentDisposition(d.fileName))
      .send(Buffer.from(d.content));
  }

  @Post('nominations/:id/documents')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Bổ sung hồ sơ khi bị trả lại / Revise the dossier while returned' })
  @ApiOkResponse({ type: DossierRevisedDto })
  revise(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReviseDossierDto,
  ): Promise<DossierRevisedDto> {
    return this.dossier.revise(user, id, body);
  }

  @Post('nominations/:id/steps/:stepKey')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Đồng ý / trả lại / không đồng ý, kèm lý do / Approve, return or reject a step',
  })
  @ApiOkResponse({ type: NominationViewDto })
  @ApiParam({ name: 'stepKey', schema: { type: 'string', pattern: STEP_KEY.source } })
  act(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('stepKey') stepKey: string,
    @Body() body: StepActionDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    if (!STEP_KEY.test(stepKey)) return this.badStep();
    return this.actions.act(user, id, stepKey, body, key);
  }

  @Post('nominations/:id/resubmit')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Nộp lại sau khi bổ sung / Resubmit after revision' })
  @ApiOkResponse({ type: NominationViewDto })
  resubmit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ResubmitDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.resubmit(user, id, body.note, key);
  }

  @Post('nominations/:id/withdraw')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút hồ sơ / Withdraw the nomination' })
  @ApiOkResponse({ type: NominationViewDto })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReasonDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.withdraw(user, id, body.reason, key);
  }

  @Post('nominations/:id/objections')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Phản ánh trong thời gian công khai / File an objection during the posting',
  })
  @ApiOkResponse({ type: NominationViewDto })
  object(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ObjectionDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.object(user, id, body.text, key);
  }

  @Post('nominations/:id/objections/:objectionId/resolution')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Xử lý ý kiến phản ánh / Resolve an objection (board)' })
  @ApiOkResponse({ type: NominationViewDto })
  resolve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('objectionId', uuidParam('objectionId')) objectionId: string,
    @Body() body: ResolveObjectionDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.resolveObjection(user, id, objectionId, body, key);
  }

  @Post('nominations/:id/council-ballots')
  @RequiresStepUp()
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Bỏ phiếu kín của Hội đồng / Secret council ballot (or an absent member's written vote)",
  })
  @ApiOkResponse({ type: NominationViewDto })
  vote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CouncilBallotDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.vote(user, id, body, key);
  }

  @Get('nominations/:id/minutes')
  @ApiOperation({ summary: 'Biên bản kiểm phiếu / Ballot-count minutes (JSON, or ?format=pdf)' })
  @ApiExtraModels(VoteMinutesDto)
  @ApiOkResponse({
    description: 'The minutes (JSON), or the PDF with ?format=pdf',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(VoteMinutesDto) } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async minutes(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('format') format?: string,
  ): Promise<VoteMinutesDto | Buffer> {
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
