import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, RequiresStepUp, Roles } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { uuidParam } from '../../common/uuid-param';
import { DecisionDocumentsService } from './decision-documents.service';
import { DecisionDraftingService } from './decision-drafting.service';
import { DecisionIssuingService } from './decision-issuing.service';
import { DecisionReaderService } from './decision-reader.service';
import {
  CreateDecisionDto,
  DecisionDetailDto,
  DecisionListQueryDto,
  DecisionSummaryDto,
} from './dto/decision.dto';
import { ApiProblems, AuthenticatedApi } from '../../common/openapi/api-problems.decorator';

const PDF = { description: 'PDF', schema: { type: 'string', format: 'binary' } } as const;

@AuthenticatedApi('decisions')
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly drafting: DecisionDraftingService,
    private readonly issuing: DecisionIssuingService,
    private readonly reader: DecisionReaderService,
    private readonly documents: DecisionDocumentsService,
  ) {}

  @Post()
  @ApiProblems(409, 422)
  @Roles('AUTHORITY')
  @ApiOperation({ summary: 'Dự thảo quyết định khen thưởng / Draft a decision batch' })
  @ApiCreatedResponse({ type: DecisionDetailDto })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateDecisionDto,
  ): Promise<DecisionDetailDto> {
    return this.drafting.create(user, body);
  }

  @Post(':id/issue')
  @RequiresStepUp()
  @ApiProblems(409, 422)
  @HttpCode(200)
  @Roles('AUTHORITY')
  @ApiOperation({ summary: 'Ban hành quyết định / Issue: awards, serials and verification codes' })
  @ApiOkResponse({ type: DecisionDetailDto })
  issue(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<DecisionDetailDto> {
    return this.issuing.issue(user, id);
  }

  @Get()
  @ApiOperation({ summary: 'Quyết định khen thưởng (theo buổi lễ) / Decisions, by ceremony' })
  @ApiOkResponse({ type: [DecisionSummaryDto] })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: DecisionListQueryDto,
  ): Promise<DecisionSummaryDto[]> {
    return this.reader.list(user, q.ceremonyName);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Quyết định và danh sách kèm theo / A decision and its annex' })
  @ApiOkResponse({ type: DecisionDetailDto })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<DecisionDetailDto> {
    return this.reader.getFor(user, id);
  }

  @Get(':id/pdf')
  @ApiOperation({ summary: 'Quyết định (PDF) kèm danh sách / The decision with its annex as PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    await this.reader.readable(user, id);
    reply.header('content-type', 'application/pdf');
    return this.documents.decisionPdf(id);
  }

  @Get(':id/certificates')
  @ApiOperation({
    summary: 'Tất cả giấy chứng nhận (PDF) / Every certificate of the decision as PDF',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  async certificates(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    await this.reader.readable(user, id);
    reply.header('content-type', 'application/pdf');
    return this.documents.certificatesPdf(id);
  }
}
