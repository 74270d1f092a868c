import { renderTextDocumentPdf } from './minutes.pdf';
import { pdfPageTexts } from './testing/pdf-text';

describe(renderTextDocumentPdf.name, () => {
  it('prints the title once and every line, Vietnamese intact', async () => {
    const lines = [
      'BIÊN BẢN KIỂM PHIẾU',
      'Cụm thi đua: Cụm số 3 – các phường trung tâm',
      '',
      '1. Ủy ban nhân dân phường Bến Thành: 9/11 phiếu đồng ý, đạt 81,8% tổng số thành viên (đạt)',
    ];
    const pages = pdfPageTexts(
      await renderTextDocumentPdf({ title: 'BIÊN BẢN KIỂM PHIẾU', lines }),
    );
    const text = pages.join('\n').replace(/\s+/g, ' ');

    expect(pages).toHaveLength(1);
    expect(text.split('BIÊN BẢN KIỂM PHIẾU')).toHaveLength(2);
    expect(text).toContain('Cụm thi đua: Cụm số 3 – các phường trung tâm');
    expect(text).toContain('Ủy ban nhân dân phường Bến Thành: 9/11 phiếu đồng ý, đạt 81,8%');
  });

  it('flows a long text onto numbered pages', async () => {
    const lines = Array.from(
      { length: 150 },
      (_, i) => `Dòng thứ ${i + 1}: đơn vị đã hoàn thành xuất sắc nhiệm vụ được giao trong năm.`,
    );
    const pages = pdfPageTexts(await renderTextDocumentPdf({ title: 'BÁO CÁO', lines }));

    expect(pages.length).toBeGreaterThan(2);
    pages.slice(1).forEach((page, i) => expect(page.split('\n')).toContain(String(i + 2)));
    expect(pages.join('\n')).toContain('Dòng thứ 150:');
  });
});
