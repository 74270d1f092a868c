import type { RecognitionReportData } from '@epw/documents';
import type { Locale } from '@epw/domain';
import type { RecognitionReportDto } from './dto/recognition-report.dto';

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
