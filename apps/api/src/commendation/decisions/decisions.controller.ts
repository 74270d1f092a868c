import { Body, Controller, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { fileReply, PDF, PdfRoute } from '../../common/file-answer';
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
import { AuthenticatedApi } from '../../common/openapi/api-problems.decorator';
import { ActionRoute, CreateRoute, ReadRoute, UuidParam } from '../../common/route.decorators';

@AuthenticatedApi('decisions')
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly drafting: DecisionDraftingService,
    private readonly issuing: DecisionIssuingService,
    private readonly reader: DecisionReaderService,
    private readonly documents: DecisionDocumentsService,
  ) {}

  @CreateRoute({
    summary: 'Dự thảo quyết định khen thưởng / Draft a decision batch',
    created: DecisionDetailDto,
  })
  @Roles('AUTHORITY')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateDecisionDto,
  ): Promise<DecisionDetailDto> {
    return this.drafting.create(user, body);
  }

  @ActionRoute({
    path: ':id/issue',
    summary: 'Ban hành quyết định / Issue: awards, serials and verification codes',
    ok: DecisionDetailDto,
    stepUp: true,
  })
  @Roles('AUTHORITY')
  issue(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<DecisionDetailDto> {
    return this.issuing.issue(user, id);
  }

  @ReadRoute({
    summary: 'Quyết định khen thưởng (theo buổi lễ) / Decisions, by ceremony',
    ok: [DecisionSummaryDto],
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: DecisionListQueryDto,
  ): Promise<DecisionSummaryDto[]> {
    return this.reader.list(user, q.ceremonyName);
  }

  @ReadRoute({
    path: ':id',
    summary: 'Quyết định và danh sách kèm theo / A decision and its annex',
    ok: DecisionDetailDto,
  })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<DecisionDetailDto> {
    return this.reader.getFor(user, id);
  }

  @PdfRoute({
    path: ':id/pdf',
    summary: 'Quyết định (PDF) kèm danh sách / The decision with its annex as PDF',
  })
  pdf(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return this.readablePdf(user, id, reply, () => this.documents.decisionPdf(id));
  }

  @PdfRoute({
    path: ':id/certificates',
    summary: 'Tất cả giấy chứng nhận (PDF) / Every certificate of the decision as PDF',
  })
  certificates(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return this.readablePdf(user, id, reply, () => this.documents.certificatesPdf(id));
  }

  /** A PDF of a decision the user may read. */
  private async readablePdf(
    user: AuthenticatedUser,
    id: string,
    reply: FastifyReply,
    render: () => Promise<Buffer>,
  ): Promise<Buffer> {
    await this.reader.readable(user, id);
    fileReply(reply, PDF);
    return render();
  }
}
