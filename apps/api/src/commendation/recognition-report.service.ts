import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '@epw/data-access';
import {
  recognitionReportXlsx,
  renderRecognitionReportPdf,
  type RecognitionReportData,
} from '@epw/documents';
import {
  recognitionBreakdown,
  toVietnamDate,
  type Locale,
  type RecognitionFact,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import type { RecognitionReportDto, RecognitionReportQueryDto } from './dto/report.dto';

const LEVEL: Record<string, Record<Locale, string>> = {
  BASE: { vi: 'Cơ sở', en: 'Grassroots' },
  BLOC: { vi: 'Khối', en: 'Bloc' },
  DISTRICT: { vi: 'Quận, huyện', en: 'District' },
  PROVINCE: { vi: 'Tỉnh, thành phố', en: 'Province, city' },
  CENTRAL: { vi: 'Trung ương', en: 'Central' },
};
const KIND: Record<string, Record<Locale, string>> = {
  COLLECTIVE: { vi: 'Tập thể', en: 'Collective' },
  INDIVIDUAL: { vi: 'Cá nhân', en: 'Individual' },
  UNIT: { vi: 'Tập thể (đơn vị)', en: 'Unit' },
  PERSON: { vi: 'Cá nhân', en: 'Person' },
  INITIATIVE: { vi: 'Mô hình, giải pháp, công trình', en: 'Model, solution, work' },
};
const WORDS = {
  vi: {
    byYear: 'Theo năm',
    year: 'Năm',
    byLevel: 'Theo cấp khen thưởng',
    level: 'Cấp',
    byKind: 'Tập thể và cá nhân',
    kind: 'Đối tượng',
    byRecipient: 'Theo loại đối tượng',
    byField: 'Theo lĩnh vực (mô hình, giải pháp, công trình)',
    field: 'Lĩnh vực',
    noField: 'Không phân lĩnh vực (tập thể, cá nhân)',
    byMovement: 'Theo phong trào thi đua',
    movement: 'Phong trào',
    noMovement: 'Không gắn với phong trào, kỳ thi đua',
    allYears: 'Tất cả các năm',
    yearOf: (y: number) => `Năm ${y}`,
  },
  en: {
    byYear: 'By year',
    year: 'Year',
    byLevel: 'By level',
    level: 'Level',
    byKind: 'Collective and individual',
    kind: 'Recipient',
    byRecipient: 'By recipient type',
    byField: 'By field (models, solutions, works)',
    field: 'Field',
    noField: 'No field (units and people)',
    byMovement: 'By emulation movement',
    movement: 'Movement',
    noMovement: 'Not tied to a movement or cycle',
    allYears: 'All years',
    yearOf: (y: number) => `Year ${y}`,
  },
} as const;

/**
 * Statistics of awards and recognitions (thống kê khen thưởng): by year, level, collective or
 * individual, field and movement, as JSON for the reports page and as a workbook or PDF.
 */
@Injectable()
export class RecognitionReportService {
  constructor(private readonly prisma: PrismaService) {}

  async report(q: RecognitionReportQueryDto): Promise<RecognitionReportDto> {
    const { from, to } = period(q);
    const where: Prisma.AwardWhereInput = {
      revokedAt: null,
      ...(from !== null || to !== null
        ? { year: { ...(from !== null ? { gte: from } : {}), ...(to !== null ? { lte: to } : {}) } }
        : {}),
      ...(q.level ? { level: q.level } : {}),
      ...(q.recipientKind ? { recipientKind: q.recipientKind } : {}),
    };
    const awards = await this.prisma.award.findMany({
      where,
      select: {
        year: true,
        level: true,
        formCode: true,
        formName: true,
        recipientKind: true,
        recipientInitiativeId: true,
        nominationId: true,
      },
    });
    const facts = await this.facts(awards);
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

  async export(
    user: AuthenticatedUser,
    report: RecognitionReportDto,
    format: 'xlsx' | 'pdf',
    locale: Locale,
  ): Promise<Buffer> {
    const unit = user.unitId
      ? await this.prisma.unit.findUnique({ where: { id: user.unitId } })
      : null;
    const data = reportDocument(report, locale, unit?.name ?? '', toVietnamDate(Date.now()));
    return format === 'xlsx' ? recognitionReportXlsx(data) : renderRecognitionReportPdf(data);
  }

  /** Each award with its field (the model's) and its movement (the nomination's or the model's cycle). */
  private async facts(
    awards: {
      year: number;
      level: string;
      formCode: string;
      formName: string;
      recipientKind: 'UNIT' | 'PERSON' | 'INITIATIVE';
      recipientInitiativeId: string | null;
      nominationId: string | null;
    }[],
  ): Promise<RecognitionFact[]> {
    const initiativeIds = [...new Set(awards.flatMap((a) => a.recipientInitiativeId ?? []))];
    const nominationIds = [...new Set(awards.flatMap((a) => a.nominationId ?? []))];
    const [initiatives, nominations] = await Promise.all([
      initiativeIds.length
        ? this.prisma.initiative.findMany({
            where: { id: { in: initiativeIds } },
            select: {
              id: true,
              field: true,
              ownerType: true,
              registration: { select: { cycle: { select: { movementName: true } } } },
            },
          })
        : [],
      nominationIds.length
        ? this.prisma.nomination.findMany({
            where: { id: { in: nominationIds } },
            select: { id: true, cycleId: true },
          })
        : [],
    ]);
    const cycleIds = [...new Set(nominations.flatMap((n) => n.cycleId ?? []))];
    const cycles = cycleIds.length
      ? await this.prisma.emulationCycle.findMany({
          where: { id: { in: cycleIds } },
          select: { id: true, movementName: true },
        })
      : [];
    const initiative = new Map(initiatives.map((i) => [i.id, i]));
    const movementOfCycle = new Map(cycles.map((c) => [c.id, c.movementName]));
    const cycleOfNomination = new Map(nominations.map((n) => [n.id, n.cycleId]));
    return awards.map((a) => {
      const i = a.recipientInitiativeId ? initiative.get(a.recipientInitiativeId) : undefined;
      const cycleId = a.nominationId ? cycleOfNomination.get(a.nominationId) : null;
      return {
        year: a.year,
        level: a.level,
        formCode: a.formCode,
        formName: a.formName,
        recipientKind: a.recipientKind,
        collective:
          a.recipientKind === 'UNIT' ||
          (a.recipientKind === 'INITIATIVE' && i?.ownerType !== 'INDIVIDUAL'),
        field: i?.field ?? null,
        movement:
          (cycleId ? movementOfCycle.get(cycleId) : undefined) ??
          i?.registration.cycle.movementName ??
          null,
      };
    });
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

/** The report's figures with labels in the requested language, for the workbook and the PDF. */
export function reportDocument(
  r: RecognitionReportDto,
  locale: Locale,
  issuer: string,
  today: string,
): RecognitionReportData {
  const w = WORDS[locale];
  const label = (map: Record<string, Record<Locale, string>>, key: string | null) =>
    key === null ? '' : (map[key]?.[locale] ?? key);
  const periodText =
    r.yearFrom === null && r.yearTo === null
      ? w.allYears
      : r.yearFrom === r.yearTo
        ? w.yearOf(r.yearFrom ?? 0)
        : `${r.yearFrom ?? '…'} – ${r.yearTo ?? '…'}`;
  return {
    locale,
    period: periodText,
    generatedOn: today,
    issuer,
    total: r.total,
    sections: [
      {
        title: w.byYear,
        labelHeader: w.year,
        rows: r.byYear.map((y) => ({ label: String(y.year), count: y.total })),
      },
      {
        title: w.byLevel,
        labelHeader: w.level,
        rows: r.levels.map((l) => ({ label: label(LEVEL, l.key), count: l.count })),
      },
      {
        title: w.byKind,
        labelHeader: w.kind,
        rows: r.kinds.map((k) => ({ label: label(KIND, k.key), count: k.count })),
      },
      {
        title: w.byRecipient,
        labelHeader: w.kind,
        rows: r.recipientKinds.map((k) => ({ label: label(KIND, k.key), count: k.count })),
      },
      {
        title: w.byField,
        labelHeader: w.field,
        rows: r.fields.map((f) => ({ label: f.key ?? w.noField, count: f.count })),
      },
      {
        title: w.byMovement,
        labelHeader: w.movement,
        rows: r.movements.map((m) => ({ label: m.key ?? w.noMovement, count: m.count })),
      },
    ],
    detail: r.rows.map((row) => ({
      level: label(LEVEL, row.level),
      formName: row.formName,
      recipientKind: label(KIND, row.recipientKind),
      count: row.count,
    })),
  };
}
