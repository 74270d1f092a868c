import { NATIONAL_LEGAL_BASES, decisionBasisLines } from '@epw/domain';
import { renderDecisionPdf } from './decision.pdf';
import { pdfPageTexts } from './testing/pdf-text';
import { sampleDecision, samplePartyDecision } from './testing/samples';

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

  it('writes a state decision: national name and motto, "Số:" with a colon, the signer block', async () => {
    const [first] = pdfPageTexts(await renderDecisionPdf(sampleDecision(3)));
    const text = oneLine(first).trim();

    expect(first.split('\n')).toEqual(
      expect.arrayContaining([
        'QUYẾT ĐỊNH',
        'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
        'QUYẾT ĐỊNH:',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Nguyễn Văn Được',
      ]),
    );
    expect(text).toMatch(
      /^ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập/,
    );
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    // Number and date share a baseline, so pdf.js reports them as one line.
    expect(text).toContain('Số: 1234/QĐ-UBND TP. Hồ Chí Minh, ngày 15 tháng 10 năm 2026');
    expect(text).toContain(
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
    );
    expect(text).toContain('Điều 1. Tặng Bằng khen cho 3 tập thể và cá nhân');
    expect(text).toContain('Điều 3. Chánh Văn phòng');
  });

  it('writes a party decision: superior body, issuer, "*", "Số" without a colon, the party header', async () => {
    const pages = pdfPageTexts(await renderDecisionPdf(samplePartyDecision(4)));
    const lines = pages[0].split('\n');
    const text = oneLine(pages[0]).trim();

    // Superior body, issuer and "*" at the top left; the party header at the top right.
    expect(text).toMatch(
      /^ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ \* ĐẢNG CỘNG SẢN VIỆT NAM/,
    );
    expect(text).toContain('Số 126-QĐ/ĐUK TP. Hồ Chí Minh, ngày 12 tháng 10 năm 2022');
    expect(text).not.toContain('Số:');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ');
    expect(lines).toEqual(expect.arrayContaining(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ']));
    // The annex repeats the party heading.
    expect(oneLine(pages[1])).toMatch(
      /^(\d+ )?ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH .* ĐẢNG CỘNG SẢN VIỆT NAM/,
    );
  });

  it('prints the legal bases in force on its date: the 2003 law in 2020, 06/2022/QH15 in 2024', async () => {
    const basis = (signedOn: string) =>
      decisionBasisLines({
        legalBases: NATIONAL_LEGAL_BASES,
        signedOn,
        hasCouncilStep: false,
        issuer: { councilName: 'Hội đồng Thi đua - Khen thưởng', proposerName: null },
      });
    const [in2020] = pdfPageTexts(
      await renderDecisionPdf({
        ...samplePartyDecision(2),
        signedOn: '2020-10-12',
        basis: basis('2020-10-12'),
      }),
    );
    const [in2024] = pdfPageTexts(
      await renderDecisionPdf({
        ...samplePartyDecision(2),
        signedOn: '2024-10-12',
        basis: basis('2024-10-12'),
      }),
    );

    expect(oneLine(in2020)).toContain(
      'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;',
    );
    expect(oneLine(in2020)).not.toContain('06/2022/QH15');
    expect(oneLine(in2024)).toContain('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15');
    expect(oneLine(in2024)).not.toContain('năm 2003');
    expect(oneLine(in2024)).not.toContain('Hội đồng');
  });

  it('groups the annex: collectives first, then individuals, each with position and unit', async () => {
    const decision = samplePartyDecision(8);
    const annex = oneLine(pdfPageTexts(await renderDecisionPdf(decision))[1]);

    // Recipient 7 is the only collective; it is listed first though it comes seventh.
    const collectives = annex.indexOf('I. TẬP THỂ (01)');
    const individuals = annex.indexOf('II. CÁ NHÂN (07)');
    expect(collectives).toBeGreaterThan(-1);
    expect(individuals).toBeGreaterThan(collectives);
    expect(annex.indexOf('Tập thể Ủy ban nhân dân phường Bến Thành (7)')).toBeLessThan(individuals);
    expect(annex.indexOf('Nguyễn Thị An 1')).toBeGreaterThan(individuals);
    expect(annex).toContain('STT Tập thể, cá nhân Chức vụ Đơn vị Thành tích');
    expect(annex).toContain('1 Nguyễn Thị An 1 Phó Bí thư Đảng ủy Sở Tư pháp');
    // Numbers restart in each group.
    expect(annex).toContain('2 Trần Văn Bảo 2 Chuyên viên');
    // One form: no form column.
    expect(annex).not.toContain('Hình thức khen thưởng');
  });

  it('adds a form column when the decision gives several forms', async () => {
    const decision = sampleDecision(3);
    decision.recipients[0] = { ...decision.recipients[0], formName: 'Giấy khen' };
    const annex = oneLine(pdfPageTexts(await renderDecisionPdf(decision))[1]);

    expect(annex).toContain('Hình thức khen thưởng');
    expect(annex).toContain('Giấy khen');
    expect(annex).toContain('Bằng khen');
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
