import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { RequestValidationException } from '../common/request-validation.exception';
import { assertBoundedWorkbook, readImportFile } from './import-file';

const MB = 1024 * 1024;

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dữ liệu');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A small archive that inflates to `size` bytes of zeros (the shape of a "zip bomb"). */
async function bomb(size: number, entries = 1): Promise<Buffer> {
  const zip = new JSZip();
  for (let i = 0; i < entries; i += 1) zip.file(`xl/part${i}.xml`, Buffer.alloc(size));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const ruleOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(RequestValidationException);
    return JSON.stringify((err as RequestValidationException).violations);
  }
};

describe('import files', () => {
  it('reads a real workbook within the limits', async () => {
    const bytes = await workbook([
      ['Mã đơn vị', 'Tên'],
      ['DU-X', 'Đảng ủy Công ty X'],
    ]);
    await expect(assertBoundedWorkbook(bytes)).resolves.toBeUndefined();
    const read = await readImportFile(bytes);
    expect(read.type).toBe('xlsx');
    expect(read.lines.map((l) => l.cells)).toEqual([
      ['Mã đơn vị', 'Tên'],
      ['DU-X', 'Đảng ủy Công ty X'],
    ]);
  });

  it('refuses an archive that unpacks beyond the limit, naming the field and rule', async () => {
    const bytes = await bomb(3 * MB);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const refused = await ruleOf(
      assertBoundedWorkbook(bytes, { maxUnpackedBytes: MB, maxEntries: 10 }),
    );
    expect(refused).toContain('"field":"contentBase64"');
    expect(refused).toContain('"rule":"xlsx-size"');
  });

  it('counts every part: many small parts add up', async () => {
    const bytes = await bomb(300 * 1024, 5);
    const refused = await ruleOf(
      assertBoundedWorkbook(bytes, { maxUnpackedBytes: MB, maxEntries: 10 }),
    );
    expect(refused).toContain('xlsx-size');
    const tooMany = await ruleOf(
      assertBoundedWorkbook(await bomb(10, 11), { maxUnpackedBytes: MB, maxEntries: 10 }),
    );
    expect(tooMany).toContain('xlsx-size');
  });

  it('refuses bytes that only start like an archive', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    const refused = await ruleOf(readImportFile(bytes));
    expect(refused).toContain('"rule":"xlsx"');
  });
});
