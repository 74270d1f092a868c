import { Body, Controller, Get, Headers, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
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
import { ApiProblems, AuthenticatedApi } from '../../common/openapi/api-problems.decorator';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

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
  @ApiExtraModels(AwardRecordDto)
  @ApiOkResponse({
    description: 'The awards (JSON), or the file asked for with ?format',
    content: {
      'application/json': {
        schema: { type: 'array', items: { $ref: getSchemaPath(AwardRecordDto) } },
      },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiHeader({ name: 'accept-language', required: false, description: 'vi (default) or en' })
  async history(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: AwardHistoryQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') lang?: string,
  ): Promise<AwardRecordDto[] | Buffer> {
    const rows = await this.awards.list(user, q);
    if (!q.format || q.format === 'json') return rows;
    const file = await this.exports.export(rows, q.format, localeFrom(lang));
    reply
      .header('content-type', q.format === 'xlsx' ? XLSX : CSV)
      .header('content-disposition', `attachment; filename="lich-su-khen-thuong.${q.format}"`);
    return file;
  }

  @Post('history')
  @ApiProblems(409, 422)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Nhập khen thưởng trước đây / Record an earlier award (eligibility look-back)',
  })
  @ApiCreatedResponse({ type: RecordedAwardDto })
  recordPast(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RecordPastAwardDto,
  ): Promise<RecordedAwardDto> {
    return this.past.record(user, body);
  }
}
