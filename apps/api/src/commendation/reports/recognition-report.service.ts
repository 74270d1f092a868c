import { Injectable } from '@nestjs/common';
import { RecognitionReportRepository } from '@epw/data-access';
import { recognitionBreakdown } from '@epw/domain';
import { RequestValidationException } from '../../common/request-validation.exception';
import type { RecognitionReportDto, RecognitionReportQueryDto } from './dto/recognition-report.dto';

/**
 * Statistics of awards and recognitions (thống kê khen thưởng): by year, level, collective or
 * individual, field and movement, for the reports page and its exports.
 */
@Injectable()
export class RecognitionReportService {
  constructor(private readonly reports: RecognitionReportRepository) {}

  async report(q: RecognitionReportQueryDto): Promise<RecognitionReportDto> {
    const { from, to } = period(q);
    const facts = await this.reports.facts({
      from,
      to,
      level: q.level,
      recipientKind: q.recipientKind,
    });
    const b = recognitionBreakdown(facts);
    const byLevel: Record<string, number> = {};
    for (const l of b.levels) if (l.key) byLevel[l.key] = l.count;
    return {
      year: q.year ?? null,
      yearFrom: from,
      yearTo: to,
      total: b.total,
      byLevel,
      rows: b.forms,
      byYear: b.byYear,
      levels: b.levels,
      kinds: b.kinds,
      recipientKinds: b.recipientKinds,
      fields: b.fields,
      movements: b.movements,
    };
  }
}

function period(q: RecognitionReportQueryDto): { from: number | null; to: number | null } {
  const from = q.yearFrom ?? q.year ?? null;
  const to = q.yearTo ?? q.year ?? null;
  if (from !== null && to !== null && to < from) {
    throw new RequestValidationException([
      { field: 'yearTo', rule: 'notBeforeYearFrom', message: 'yearTo must not be before yearFrom' },
    ]);
  }
  return { from, to };
}
