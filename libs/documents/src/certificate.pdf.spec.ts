import { renderCertificatePdf, renderCertificatesPdf } from './certificate.pdf';
import { pdfPageTexts } from './testing/pdf-text';
import { sampleCertificate } from './testing/samples';

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const REAL_TIMERS: FakeableAPI[] = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
];

describe(renderCertificatesPdf.name, () => {
  it('writes Vietnamese text that reads back intact, with the decision and verification link', async () => {
    const [page] = pdfPageTexts(
      await renderCertificatesPdf([
        sampleCertificate({ verifyUrl: 'https://tdkt.example.vn/app/verify/K7Q2-9XMA-4HRT' }),
      ]),
    );

    const lines = page.split('\n');
    expect(lines).toContain('Giấy khen – Đảng ủy Khối các cơ quan Thành phố');
    expect(lines).toContain('Ông/Bà Nguyễn Thị Hồng Nhung');
    expect(lines).toContain('Quyết định số 1234/QĐ-ĐUK ngày 15 tháng 10 năm 2026');
    expect(lines).toContain('TP. Hồ Chí Minh, ngày 15 tháng 10 năm 2026');
    expect(lines).toContain('Số: ĐUK/2026/000123');
    expect(lines).toContain('Mã xác thực: K7Q2-9XMA-4HRT');
    expect(lines).toContain('Tra cứu tại: https://tdkt.example.vn/app/verify/K7Q2-9XMA-4HRT');
    expect(page).not.toContain('127.0.0.1');
    expect(lines).toEqual(
      expect.arrayContaining(['GIẤY KHEN', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Trần Minh Quang']),
    );
    expect(page).not.toContain('THU HỒI');
  });

  it('heads a party certificate with "ĐẢNG CỘNG SẢN VIỆT NAM" and a state one with the national name and motto', async () => {
    const [party, state] = pdfPageTexts(
      await renderCertificatesPdf([
        sampleCertificate(),
        sampleCertificate({
          style: 'STATE',
          formName: 'Bằng khen',
          authorityName: 'Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh',
          signerLines: ['KT. Chủ tịch', 'Phó Chủ tịch'],
        }),
      ]),
    );

    const partyLines = party.split('\n');
    expect(partyLines.slice(0, 2)).toEqual([
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ',
    ]);
    expect(party).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const stateLines = state.split('\n');
    expect(stateLines.slice(0, 3)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
    ]);
    expect(stateLines).toEqual(expect.arrayContaining(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']));
    expect(state).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('prints the period of a multi-year phase', async () => {
    const [page] = pdfPageTexts(
      await renderCertificatesPdf([
        sampleCertificate({
          achievement:
            'Đã có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" giai đoạn 2021–2023',
        }),
      ]),
    );

    expect(oneLine(page)).toContain('"Dân vận khéo" giai đoạn 2021–2023');
  });

  it('renders one page per certificate, in order', async () => {
    const names = ['Nguyễn Thị Hồng Nhung', 'Lê Văn Đức', 'Phạm Ngọc Ánh'];
    const pdf = await renderCertificatesPdf(
      names.map((recipientName) => sampleCertificate({ recipientName })),
    );

    const pages = pdfPageTexts(pdf);
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => expect(page).toContain(`Ông/Bà ${names[i]}`));
    // A4 landscape, in points.
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 841.89 595.28]');
  });

  it('stamps a revoked certificate with the date and the reason', async () => {
    const revoked = sampleCertificate({
      revoked: { on: '2026-11-20', reason: 'Kê khai thành tích không đúng sự thật' },
    });
    const [page] = pdfPageTexts(await renderCertificatesPdf([revoked]));

    expect(page).toContain('ĐÃ THU HỒI / REVOKED');
    expect(page).toContain('Revoked on: 20/11/2026');
    expect(oneLine(page)).toContain('Lý do / Reason: Kê khai thành tích không đúng sự thật');
  });

  it('names the recipient by kind: Ông/Bà for a person, Mô hình for a model, nothing for a unit', async () => {
    const pages = pdfPageTexts(
      await renderCertificatesPdf([
        sampleCertificate({ recipientKind: 'UNIT', recipientName: 'Sở Tư pháp' }),
        sampleCertificate({ recipientKind: 'INITIATIVE', recipientName: '"Chợ văn minh"' }),
      ]),
    );

    expect(pages[0].split('\n')).toContain('Sở Tư pháp');
    expect(pages[0]).not.toContain('Ông/Bà');
    expect(pages[1].split('\n')).toContain('Mô hình "Chợ văn minh"');
  });

  it('shrinks a long form title onto the page rather than cutting it', async () => {
    const [page] = pdfPageTexts(
      await renderCertificatesPdf([
        sampleCertificate({ formName: 'Điển hình "Dân vận khéo" cấp Thành phố' }),
      ]),
    );

    expect(page.split('\n')).toContain('ĐIỂN HÌNH "DÂN VẬN KHÉO" CẤP THÀNH PHỐ');
  });

  it('prints decomposed (NFD) input as composed Vietnamese text', async () => {
    const nfd = 'Nguyễn Thị Hồng Nhung'.normalize('NFD');
    const [page] = pdfPageTexts(
      await renderCertificatesPdf([sampleCertificate({ recipientName: nfd })]),
    );

    expect(page).toContain('Ông/Bà Nguyễn Thị Hồng Nhung'.normalize('NFC'));
  });

  it('gives the same bytes for the same data, whatever the clock says', async () => {
    const first = await renderCertificatesPdf([sampleCertificate()]);
    // Only Date is faked: PDFKit's streams need the real timers and ticks.
    jest.useFakeTimers({ now: Date.parse('2031-01-01T00:00:00Z'), doNotFake: REAL_TIMERS });
    const again = await renderCertificatesPdf([sampleCertificate()]).finally(() =>
      jest.useRealTimers(),
    );
    const other = await renderCertificatesPdf([sampleCertificate({ serial: 'ĐUK/2026/000124' })]);

    expect(again.equals(first)).toBe(true);
    expect(other.equals(first)).toBe(false);
    // Midnight of the decision date in Vietnam, written in UTC.
    expect(first.toString('latin1')).toContain('(D:20261014170000Z)');
  });

  it('rejects an empty batch and a decision date that is not a calendar date', async () => {
    await expect(renderCertificatesPdf([])).rejects.toThrow(RangeError);
    await expect(
      renderCertificatesPdf([sampleCertificate({ decisionDate: '2026-02-30' })]),
    ).rejects.toThrow('not a calendar date: 2026-02-30');
  });
});

describe(renderCertificatePdf.name, () => {
  it('renders a single certificate on a single page', async () => {
    const pages = pdfPageTexts(await renderCertificatePdf(sampleCertificate()));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('K7Q2-9XMA-4HRT');
  });
});
