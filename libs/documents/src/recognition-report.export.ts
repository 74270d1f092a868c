import ExcelJS from 'exceljs';
import type { ExportLocale } from './award-history.export';
import {
  type Pdf,
  FONT,
  createPdf,
  numberPagesFromSecond,
  renderToBuffer,
  vn,
} from './pdf-document';
import { documentTimestamp, vietnameseShortDate } from './vietnamese-date';

/** One breakdown of the report (by level, by field…), its labels already in the report's language. */
export interface RecognitionReportSection {
  title: string;
  /** Header of the label column ("Cấp", "Lĩnh vực"). */
  labelHeader: string;
  rows: { label: string; count: number }[];
}

/** A table of several counts per row (per level: collectives, individuals, models, total; per
 * child organisation: the same), its labels already in the report's language. */
export interface RecognitionReportTable {
  title: string;
  labelHeader: string;
  columns: string[];
  rows: { label: string; values: number[] }[];
  /** A last, bold row (the sum). */
  footer?: { label: string; values: number[] };
}

export interface RecognitionReportData {
  locale: ExportLocale;
  /** "Năm 2026", "2024 – 2026", "Tất cả các năm". */
  period: string;
  /** Calendar date YYYY-MM-DD (Asia/Ho_Chi_Minh) the report was made; also the PDF's timestamp. */
  generatedOn: string;
  /** Who issues it, printed at the top (may be empty): the organisation the report is of. */
  issuer: string;
  /** The filters applied, printed under the period ("Phong trào: DVK", "Phạm vi: …"). */
  filters?: { label: string; value: string }[];
  /** Multi-count tables, printed before the breakdowns. */
  tables?: RecognitionReportTable[];
  total: number;
  sections: RecognitionReportSection[];
  /** Count per level, form and recipient kind, with localized labels. */
  detail: { level: string; formName: string; recipientKind: string; count: number }[];
}

const WORDS = {
  vi: {
    title: 'BÁO CÁO THỐNG KÊ KHEN THƯỞNG, CÔNG NHẬN',
    period: 'Kỳ báo cáo',
    generated: 'Ngày lập',
    total: 'Tổng số',
    count: 'Số lượng',
    share: 'Tỷ lệ',
    summarySheet: 'Tổng hợp',
    detailSheet: 'Chi tiết',
    detailTitle: 'Chi tiết theo cấp, hình thức và đối tượng',
    level: 'Cấp',
    form: 'Hình thức khen thưởng',
    kind: 'Đối tượng',
    empty: 'Không có khen thưởng nào trong kỳ báo cáo.',
  },
  en: {
    title: 'AWARDS AND RECOGNITIONS REPORT',
    period: 'Period',
    generated: 'Prepared on',
    total: 'Total',
    count: 'Count',
    share: 'Share',
    summarySheet: 'Summary',
    detailSheet: 'Detail',
    detailTitle: 'Detail by level, award and recipient',
    level: 'Level',
    form: 'Award',
    kind: 'Recipient',
    empty: 'No awards in the period.',
  },
} as const;

/** A share as the report's language writes it: "33,3 %" in Vietnamese, "33.3 %" in English. */
export function formatShare(count: number, total: number, locale: ExportLocale): string {
  const value = total === 0 ? 0 : (count / total) * 100;
  return `${value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 })} %`;
}

