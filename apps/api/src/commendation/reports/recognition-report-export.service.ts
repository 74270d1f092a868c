import { Injectable } from '@nestjs/common';
import { RecognitionReportRepository } from '@epw/data-access';
import { recognitionReportXlsx, renderRecognitionReportPdf } from '@epw/documents';
import { toVietnamDate, type Locale } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { RecognitionReportDto } from './dto/recognition-report.dto';
import { reportDocument } from './recognition-report.document';

/** The recognitions report as a workbook or a PDF, headed with the organisation it is of (the
 * caller's unit for a report of every organisation). */
@Injectable()
export class RecognitionReportExportService {
  constructor(private readonly reports: RecognitionReportRepository) {}

  async export(
    user: AuthenticatedUser,
    report: RecognitionReportDto,
    format: 'xlsx' | 'pdf',
    locale: Locale,
  ): Promise<Buffer> {
    const issuer =
      report.organisation?.name ?? (user.unitId ? await this.reports.unitName(user.unitId) : null);
    const data = reportDocument(report, locale, issuer ?? '', toVietnamDate(Date.now()));
    return format === 'xlsx' ? recognitionReportXlsx(data) : renderRecognitionReportPdf(data);
  }
}
