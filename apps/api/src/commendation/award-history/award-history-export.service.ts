import { Injectable } from '@nestjs/common';
import { awardHistoryCsv, awardHistoryXlsx, type AwardHistoryRow } from '@epw/documents';
import type { Locale } from '@epw/domain';
import type { AwardRecordDto } from './dto/award-history.dto';

const LEVEL_VI: Record<string, string> = {
  BASE: 'Cơ sở',
  BLOC: 'Khối',
  DISTRICT: 'Quận, huyện',
  PROVINCE: 'Tỉnh, thành phố',
  CENTRAL: 'Trung ương',
};

/** The award history as a workbook or a CSV file, labelled in the reader's language. */
@Injectable()
export class AwardHistoryExportService {
  export(rows: AwardRecordDto[], format: 'xlsx' | 'csv', locale: Locale): Promise<Buffer> {
    const data: AwardHistoryRow[] = rows.map((r) => ({
      year: r.year,
      period: {
        kind: r.period.kind,
        year: r.period.year,
        quarter: r.period.quarter,
        startYear: r.period.startYear,
      },
      formName: r.formName,
      level: locale === 'vi' ? (LEVEL_VI[r.level] ?? r.level) : r.level,
      recipientName: r.recipientName,
      recipientKind: r.recipientKind,
      unitName: r.unitName,
      decisionNumber: r.decisionNumber,
      decisionDate: r.decisionDate,
      authorityName: r.authorityName,
      serial: r.serial,
      status: r.status,
      revokedReason: r.revokedReason,
    }));
    return format === 'xlsx'
      ? awardHistoryXlsx(data, locale)
      : Promise.resolve(Buffer.from(awardHistoryCsv(data, locale), 'utf8'));
  }
}
