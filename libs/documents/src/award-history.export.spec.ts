import ExcelJS from 'exceljs';
import { awardHistoryCsv, awardHistoryHeaders, awardHistoryXlsx } from './award-history.export';
import { sampleAwardHistory } from './testing/samples';

const VI_HEADERS = [
  'Năm',
  'Kỳ',
  'Hình thức khen thưởng',
  'Cấp',
  'Người/đơn vị được khen',
  'Loại',
  'Đơn vị',
  'Số quyết định',
  'Ngày quyết định',
  'Cơ quan quyết định',
  'Số hiệu',
  'Trạng thái',
  'Lý do thu hồi',
];

async function readBack(xlsx: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer; the bytes are what it wants.
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);

describe(awardHistoryXlsx.name, () => {
  it('round-trips through exceljs: title, bold frozen header, values with Vietnamese intact', async () => {
    const sheet = await readBack(await awardHistoryXlsx(sampleAwardHistory(), 'vi'));

    expect(sheet.getCell('A1').value).toBe('LỊCH SỬ KHEN THƯỞNG');
    expect(rowValues(sheet, 2)).toEqual(VI_HEADERS);
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(rowValues(sheet, 3)).toEqual([
      2026,
      'năm 2026',
      'Giấy khen',
      'Cơ sở',
      'Nguyễn Thị Hồng Nhung',
      'Cá nhân',
      'Sở Tư pháp',
      '1234/QĐ-ĐUK',
      '05/10/2026',
      'Đảng ủy Khối các cơ quan Thành phố',
      'ĐUK/2026/000123',
      'Còn hiệu lực',
      '',
    ]);
    expect(sheet.getCell('L4').value).toBe('Đã thu hồi');
    expect(sheet.getCell('M4').value).toBe('Kê khai sai, trùng "thành tích"');
    expect(sheet.getColumn(5).width).toBeGreaterThan(20);
    expect(sheet.rowCount).toBe(4);
  });

  it('writes English headers and labels for the en locale', async () => {
    const sheet = await readBack(await awardHistoryXlsx(sampleAwardHistory(), 'en'));

    expect(sheet.getCell('A1').value).toBe('AWARD HISTORY');
    expect(rowValues(sheet, 2)).toEqual(awardHistoryHeaders('en'));
    expect(sheet.getCell('B2').value).toBe('Period');
    expect(sheet.getCell('C2').value).toBe('Award');
    expect(sheet.getCell('F4').value).toBe('Initiative');
    expect(sheet.getCell('L4').value).toBe('Revoked');
  });
});

describe(awardHistoryCsv.name, () => {
  it('starts with a UTF-8 BOM and the headers, one CRLF-terminated record per row', () => {
    const csv = awardHistoryCsv(sampleAwardHistory(), 'vi');

    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = csv.slice(1).split('\r\n');
    expect(records).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
    expect(records[0]).toBe(VI_HEADERS.join(','));
    expect(records[1]).toBe(
      '2026,năm 2026,Giấy khen,Cơ sở,Nguyễn Thị Hồng Nhung,Cá nhân,Sở Tư pháp,1234/QĐ-ĐUK,05/10/2026,' +
        'Đảng ủy Khối các cơ quan Thành phố,ĐUK/2026/000123,Còn hiệu lực,',
    );
  });

  it('quotes fields with a comma or a quote and doubles the quotes (RFC 4180)', () => {
    const csv = awardHistoryCsv(sampleAwardHistory(), 'vi');

    expect(csv).toContain(',"Điển hình ""Dân vận khéo"" cấp Thành phố",');
    expect(csv).toContain(',"Chợ Bến Thành, an toàn – văn minh",');
    expect(csv).toContain(',"Kê khai sai, trùng ""thành tích"""\r\n');
  });

  it('words the period of a quarterly or a phase award, in either language', () => {
    const [row] = sampleAwardHistory();
    const rows = [
      { ...row, year: 2023, period: { kind: 'QUARTER' as const, year: 2023, quarter: 3 } },
      { ...row, year: 2020, period: { kind: 'PHASE' as const, year: 2020, startYear: 2016 } },
    ];
    const [, quarter, phase] = awardHistoryCsv(rows, 'vi').slice(1).split('\r\n');
    expect(quarter).toMatch(/^2023,quý III năm 2023,/);
    expect(phase).toMatch(/^2020,giai đoạn 2016–2020,/);
    expect(awardHistoryCsv(rows, 'en')).toContain('\r\n2020,2016–2020,');
  });

  it('keeps text that looks like a formula from running in a spreadsheet', () => {
    const [row] = sampleAwardHistory();
    const csv = awardHistoryCsv([{ ...row, recipientName: '=HYPERLINK("http://x")' }], 'en');

    expect(csv).toContain(',"\'=HYPERLINK(""http://x"")",');
  });
});