/** A workbook: a summary sheet with one block per breakdown (count and share), and a detail sheet. */
export async function recognitionReportXlsx(data: RecognitionReportData): Promise<Buffer> {
  const w = WORDS[data.locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EPW';
  const sheet = workbook.addWorksheet(w.summarySheet, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 },
  });
  sheet.columns = [{ width: 48 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  const title = sheet.addRow([w.title]);
  sheet.mergeCells(title.number, 1, title.number, 3);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  if (data.issuer) sheet.addRow([vn(data.issuer)]);
  sheet.addRow([`${w.period}: ${vn(data.period)}`]);
  for (const f of data.filters ?? []) sheet.addRow([`${vn(f.label)}: ${vn(f.value)}`]);
  sheet.addRow([`${w.generated}: ${vietnameseShortDate(data.generatedOn)}`]);
  const total = sheet.addRow([w.total, data.total]);
  total.font = { bold: true };

  for (const table of data.tables ?? []) {
    sheet.addRow([]);
    const heading = sheet.addRow([vn(table.title)]);
    heading.font = { bold: true, size: 12 };
    const header = sheet.addRow([vn(table.labelHeader), ...table.columns.map(vn)]);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9E9E9' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const r of table.rows) sheet.addRow([vn(r.label), ...r.values]);
    if (table.footer) {
      const footer = sheet.addRow([vn(table.footer.label), ...table.footer.values]);
      footer.font = { bold: true };
    }
  }

  for (const section of data.sections) {
    sheet.addRow([]);
    const heading = sheet.addRow([vn(section.title)]);
    heading.font = { bold: true, size: 12 };
    const header = sheet.addRow([vn(section.labelHeader), w.count, w.share]);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9E9E9' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const r of section.rows) {
      const row = sheet.addRow([vn(r.label), r.count, data.total ? r.count / data.total : 0]);
      row.getCell(3).numFmt = '0.0%';
    }
  }

  const detail = workbook.addWorksheet(w.detailSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [{ width: 18 }, { width: 40 }, { width: 14 }, { width: 12 }];
  const header = detail.addRow([w.level, w.form, w.kind, w.count]);
  header.font = { bold: true };
  detail.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 } };
  for (const r of data.detail) {
    detail.addRow([vn(r.level), vn(r.formName), vn(r.recipientKind), r.count]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const MARGIN = { top: 57, bottom: 57, left: 70, right: 57 };
const COLS = { label: 250, count: 70, share: 70 };
const ROW_PAD = 4;
const SIZE = 11;

/** The report on A4 portrait: heading, total, then per breakdown a table with a bar per row. */
export async function renderRecognitionReportPdf(data: RecognitionReportData): Promise<Buffer> {
  const w = WORDS[data.locale];
  const doc = createPdf({
    layout: 'portrait',
    margins: MARGIN,
    title: `${w.title} – ${data.period}`,
    subject: data.issuer || undefined,
    timestamp: documentTimestamp(data.generatedOn),
    bufferPages: true,
  });
  return await renderToBuffer(doc, () => {
    doc.addPage();
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    if (data.issuer) {
      doc
        .font(FONT.serifBold)
        .fontSize(11)
        .text(vn(data.issuer.toLocaleUpperCase('vi')), {
          width,
        });
      doc.moveDown(0.8);
    }
    doc.font(FONT.serifBold).fontSize(15).text(w.title, { width, align: 'center' });
    doc.moveDown(0.3);
    doc
      .font(FONT.serifItalic)
      .fontSize(12)
      .text(
        `${w.period}: ${vn(data.period)} · ${w.generated}: ${vietnameseShortDate(data.generatedOn)}`,
        {
          width,
          align: 'center',
        },
      );
    for (const f of data.filters ?? []) {
      doc
        .font(FONT.serif)
        .fontSize(11.5)
        .text(`${vn(f.label)}: ${vn(f.value)}`, { width, align: 'center' });
    }
    doc.moveDown(0.8);
    doc
      .font(FONT.serifBold)
      .fontSize(12.5)
      .text(`${w.total}: ${formatCount(data.total, data.locale)}`, MARGIN.left);
    if (data.total === 0) {
      doc.moveDown(0.5).font(FONT.serif).fontSize(12).text(w.empty, MARGIN.left);
    }
    for (const table of data.tables ?? []) {
      if (table.rows.length === 0) continue;
      drawTable(doc, table, data, width);
    }
    for (const section of data.sections) {
      if (section.rows.length === 0) continue;
      drawSection(doc, section, data, width);
    }
    numberPagesFromSecond(doc, 28);
  });
}

function room(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN.bottom) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

function drawSection(
  doc: Pdf,
  s: RecognitionReportSection,
  data: RecognitionReportData,
  width: number,
) {
  const w = WORDS[data.locale];
  doc.moveDown(1);
  room(doc, 60);
  doc.font(FONT.serifBold).fontSize(12.5).fillColor('black').text(vn(s.title), MARGIN.left, doc.y);
  doc.moveDown(0.3);
  const barX = MARGIN.left + COLS.label + COLS.count + COLS.share;
  const barWidth = width - COLS.label - COLS.count - COLS.share - 8;
  const max = Math.max(1, ...s.rows.map((r) => r.count));
  const row = (cells: [string, string, string], header: boolean, count?: number) => {
    const font = header ? FONT.serifBold : FONT.serif;
    doc.font(font).fontSize(SIZE);
    const height = doc.heightOfString(cells[0] || ' ', { width: COLS.label - 8 }) + 2 * ROW_PAD;
    room(doc, height);
    const y = doc.y;
    if (header) doc.rect(MARGIN.left, y, width, height).fillColor('#e9e9e9').fill();
    doc.fillColor('black').font(font).fontSize(SIZE);
    doc.text(cells[0], MARGIN.left + 4, y + ROW_PAD, { width: COLS.label - 8 });
    doc.text(cells[1], MARGIN.left + COLS.label, y + ROW_PAD, {
      width: COLS.count - 6,
      align: 'right',
    });
    doc.text(cells[2], MARGIN.left + COLS.label + COLS.count, y + ROW_PAD, {
      width: COLS.share - 6,
      align: 'right',
    });
    if (count !== undefined && count > 0) {
      doc
        .rect(
          barX + 4,
          y + ROW_PAD + 1,
          Math.max(2, (barWidth * count) / max),
          Math.min(height - 2 * ROW_PAD - 2, 10),
        )
        .fillColor('#b71c1c')
        .fill();
    }
    endRow(doc, y + height, width);
  };
  row([vn(s.labelHeader), w.count, w.share], true);
  const number = (n: number) => formatCount(n, data.locale);
  for (const r of s.rows) {
    row(
      [vn(r.label), number(r.count), formatShare(r.count, data.total, data.locale)],
      false,
      r.count,
    );
  }
}

/** A row's bottom rule at `bottom`, across `width`; the text continues below it. */
function endRow(doc: Pdf, bottom: number, width: number): void {
  doc
    .moveTo(MARGIN.left, bottom)
    .lineTo(MARGIN.left + width, bottom)
    .lineWidth(0.4)
    .strokeColor('#999999')
    .stroke();
  doc.fillColor('black');
  doc.y = bottom;
}

function formatCount(n: number, locale: ExportLocale): string {
  return n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US');
}

/** A table with one label column and several right-aligned count columns. */
function drawTable(
  doc: Pdf,
  t: RecognitionReportTable,
  data: RecognitionReportData,
  width: number,
) {
  doc.moveDown(1);
  room(doc, 60);
  doc.font(FONT.serifBold).fontSize(12.5).fillColor('black').text(vn(t.title), MARGIN.left, doc.y);
  doc.moveDown(0.3);
  const countWidth = Math.min(80, (width - 180) / Math.max(1, t.columns.length));
  const labelWidth = width - countWidth * t.columns.length;
  const number = (n: number) => formatCount(n, data.locale);
  const row = (cells: string[], bold: boolean, shaded: boolean) => {
    const font = bold ? FONT.serifBold : FONT.serif;
    doc.font(font).fontSize(SIZE);
    const height =
      Math.max(
        ...cells.map((c, i) =>
          doc.heightOfString(c || ' ', { width: (i === 0 ? labelWidth : countWidth) - 8 }),
        ),
      ) +
      2 * ROW_PAD;
    room(doc, height);
    const y = doc.y;
    if (shaded) doc.rect(MARGIN.left, y, width, height).fillColor('#e9e9e9').fill();
    doc.fillColor('black').font(font).fontSize(SIZE);
    cells.forEach((c, i) => {
      const x = i === 0 ? MARGIN.left + 4 : MARGIN.left + labelWidth + (i - 1) * countWidth;
      doc.text(c, x, y + ROW_PAD, {
        width: (i === 0 ? labelWidth : countWidth) - 8,
        align: i === 0 ? 'left' : 'right',
      });
    });
    endRow(doc, y + height, width);
  };
  row([vn(t.labelHeader), ...t.columns.map(vn)], true, true);
  for (const r of t.rows) row([vn(r.label), ...r.values.map(number)], false, false);
  if (t.footer) row([vn(t.footer.label), ...t.footer.values.map(number)], true, false);
}
