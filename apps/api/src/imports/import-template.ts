import ExcelJS from 'exceljs';
import type { ImportKindDefinition, ImportLocale } from '@epw/domain';

const SHEETS: Record<ImportLocale, { data: string; notes: string }> = {
  vi: { data: 'Dữ liệu', notes: 'Hướng dẫn' },
  en: { data: 'Data', notes: 'Notes' },
};

const NOTES_HEADER: Record<ImportLocale, string[]> = {
  vi: ['Cột', 'Tên cột (mã)', 'Bắt buộc', 'Định dạng', 'Ví dụ'],
  en: ['Column', 'Key', 'Required', 'Format', 'Example'],
};

const REQUIRED: Record<ImportLocale, Record<'true' | 'false' | 'conditional', string>> = {
  vi: { true: 'Có', false: 'Không', conditional: 'Tùy dòng' },
  en: { true: 'Yes', false: 'No', conditional: 'Depends on the row' },
};

const BOM = '\uFEFF';

/**
 * The template of an import: the header row and an example row (a workbook adds a notes sheet
 * with every column's rule and the rules across rows). Headers are in the caller's language; an
 * import reads Vietnamese, English or key headers alike.
 */
export async function importTemplate(
  definition: ImportKindDefinition,
  format: 'xlsx' | 'csv',
  locale: ImportLocale,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EPW';
  const data = workbook.addWorksheet(SHEETS[locale].data, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  data.columns = definition.columns.map((c) => ({
    width: Math.max(14, c.header[locale].length + 4),
    // Text cells: Excel would otherwise turn codes like 01-02 into dates.
    style: { numFmt: '@' },
  }));
  const header = data.addRow(definition.columns.map((c) => c.header[locale]));
  header.font = { bold: true };
  data.addRow(definition.columns.map((c) => c.example));

  if (format === 'csv') {
    const csv = await workbook.csv.writeBuffer({
      sheetName: SHEETS[locale].data,
      formatterOptions: { rowDelimiter: '\r\n' },
    });
    // Without the byte order mark Excel reads the file in the machine's code page.
    return Buffer.concat([Buffer.from(BOM, 'utf8'), Buffer.from(csv)]);
  }

  const notes = workbook.addWorksheet(SHEETS[locale].notes);
  notes.columns = [{ width: 30 }, { width: 18 }, { width: 16 }, { width: 70 }, { width: 24 }];
  notes.addRow(NOTES_HEADER[locale]).font = { bold: true };
  for (const c of definition.columns) {
    const row = notes.addRow([
      c.header[locale],
      c.key,
      REQUIRED[locale][String(c.required) as 'true' | 'false' | 'conditional'],
      c.format[locale],
      c.example,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  notes.addRow([]);
  for (const n of definition.notes) {
    const row = notes.addRow([n[locale]]);
    notes.mergeCells(row.number, 1, row.number, 5);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
