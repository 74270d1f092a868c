import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { CreateDecisionDto, DecisionListQueryDto } from './dto/decision.dto';
import { DecisionsService } from './decisions.service';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post()
  @Roles('AUTHORITY')
  @ApiOperation({ summary: 'Dự thảo quyết định khen thưởng / Draft a decision batch' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDecisionDto) {
    return this.decisions.create(user, body);
  }

  @Post(':id/issue')
  @HttpCode(200)
  @Roles('AUTHORITY')
  @ApiOperation({ summary: 'Ban hành quyết định / Issue: awards, serials and verification codes' })
  issue(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string) {
    return this.decisions.issue(user, id);
  }

  @Get()
  @ApiOperation({ summary: 'Quyết định khen thưởng (theo buổi lễ) / Decisions, by ceremony' })
  list(@Query() q: DecisionListQueryDto) {
    return this.decisions.list(q.ceremonyName);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Quyết định và danh sách kèm theo / A decision and its annex' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string) {
    return this.decisions.get(user, id);
  }

  @Get(':id/pdf')
  @ApiOperation({ summary: 'Quyết định (PDF) kèm danh sách / The decision with its annex as PDF' })
  async pdf(
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('content-type', 'application/pdf');
    return this.decisions.decisionPdf(id);
  }

  @Get(':id/certificates')
  @ApiOperation({
    summary: 'Tất cả giấy chứng nhận (PDF) / Every certificate of the decision as PDF',
  })
  async certificates(
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('content-type', 'application/pdf');
    return this.decisions.certificatesPdf(id);
  }
}
