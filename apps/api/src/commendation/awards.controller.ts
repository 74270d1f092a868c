import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { localeFrom } from '../common/locale';
import { RequestValidationException } from '../common/request-validation.exception';
import { uuidParam } from '../common/uuid-param';
import { AwardsService } from './awards.service';
import {
  AwardHistoryQueryDto,
  RecordPastAwardDto,
  RecoveryDto,
  RevokeAwardDto,
} from './dto/award.dto';
import { RecognitionReportDto, RecognitionReportQueryDto } from './dto/report.dto';
import { RecognitionReportService } from './recognition-report.service';

const CODE = /^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/;

@ApiTags('awards')
@ApiBearerAuth()
@Controller()
export class AwardsController {
  constructor(
    private readonly awards: AwardsService,
    private readonly reports: RecognitionReportService,
  ) {}

  @Get('awards')
  @ApiOperation({
    summary:
      'Lịch sử khen thưởng / Award history per unit, person or model (?format=xlsx|csv to export)',
  })
  @ApiHeader({ name: 'accept-language', required: false, description: 'vi (default) or en' })
  async history(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: AwardHistoryQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') lang?: string,
  ) {
    const rows = await this.awards.history(user, q);
    if (!q.format || q.format === 'json') return rows;
    const file = await this.awards.export(rows, q.format, localeFrom(lang));
    reply
      .header(
        'content-type',
        q.format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8',
      )
      .header('content-disposition', `attachment; filename="lich-su-khen-thuong.${q.format}"`);
    return file;
  }

  @Post('awards/history')
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Nhập khen thưởng trước đây / Record an earlier award (eligibility look-back)',
  })
  recordPast(@CurrentUser() user: AuthenticatedUser, @Body() body: RecordPastAwardDto) {
    return this.awards.recordPast(user, body);
  }

  @Get('awards/:id/certificate')
  @ApiOperation({ summary: 'Giấy chứng nhận (PDF) / The certificate as PDF' })
  async certificate(
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('content-type', 'application/pdf');
    return this.awards.certificatePdf(id);
  }

  @Post('awards/:id/revoke')
  @HttpCode(200)
  @Roles('AUTHORITY')
  @ApiOperation({ summary: 'Hủy bỏ quyết định khen thưởng / Revoke an award, with the reason' })
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RevokeAwardDto,
  ) {
    return this.awards.revoke(user, id, body.reason);
  }

  @Post('awards/:id/recovery')
  @HttpCode(200)
  @Roles('AUTHORITY')
  @ApiOperation({ summary: 'Thu hồi hiện vật, tiền thưởng / Record the recovery after revocation' })
  recover(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecoveryDto,
  ) {
    return this.awards.recover(user, id, body.note);
  }

  @Get('verify/:code')
  @Public()
  @ApiOperation({ summary: 'Xác thực giấy chứng nhận (mã QR) / Verify a certificate (public)' })
  verify(@Param('code') code: string) {
    if (!CODE.test(code)) {
      throw new RequestValidationException([
        { field: 'code', rule: 'matches', message: 'code must look like XXXX-XXXX-XXXX' },
      ]);
    }
    return this.awards.verify(code);
  }

  @Get('reports/recognitions')
  @ApiOperation({
    summary:
      'Thống kê khen thưởng, công nhận theo năm, cấp, đối tượng, lĩnh vực, phong trào / Awards and recognitions report (?format=xlsx|pdf to export)',
  })
  @ApiExtraModels(RecognitionReportDto)
  @ApiOkResponse({
    description: 'The report (JSON), or the file asked for with ?format',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(RecognitionReportDto) } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiHeader({ name: 'accept-language', required: false, description: 'vi (default) or en' })
  async report(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: RecognitionReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') lang?: string,
  ): Promise<RecognitionReportDto | Buffer> {
    const report = await this.reports.report(q);
    if (!q.format || q.format === 'json') return report;
    const file = await this.reports.export(user, report, q.format, localeFrom(lang));
    reply
      .header(
        'content-type',
        q.format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'application/pdf',
      )
      .header('content-disposition', `attachment; filename="bao-cao-khen-thuong.${q.format}"`);
    return file;
  }
}
