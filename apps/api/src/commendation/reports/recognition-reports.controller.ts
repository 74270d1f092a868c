import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ApiAcceptLanguage, ApiFileAnswer, fileReply, PDF, XLSX } from '../../common/file-answer';
import { localeFrom } from '../../common/locale';
import { RecognitionReportDto, RecognitionReportQueryDto } from './dto/recognition-report.dto';
import { RecognitionReportExportService } from './recognition-report-export.service';
import { RecognitionReportService } from './recognition-report.service';
import { AuthenticatedApi } from '../../common/openapi/api-problems.decorator';

@AuthenticatedApi('awards')
@Controller('reports')
export class RecognitionReportsController {
  constructor(
    private readonly reports: RecognitionReportService,
    private readonly exports: RecognitionReportExportService,
  ) {}

  @Get('recognitions')
  @ApiOperation({
    summary:
      "Thống kê khen thưởng, công nhận của một tổ chức và các đơn vị trực thuộc, theo phong trào, kỳ, cấp, đối tượng / Awards and recognitions decided in an organisation's subtree (?format=xlsx|pdf to export)",
  })
  @ApiFileAnswer({
    description: 'The report (JSON), or the file asked for with ?format',
    json: RecognitionReportDto,
    files: [XLSX, PDF],
  })
  @ApiAcceptLanguage()
  async report(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: RecognitionReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') lang?: string,
  ): Promise<RecognitionReportDto | Buffer> {
    const report = await this.reports.report(user, q);
    if (!q.format || q.format === 'json') return report;
    const file = await this.exports.export(user, report, q.format, localeFrom(lang));
    fileReply(reply, q.format === 'xlsx' ? XLSX : PDF, `bao-cao-khen-thuong.${q.format}`);
    return file;
  }
}
