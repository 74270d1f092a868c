import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { RequestValidationException } from '../common/request-validation.exception';

export type ImportFileType = 'xlsx' | 'csv';

/** One line of the file: its spreadsheet row number and its cells as text. */
export interface ImportFileLine {
  row: number;
  cells: string[];
}

/** An XLSX workbook is a ZIP archive; anything else is taken for CSV text. */
export function importFileTypeOf(bytes: Uint8Array): ImportFileType {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
    ? 'xlsx'
    : 'csv';
}

const unreadable = (rule: string, message: string) =>
  new RequestValidationException([{ field: 'contentBase64', rule, message }]);

/** What a workbook may unpack to: far above any real import (2,000 rows are about 1 MB), far
 * below what a small "zip bomb" would make the API allocate. */
export const WORKBOOK_LIMITS = { maxUnpackedBytes: 64 * 1024 * 1024, maxEntries: 1_000 };

/**
 * Refuses a workbook that would unpack to more than the limits, before the spreadsheet reader
 * inflates it: every entry is inflated as a stream and counted, so sizes the archive's headers
 * understate are caught too, and nothing beyond the limit is ever held in memory.
 */
export async function assertBoundedWorkbook(
  bytes: Buffer,
  limits: typeof WORKBOOK_LIMITS = WORKBOOK_LIMITS,
): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw unreadable('xlsx', 'the file starts like an XLSX workbook but cannot be read as one');
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const tooLarge = () =>
    unreadable(
      'xlsx-size',
      `the workbook unpacks to more than ${limits.maxUnpackedBytes / 1024 / 1024} MB or ${limits.maxEntries} parts; split the file`,
    );
  if (entries.length > limits.maxEntries) throw tooLarge();
  let unpacked = 0;
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer') as Readable;
      stream.on('data', (chunk: Buffer) => {
        unpacked += chunk.length;
        if (unpacked > limits.maxUnpackedBytes) {
          stream.destroy();
          reject(tooLarge());
        }
      });
      stream.on('end', () => resolve());
      stream.on('error', () =>
        reject(
          unreadable('xlsx', 'the file starts like an XLSX workbook but cannot be read as one'),
        ),
      );
    });
  }
}

/** The first worksheet of a workbook, or the records of a UTF-8 CSV file (comma or semicolon,
 * with or without a byte order mark), as lines of text cells. */
export async function readImportFile(
  bytes: Buffer,
): Promise<{ type: ImportFileType; lines: ImportFileLine[] }> {
  const type = importFileTypeOf(bytes);
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  if (type === 'xlsx') {
    await assertBoundedWorkbook(bytes);
    try {
      // exceljs's typings predate Node's generic Buffer; the bytes are what it wants.
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw unreadable('xlsx', 'the file starts like an XLSX workbook but cannot be read as one');
    }
    sheet = workbook.worksheets[0];
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw unreadable('utf8', 'a CSV file must be UTF-8 text (save it as "CSV UTF-8")');
    }
    const firstLine = text.slice(0, text.search(/\r?\n|$/));
    const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
    try {
      sheet = await workbook.csv.read(Readable.from([text]), {
        // Cells stay text: the import's rules read numbers and dates themselves.
        map: (value: unknown) => value,
        parserOptions: { delimiter },
      });
    } catch {
      throw unreadable('csv', 'the CSV text cannot be read (check its quotes)');
    }
  }
  const lines: ImportFileLine[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
    lines.push({ row: rowNumber, cells });
  });
  return { type, lines };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** A cell as the text a person sees: numbers plainly, dates as YYYY-MM-DD, formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // exceljs reads dates as UTC midnights.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
