import { renderDecisionPdf } from './decision.pdf';
import { pdfPageTexts } from './testing/pdf-text';
import { sampleDecision } from './testing/samples';

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe(renderDecisionPdf.name, () => {
  it('lists 60 recipients over several annex pages, each page repeating the table header', async () => {
    const decision = sampleDecision(60);
    const pages = pdfPageTexts(await renderDecisionPdf(decision));

    expect(pages.length).toBeGreaterThan(2);
    const annex = pages.slice(1);
    for (const page of annex) expect(page).toContain('Tập thể, cá nhân');
    const text = oneLine(annex.join('\n'));
    for (const r of decision.recipients) expect(text).toContain(r.name);
    expect(text).toContain('Kèm theo Quyết định số 1234/QĐ-UBND ngày 15 tháng 10 năm 2026');
    // Rows are not split or lost at page breaks: the last one is there once.
    expect(text.split('Đỗ Thanh Tuấn 60')).toHaveLength(2);
  });

  it('writes the heading, the basis and numbered articles, and the signature', async () => {
    const [first] = pdfPageTexts(await renderDecisionPdf(sampleDecision(3)));
    const text = oneLine(first);

    expect(first.split('\n')).toEqual(
      expect.arrayContaining([
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'ỦY BAN NHÂN DÂN',
        'THÀNH PHỐ HỒ CHÍ MINH',
        'QUYẾT ĐỊNH',
        'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
        'QUYẾT ĐỊNH:',
        'Nguyễn Văn Được',
      ]),
    );
    // Number and date share a baseline, so pdf.js reports them as one line.
    expect(text).toContain('Số: 1234/QĐ-UBND TP. Hồ Chí Minh, ngày 15 tháng 10 năm 2026');
    expect(text).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(text).toContain('Điều 1. Tặng Bằng khen, Giấy khen cho 3 tập thể và cá nhân');
    expect(text).toContain('Điều 3. Chánh Văn phòng');
  });

  it('keeps an article number the caller already wrote', async () => {
    const decision = { ...sampleDecision(1), articles: ['Điều 1. Tặng Giấy khen.', 'Thi hành.'] };
    const text = oneLine(pdfPageTexts(await renderDecisionPdf(decision))[0]);

    expect(text).toContain('Điều 1. Tặng Giấy khen.');
    expect(text).not.toContain('Điều 1. Điều 1.');
    expect(text).toContain('Điều 2. Thi hành.');
  });

  it('has no annex page when there is nobody to list', async () => {
    const pages = pdfPageTexts(await renderDecisionPdf({ ...sampleDecision(0), recipients: [] }));

    expect(pages).toHaveLength(1);
    expect(pages[0]).not.toContain('DANH SÁCH');
  });

  it('gives the same bytes for the same decision', async () => {
    const [a, b] = await Promise.all([
      renderDecisionPdf(sampleDecision(30)),
      renderDecisionPdf(sampleDecision(30)),
    ]);

    expect(a.equals(b)).toBe(true);
  });
});
