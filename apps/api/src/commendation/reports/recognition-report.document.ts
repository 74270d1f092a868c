import type { RecognitionReportData, RecognitionReportTable } from '@epw/documents';
import { describeAwardPeriod, type Locale } from '@epw/domain';
import type { RecognitionReportDto, RecognitionTotalsDto } from './dto/recognition-report.dto';

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
    organisation: 'Phạm vi',
    everyOrganisation: 'Tất cả các tổ chức',
    subtree: (name: string) => `${name} và các đơn vị trực thuộc`,
    addressedTo: 'Khen thưởng, công nhận cho',
    filterLevel: 'Cấp khen thưởng',
    filterKind: 'Đối tượng',
    perLevel: 'Tập thể, cá nhân, mô hình theo cấp',
    perChild: 'Theo tổ chức trực thuộc (quyết định của tổ chức và các đơn vị cấp dưới)',
    organisationHeader: 'Tổ chức',
    own: (name: string) => `${name} (quyết định của chính tổ chức)`,
    ownOfAll: 'Không ghi cơ quan quyết định',
    sum: 'Cộng',
    columns: ['Tập thể', 'Cá nhân', 'Mô hình', 'Tổng số'],
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
    organisation: 'Scope',
    everyOrganisation: 'Every organisation',
    subtree: (name: string) => `${name} and the units beneath it`,
    addressedTo: 'Recognitions of',
    filterLevel: 'Level',
    filterKind: 'Recipient',
    perLevel: 'Collectives, individuals and models by level',
    perChild: 'By organisation beneath (its decisions and those beneath it)',
    organisationHeader: 'Organisation',
    own: (name: string) => `${name} (its own decisions)`,
    ownOfAll: 'No deciding body recorded',
    sum: 'Total',
    columns: ['Collectives', 'Individuals', 'Models', 'Total'],
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
  const p = r.filters.period;
  const periodText = p
    ? capitalize(describeAwardPeriod(p, locale))
    : r.yearFrom === null && r.yearTo === null
      ? w.allYears
      : r.yearFrom === r.yearTo
        ? w.yearOf(r.yearFrom ?? 0)
        : `${r.yearFrom ?? '…'} – ${r.yearTo ?? '…'}`;
  const counts = (t: RecognitionTotalsDto) => [t.collectives, t.individuals, t.models, t.total];
  const filters = [
    {
      label: w.organisation,
      value: r.organisation ? w.subtree(r.organisation.name) : w.everyOrganisation,
    },
    ...(r.addressedTo ? [{ label: w.addressedTo, value: w.subtree(r.addressedTo.name) }] : []),
    ...(r.filters.movementCode
      ? [{ label: w.movement, value: movementName(r) ?? r.filters.movementCode }]
      : []),
    ...(r.filters.level ? [{ label: w.filterLevel, value: label(LEVEL, r.filters.level) }] : []),
    ...(r.filters.recipientKind
      ? [{ label: w.filterKind, value: label(KIND, r.filters.recipientKind) }]
      : []),
  ];
  const tables: RecognitionReportTable[] = [
    {
      title: w.perLevel,
      labelHeader: w.level,
      columns: [...w.columns],
      rows: r.totals.levels
        .filter((l) => l.total > 0)
        .map((l) => ({
          label: label(LEVEL, l.level),
          values: [l.collectives, l.individuals, l.models, l.total],
        })),
      footer: { label: w.sum, values: counts(r.totals) },
    },
    {
      title: w.perChild,
      labelHeader: w.organisationHeader,
      columns: [...w.columns],
      rows: [
        ...(r.own.total > 0 || r.organisation
          ? [
              {
                label: r.organisation ? w.own(r.organisation.name) : w.ownOfAll,
                values: counts(r.own),
              },
            ]
          : []),
        ...r.children
          .filter((c) => c.totals.total > 0)
          .map((c) => ({ label: c.name, values: counts(c.totals) })),
      ],
      footer: { label: w.sum, values: counts(r.totals) },
    },
  ];
  return {
    locale,
    period: periodText,
    generatedOn: today,
    issuer: r.organisation?.name ?? issuer,
    filters,
    tables,
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

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** The movement's name when every counted award names the same one. */
function movementName(r: RecognitionReportDto): string | null {
  const named = r.movements.filter((m) => m.key !== null);
  return named.length === 1 ? (named[0]?.key ?? null) : null;
}
