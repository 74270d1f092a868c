import { Body, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ApiAcceptLanguage, ApiFileAnswer, CSV, fileReply, XLSX } from '../../common/file-answer';
import { localeFrom } from '../../common/locale';
import { AwardHistoryExportService } from './award-history-export.service';
import { AwardHistoryService } from './award-history.service';
import {
  AwardHistoryQueryDto,
  AwardRecordDto,
  RecordedAwardDto,
  RecordPastAwardDto,
} from './dto/award-history.dto';
import { PastAwardsService } from './past-awards.service';
import { AuthenticatedApi } from '../../common/openapi/api-problems.decorator';
import { CreateRoute } from '../../common/route.decorators';

@AuthenticatedApi('awards')
@Controller('awards')
export class AwardHistoryController {
  constructor(
    private readonly awards: AwardHistoryService,
    private readonly exports: AwardHistoryExportService,
    private readonly past: PastAwardsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Lịch sử khen thưởng / Award history per unit, person or model (?format=xlsx|csv to export)',
  })
  @ApiFileAnswer({
    description: 'The awards (JSON), or the file asked for with ?format',
    json: [AwardRecordDto],
    files: [XLSX, 'text/csv'],
  })
  @ApiAcceptLanguage()
  async history(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: AwardHistoryQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') lang?: string,
  ): Promise<AwardRecordDto[] | Buffer> {
    const rows = await this.awards.list(user, q);
    if (!q.format || q.format === 'json') return rows;
    const file = await this.exports.export(rows, q.format, localeFrom(lang));
    fileReply(reply, q.format === 'xlsx' ? XLSX : CSV, `lich-su-khen-thuong.${q.format}`);
    return file;
  }

  @CreateRoute({
    path: 'history',
    summary: 'Nhập khen thưởng trước đây / Record an earlier award (eligibility look-back)',
    created: RecordedAwardDto,
  })
  @Roles('ADMIN')
  recordPast(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RecordPastAwardDto,
  ): Promise<RecordedAwardDto> {
    return this.past.record(user, body);
  }
}
