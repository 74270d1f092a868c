import ExcelJS from 'exceljs';
import { type AwardPeriod, describeAwardPeriod } from '@epw/domain';
import type { RecipientKind } from './certificate.pdf';
import { vietnameseShortDate } from './vietnamese-date';

export interface AwardHistoryRow {
  /** The period's last year. */
  year: number;
  /** The award's period (a year, a quarter, a phase); the year `year` when absent. */
  period?: AwardPeriod | null;
  formName: string;
  level: string;
  recipientName: string;
  recipientKind: RecipientKind;
  unitName: string | null;
  decisionNumber: string | null;
  /** Calendar date YYYY-MM-DD; exported as dd/mm/yyyy text. */
  decisionDate: string | null;
  authorityName: string | null;
  serial: string | null;
  status: 'VALID' | 'REVOKED';
  revokedReason: string | null;
}

export type ExportLocale = 'vi' | 'en';

interface Column {
  header: Record<ExportLocale, string>;
  /** Width in characters. */
  width: number;
  value: (row: AwardHistoryRow, locale: ExportLocale) => string | number;
}

const KIND: Record<RecipientKind, Record<ExportLocale, string>> = {
  UNIT: { vi: 'Tập thể', en: 'Unit' },
  PERSON: { vi: 'Cá nhân', en: 'Person' },
  INITIATIVE: { vi: 'Mô hình', en: 'Initiative' },
};

const STATUS: Record<AwardHistoryRow['status'], Record<ExportLocale, string>> = {
  VALID: { vi: 'Còn hiệu lực', en: 'Valid' },
  REVOKED: { vi: 'Đã thu hồi', en: 'Revoked' },
};

const COLUMNS: Column[] = [
  { header: { vi: 'Năm', en: 'Year' }, width: 7, value: (r) => r.year },
  {
    header: { vi: 'Kỳ', en: 'Period' },
    width: 20,
    value: (r, l) => describeAwardPeriod(r.period ?? { kind: 'YEAR', year: r.year }, l),
  },
  {
    header: { vi: 'Hình thức khen thưởng', en: 'Award' },
    width: 30,
    value: (r) => r.formName,
  },
  { header: { vi: 'Cấp', en: 'Level' }, width: 14, value: (r) => r.level },
  {
    header: { vi: 'Người/đơn vị được khen', en: 'Recipient' },
    width: 34,
    value: (r) => r.recipientName,
  },
  { header: { vi: 'Loại', en: 'Type' }, width: 10, value: (r, l) => KIND[r.recipientKind][l] },
  { header: { vi: 'Đơn vị', en: 'Unit' }, width: 30, value: (r) => r.unitName ?? '' },
  {
    header: { vi: 'Số quyết định', en: 'Decision no.' },
    width: 16,
    value: (r) => r.decisionNumber ?? '',
  },
  {
    header: { vi: 'Ngày quyết định', en: 'Decision date' },
    width: 15,
    value: (r) => (r.decisionDate ? vietnameseShortDate(r.decisionDate) : ''),
  },
  {
    header: { vi: 'Cơ quan quyết định', en: 'Issuing authority' },
    width: 34,
    value: (r) => r.authorityName ?? '',
  },
  { header: { vi: 'Số hiệu', en: 'Serial no.' }, width: 20, value: (r) => r.serial ?? '' },
  { header: { vi: 'Trạng thái', en: 'Status' }, width: 13, value: (r, l) => STATUS[r.status][l] },
  {
    header: { vi: 'Lý do thu hồi', en: 'Revocation reason' },
    width: 34,
    value: (r) => r.revokedReason ?? '',
  },
];

const TITLE: Record<ExportLocale, string> = {
  vi: 'LỊCH SỬ KHEN THƯỞNG',
  en: 'AWARD HISTORY',
};

const nfc = (value: string | number) =>
  typeof value === 'string' ? value.normalize('NFC') : value;

/** Headers, in the order of the columns, for a locale. */
export function awardHistoryHeaders(locale: ExportLocale): string[] {
  return COLUMNS.map((c) => c.header[locale]);
}

/** A workbook with one sheet: a title row, a bold frozen header row with a filter, one row per
 * award. Dates are dd/mm/yyyy text, not Excel dates, so no time zone can shift them. */
export async function awardHistoryXlsx(
  rows: AwardHistoryRow[],
  locale: ExportLocale,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EPW';
  const sheet = workbook.addWorksheet(locale === 'vi' ? 'Lịch sử khen thưởng' : 'Award history', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));

  const title = sheet.addRow([TITLE[locale]]);
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  title.font = { bold: true, size: 14 };
  title.height = 24;
  title.alignment = { vertical: 'middle', horizontal: 'center' };

  const header = sheet.addRow(awardHistoryHeaders(locale));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9E9E9' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };

  for (const row of rows) {
    const added = sheet.addRow(COLUMNS.map((c) => nfc(c.value(row, locale))));
    added.alignment = { vertical: 'top', wrapText: true };
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const BOM = '\uFEFF';

/** RFC 4180 CSV (comma, CRLF, double quotes) with a UTF-8 byte order mark, without which Excel
 * reads the file as the machine's ANSI code page and garbles Vietnamese. */
export function awardHistoryCsv(rows: AwardHistoryRow[], locale: ExportLocale): string {
  const lines = [
    awardHistoryHeaders(locale),
    ...rows.map((row) => COLUMNS.map((c) => nfc(c.value(row, locale)))),
  ].map((fields) => fields.map(csvField).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // A text starting with = + - @ would run as a formula when the file is opened in a spreadsheet
  // (CSV injection); a leading apostrophe keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
