import type { CertificateData } from '../certificate.pdf';
import type { AwardHistoryRow } from '../award-history.export';
import type { DecisionData } from '../decision.pdf';

/** A certificate as the commendation stage issues it; tests and the sample script start here. */
export function sampleCertificate(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    serial: 'ĐUK/2026/000123',
    verificationCode: 'K7Q2-9XMA-4HRT',
    verifyUrl: 'http://localhost:3000/app/verify/K7Q2-9XMA-4HRT',
    style: 'PARTY',
    formName: 'Giấy khen',
    authorityName: 'Đảng ủy Khối các cơ quan Thành phố',
    signerLines: ['T/M Ban Thường vụ', 'Bí thư'],
    signerName: 'Trần Minh Quang',
    recipientName: 'Nguyễn Thị Hồng Nhung',
    recipientKind: 'PERSON',
    recipientDetail: 'Chuyên viên Văn phòng Sở Tư pháp Thành phố Hồ Chí Minh',
    achievement:
      'Đã có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm 2026, góp phần ' +
      'hoàn thành thắng lợi nhiệm vụ chính trị của Thành phố',
    decisionNumber: '1234/QĐ-ĐUK',
    decisionDate: '2026-10-15',
    place: 'TP. Hồ Chí Minh',
    revoked: null,
    ...overrides,
  };
}

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const middleNames = ['Thị', 'Văn', 'Minh', 'Ngọc', 'Hữu', 'Thanh'];
const givenNames = [
  'An',
  'Bảo',
  'Cường',
  'Dũng',
  'Hạnh',
  'Khoa',
  'Lộc',
  'Mỹ',
  'Nhung',
  'Phúc',
  'Quế',
  'Tuấn',
];
const units = [
  'Sở Tư pháp',
  'Ủy ban nhân dân phường Bến Thành',
  'Trường Trung học phổ thông Lê Hồng Phong',
  'Bệnh viện Chợ Rẫy',
  'Công an phường Sài Gòn',
];

/** `count` distinct recipients with Vietnamese names, deterministic: every seventh a collective,
 * the others individuals, given in mixed order (the annex groups them). */
export function sampleRecipients(count: number): DecisionData['recipients'] {
  return Array.from({ length: count }, (_, i) => {
    const isUnit = i % 7 === 6;
    return {
      kind: isUnit ? 'UNIT' : 'PERSON',
      name: isUnit
        ? `Tập thể ${units[i % units.length]} (${i + 1})`
        : `${familyNames[i % familyNames.length]} ${middleNames[i % middleNames.length]} ` +
          `${givenNames[i % givenNames.length]} ${i + 1}`,
      position: isUnit ? null : i % 3 === 0 ? 'Phó Bí thư Đảng ủy' : 'Chuyên viên',
      unitName: units[i % units.length],
      achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2026',
      formName: 'Giấy khen',
    };
  });
}

/** A state decision: the city People's Committee's Chairman gives Bằng khen. */
export function sampleDecision(recipientCount: number): DecisionData {
  return {
    number: '1234/QĐ-UBND',
    signedOn: '2026-10-15',
    heading: {
      style: 'STATE',
      superiorName: '',
      issuerName: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    },
    authorityName: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    place: 'TP. Hồ Chí Minh',
    title:
      'Về việc tặng Bằng khen cho các tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm 2026',
    decidingBody: 'Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh',
    basis: [
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
      'Xét đề nghị của Hội đồng Thi đua - Khen thưởng Thành phố.',
    ],
    articles: [
      `Tặng Bằng khen cho ${recipientCount} tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm 2026 (có tên trong danh sách kèm theo).`,
      'Quyết định này có hiệu lực kể từ ngày ký.',
      'Chánh Văn phòng Ủy ban nhân dân Thành phố, Trưởng Ban Thi đua - Khen thưởng Thành phố, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    ],
    signerLines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    signerName: 'Nguyễn Văn Được',
    recipients: sampleRecipients(recipientCount).map((r) => ({ ...r, formName: 'Bằng khen' })),
  };
}

/** A party decision: the Standing Committee of a bloc party committee gives Giấy khen. */
export function samplePartyDecision(recipientCount: number): DecisionData {
  return {
    number: '126-QĐ/ĐUK',
    signedOn: '2022-10-12',
    heading: {
      style: 'PARTY',
      superiorName: 'Đảng bộ Thành phố Hồ Chí Minh',
      issuerName: 'Đảng ủy Khối các cơ quan Thành phố',
    },
    authorityName: 'Ban Thường vụ Đảng ủy Khối các cơ quan Thành phố',
    place: 'TP. Hồ Chí Minh',
    title:
      'Về việc tặng Giấy khen cho các tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" giai đoạn 2020–2022',
    decidingBody: 'Ban Thường vụ Đảng ủy Khối các cơ quan Thành phố',
    basis: [
      'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;',
      'Xét đề nghị của Văn phòng Đảng ủy Khối.',
    ],
    articles: [
      `Tặng Giấy khen cho ${recipientCount} tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" giai đoạn 2020–2022 (có tên trong danh sách kèm theo).`,
      'Quyết định này có hiệu lực kể từ ngày ký.',
      'Văn phòng Đảng ủy Khối, các cấp ủy trực thuộc và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    ],
    signerLines: ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ'],
    signerName: 'Trần Minh Quang',
    recipients: sampleRecipients(recipientCount),
  };
}

export function sampleAwardHistory(): AwardHistoryRow[] {
  return [
    {
      year: 2026,
      formName: 'Giấy khen',
      level: 'Cơ sở',
      recipientName: 'Nguyễn Thị Hồng Nhung',
      recipientKind: 'PERSON',
      unitName: 'Sở Tư pháp',
      decisionNumber: '1234/QĐ-ĐUK',
      decisionDate: '2026-10-05',
      authorityName: 'Đảng ủy Khối các cơ quan Thành phố',
      serial: 'ĐUK/2026/000123',
      status: 'VALID',
      revokedReason: null,
    },
    {
      year: 2025,
      formName: 'Điển hình "Dân vận khéo" cấp Thành phố',
      level: 'Thành phố',
      recipientName: 'Chợ Bến Thành, an toàn – văn minh',
      recipientKind: 'INITIATIVE',
      unitName: null,
      decisionNumber: '88/QĐ-BDV',
      decisionDate: '2025-02-01',
      authorityName: 'Ban Dân vận Thành ủy',
      serial: null,
      status: 'REVOKED',
      revokedReason: 'Kê khai sai, trùng "thành tích"',
    },
  ];
}
