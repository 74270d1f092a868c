import { Body, Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainErrorCode, IMPORT_KINDS, type ImportKind, renderDomainMessage } from '@epw/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiAcceptLanguage, ApiFileAnswer, CSV, fileReply, XLSX } from '../common/file-answer';
import { localeFrom } from '../common/locale';
import { patternParam } from '../common/pattern-param';
import {
  ImportFileDto,
  ImportModeQueryDto,
  ImportRefusedDto,
  ImportResultDto,
  ImportTemplateQueryDto,
} from './dto/import.dto';
import { ImportsService } from './imports.service';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ActionRoute } from '../common/route.decorators';

const kindParam = () =>
  patternParam(
    'kind',
    new RegExp(`^(${IMPORT_KINDS.join('|')})$`),
    `kind must be one of ${IMPORT_KINDS.join(', ')}`,
  );

@AuthenticatedApi('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get(':kind/template')
  @Roles('ADMIN', 'ORG_ADMIN')
  @ApiOperation({
    summary:
      'Tải mẫu nhập hàng loạt / Download the import template (header, example row, notes sheet)',
  })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiProduces(XLSX, 'text/csv')
  @ApiFileAnswer({
    description: 'The template, as an XLSX workbook or a CSV file',
    files: [XLSX, 'text/csv'],
  })
  @ApiAcceptLanguage()
  async template(
    @Param('kind', kindParam()) kind: string,
    @Query() q: ImportTemplateQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') lang?: string,
  ): Promise<Buffer> {
    const format = q.format ?? 'xlsx';
    const file = await this.imports.template(kind as ImportKind, format, localeFrom(lang));
    fileReply(reply, format === 'xlsx' ? XLSX : CSV, `mau-nhap-${kind}.${format}`);
    return file;
  }

  @ActionRoute({
    path: ':kind',
    summary:
      'Nhập hàng loạt từ XLSX/CSV / Bulk import: ?mode=dry-run lists every bad row and writes nothing; ?mode=apply writes every row or none (422 with the errors)',
    ok: ImportResultDto,
  })
  @Roles('ADMIN', 'ORG_ADMIN')
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiUnprocessableEntityResponse({
    type: ImportRefusedDto,
    description: 'apply refused: some rows are bad (problem+json listing them); nothing written',
  })
  @ApiAcceptLanguage()
  async run(
    @CurrentUser() user: AuthenticatedUser,
    @Param('kind', kindParam()) kind: string,
    @Query() q: ImportModeQueryDto,
    @Body() body: ImportFileDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') lang?: string,
  ): Promise<ImportResultDto | ImportRefusedDto> {
    const locale = localeFrom(lang);
    const { refused, result } = await this.imports.run(
      user,
      kind as ImportKind,
      q.mode,
      body,
      locale,
    );
    if (!refused) return result;
    const code = DomainErrorCode.ImportRowsInvalid;
    void reply.status(422).header('content-type', 'application/problem+json');
    return {
      type: `urn:epw:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title: code,
      status: 422,
      detail: renderDomainMessage(code, { count: result.errorCount }, locale),
      code,
      instance: request.url,
      ...result,
    };
  }
}
