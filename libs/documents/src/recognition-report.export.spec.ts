import ExcelJS from 'exceljs';
import {
  formatShare,
  recognitionReportXlsx,
  renderRecognitionReportPdf,
  type RecognitionReportData,
} from './recognition-report.export';
import { pdfPageTexts } from './testing/pdf-text';

const sample = (): RecognitionReportData => ({
  locale: 'vi',
  period: 'Năm 2026',
  generatedOn: '2026-11-21',
  issuer: 'Hội đồng Thi đua – Khen thưởng Cụm 01',
  total: 3,
  sections: [
    {
      title: 'Theo cấp khen thưởng',
      labelHeader: 'Cấp',
      rows: [
        { label: 'Cơ sở', count: 2 },
        { label: 'Khối', count: 1 },
      ],
    },
    { title: 'Theo lĩnh vực', labelHeader: 'Lĩnh vực', rows: [{ label: 'Kinh tế', count: 1 }] },
  ],
  detail: [
    { level: 'Cơ sở', formName: 'Lao động tiên tiến', recipientKind: 'Cá nhân', count: 2 },
    { level: 'Khối', formName: 'Giấy khen', recipientKind: 'Tập thể', count: 1 },
  ],
});

describe(formatShare.name, () => {
  it('writes a Vietnamese decimal comma', () => {
    expect(formatShare(1, 3, 'vi')).toBe('33,3 %');
    expect(formatShare(1, 3, 'en')).toBe('33.3 %');
    expect(formatShare(0, 0, 'vi')).toBe('0 %');
  });
});

describe(recognitionReportXlsx.name, () => {
  it('has a summary sheet with each breakdown and a detail sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await recognitionReportXlsx(sample())) as unknown as ExcelJS.Buffer);
    const [summary, detail] = workbook.worksheets;
    const values: unknown[] = [];
    summary?.eachRow((row) => values.push(...(row.values as unknown[]).slice(1)));
    expect(values).toEqual(
      expect.arrayContaining([
        'BÁO CÁO THỐNG KÊ KHEN THƯỞNG, CÔNG NHẬN',
        'Theo lĩnh vực',
        'Cơ sở',
        2,
      ]),
    );
    expect(detail?.getRow(2).values).toEqual([
      undefined,
      'Cơ sở',
      'Lao động tiên tiến',
      'Cá nhân',
      2,
    ]);
  });
});

describe(renderRecognitionReportPdf.name, () => {
  it('prints the title, the period, and every row with its share', async () => {
    const [first] = pdfPageTexts(await renderRecognitionReportPdf(sample()));
    const text = (first ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO THỐNG KÊ KHEN THƯỞNG, CÔNG NHẬN');
    expect(text).toContain('Kỳ báo cáo: Năm 2026');
    expect(text).toContain('Theo cấp khen thưởng');
    expect(text).toContain('66,7 %');
    expect(text).toContain('Kinh tế');
  });
});

describe('a scoped recognitions report', () => {
  const scoped = (): RecognitionReportData => ({
    ...sample(),
    issuer: 'Đảng ủy Khối Doanh nghiệp',
    period: 'Quý III năm 2023',
    filters: [
      { label: 'Phạm vi', value: 'Đảng ủy Khối Doanh nghiệp và các đơn vị trực thuộc' },
      { label: 'Phong trào', value: 'Dân vận khéo' },
    ],
    tables: [
      {
        title: 'Theo tổ chức trực thuộc',
        labelHeader: 'Tổ chức',
        columns: ['Tập thể', 'Cá nhân', 'Mô hình', 'Tổng số'],
        rows: [
          { label: 'Đảng ủy Công ty A', values: [1, 0, 1, 2] },
          { label: 'Đảng ủy Công ty B', values: [0, 1, 0, 1] },
        ],
        footer: { label: 'Cộng', values: [1, 1, 1, 3] },
      },
    ],
  });

  it('heads the workbook with the organisation and the filters, and lists each child', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await recognitionReportXlsx(scoped())) as unknown as ExcelJS.Buffer);
    const values: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) => values.push(...(row.values as unknown[]).slice(1)));
    expect(values).toEqual(
      expect.arrayContaining([
        'Đảng ủy Khối Doanh nghiệp',
        'Phong trào: Dân vận khéo',
        'Kỳ báo cáo: Quý III năm 2023',
        'Đảng ủy Công ty B',
        'Cộng',
        3,
      ]),
    );
  });

  it('prints the organisation, the filters and the table of children in the PDF', async () => {
    const [first] = pdfPageTexts(await renderRecognitionReportPdf(scoped()));
    const text = (first ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('ĐẢNG ỦY KHỐI DOANH NGHIỆP');
    expect(text).toContain('Phong trào: Dân vận khéo');
    expect(text).toContain('Theo tổ chức trực thuộc');
    expect(text).toContain('Đảng ủy Công ty A');
  });
});
