import { Body, Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { renderTextDocumentPdf } from '@epw/documents';
import { CurrentUser, Public } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ApiFileAnswer, fileReply, PDF } from '../../common/file-answer';
import { RequestValidationException } from '../../common/request-validation.exception';
import { uuidParam } from '../../common/uuid-param';
import { attachmentDisposition, servedMediaType } from './dossier-files';
import { DossierService } from './dossier.service';
import { CouncilVoteReadService } from './council-vote-read.service';
import { CouncilVoteDto } from './dto/council-vote.dto';
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
import { AuthenticatedApi } from '../../common/openapi/api-problems.decorator';
import { ActionRoute, CreateRoute, ReadRoute } from '../../common/route.decorators';

const STEP_KEY = /^[a-z0-9-]{2,40}$/;

@AuthenticatedApi('nominations')
@Controller()
export class NominationsController {
  constructor(
    private readonly submission: NominationSubmissionService,
    private readonly nominations: NominationsService,
    private readonly actions: NominationActionsService,
    private readonly dossier: DossierService,
    private readonly councilVote: CouncilVoteReadService,
  ) {}

  @CreateRoute({
    path: 'nominations',
    summary:
      'Lập và nộp hồ sơ đề nghị khen thưởng / Submit a nomination with its dossier (starts its approval chain)',
    created: NominationCreatedDto,
    problems: [[404, 'NOT_FOUND: the nominee, its unit or the cycle'], 409, 422],
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateNominationDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationCreatedDto> {
    return this.submission.submit(user, body, key);
  }

  @ReadRoute({
    path: 'nominations',
    summary: 'Danh sách hồ sơ đề nghị / Nominations (own unit, or all for oversight roles)',
    ok: [NominationSummaryDto],
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: NominationListQueryDto,
  ): Promise<NominationSummaryDto[]> {
    return this.nominations.list(user, q);
  }

  @ReadRoute({
    path: 'me/approvals',
    summary: "Hồ sơ chờ tôi xử lý / My approval inbox, with each step's SLA",
    ok: [NominationSummaryDto],
  })
  approvals(@CurrentUser() user: AuthenticatedUser): Promise<NominationSummaryDto[]> {
    return this.nominations.myApprovals(user);
  }

  @ReadRoute({
    path: 'public/postings',
    summary: 'Công khai danh sách đề nghị khen thưởng / Public posting (no login)',
    ok: [PostingDto],
  })
  @Public()
  postings(): Promise<PostingDto[]> {
    return this.nominations.postings();
  }

  @ReadRoute({
    path: 'nominations/:id',
    summary: 'Hồ sơ, bước hiện tại và lịch sử / A nomination, its step and history',
    ok: NominationDetailDto,
  })
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

  @ActionRoute({
    path: 'nominations/:id/documents',
    summary: 'Bổ sung hồ sơ khi bị trả lại / Revise the dossier while returned',
    ok: DossierRevisedDto,
  })
  revise(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReviseDossierDto,
  ): Promise<DossierRevisedDto> {
    return this.dossier.revise(user, id, body);
  }

  @ActionRoute({
    path: 'nominations/:id/steps/:stepKey',
    summary: 'Đồng ý / trả lại / không đồng ý, kèm lý do / Approve, return or reject a step',
    ok: NominationViewDto,
  })
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

  @ActionRoute({
    path: 'nominations/:id/resubmit',
    summary: 'Nộp lại sau khi bổ sung / Resubmit after revision',
    ok: NominationViewDto,
  })
  resubmit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ResubmitDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.resubmit(user, id, body.note, key);
  }

  @ActionRoute({
    path: 'nominations/:id/withdraw',
    summary: 'Rút hồ sơ / Withdraw the nomination',
    ok: NominationViewDto,
  })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReasonDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.withdraw(user, id, body.reason, key);
  }

  @ActionRoute({
    path: 'nominations/:id/objections',
    summary: 'Phản ánh trong thời gian công khai / File an objection during the posting',
    ok: NominationViewDto,
  })
  object(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ObjectionDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.object(user, id, body.text, key);
  }

  @ActionRoute({
    path: 'nominations/:id/objections/:objectionId/resolution',
    summary: 'Xử lý ý kiến phản ánh / Resolve an objection (board)',
    ok: NominationViewDto,
  })
  resolve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('objectionId', uuidParam('objectionId')) objectionId: string,
    @Body() body: ResolveObjectionDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.resolveObjection(user, id, objectionId, body, key);
  }

  @ActionRoute({
    path: 'nominations/:id/council-ballots',
    summary:
      "Bỏ phiếu kín của Hội đồng / Secret council ballot (or an absent member's written vote)",
    ok: NominationViewDto,
    stepUp: true,
  })
  vote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CouncilBallotDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<NominationViewDto> {
    return this.actions.vote(user, id, body, key);
  }

  @ReadRoute({
    path: 'nominations/:id/council-vote',
    summary:
      'Ai đã bỏ phiếu, lúc nào (không bao giờ là bỏ phiếu thế nào) / Who has voted in the council vote, and when (never how); the caller’s own ballot',
    ok: CouncilVoteDto,
  })
  councilVoteParticipation(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<CouncilVoteDto> {
    return this.councilVote.get(user, id);
  }

  @Get('nominations/:id/minutes')
  @ApiOperation({ summary: 'Biên bản kiểm phiếu / Ballot-count minutes (JSON, or ?format=pdf)' })
  @ApiFileAnswer({
    description: 'The minutes (JSON), or the PDF with ?format=pdf',
    json: VoteMinutesDto,
    files: [PDF],
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
    fileReply(reply, PDF);
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
