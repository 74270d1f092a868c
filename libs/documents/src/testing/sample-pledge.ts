import type { SignedPledgeData } from '../pledge.pdf';

const HASH = (n: number) => n.toString(16).padStart(2, '0').repeat(32);

/** A 12-member cluster's signed pledge: one amendment, one unit that declined first, one that
 * signed late, and the head's countersignature. */
export function sampleSignedPledge(): SignedPledgeData {
  const members = [
    'Đảng ủy Khối Doanh nghiệp Thành phố',
    'Đảng ủy khối cơ sở Bộ Nông nghiệp và Phát triển Nông thôn',
    'Đảng ủy khối cơ sở Bộ Văn hóa - Thể thao và Du lịch',
    'Đảng ủy khối cơ sở Bộ Giao thông Vận tải',
    'Đảng ủy khối cơ sở Bộ Xây dựng',
    'Đảng ủy khối cơ sở Bộ Y tế',
    'Đảng ủy khối cơ sở Bộ Tài nguyên và Môi trường',
    'Đảng ủy khối Doanh nghiệp Công nghiệp Trung ương',
    'Đảng ủy khối Doanh nghiệp Thương mại Trung ương',
    'Đảng ủy Khối Ngân hàng',
    'Đảng ủy Khối Đại học, Cao đẳng Thành phố',
    'Đảng ủy Khối Dân - Chính - Đảng Thành phố',
  ];
  const at = (minute: number) => new Date(Date.UTC(2026, 7, 7, 2, minute)).toISOString();
  return {
    heading: {
      style: 'PARTY',
      superiorName: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh',
      issuerName: 'Cụm thi đua số 1',
    },
    place: 'TP. Hồ Chí Minh',
    date: '2026-08-07',
    clusterName: 'Cụm thi đua số 1 – Khối đảng ủy cấp trên cơ sở và cơ sở trực thuộc Thành ủy',
    periodLine: 'Năm 2026 – phong trào thi đua “Dân vận khéo”',
    documents: [
      'Chương trình công tác dân vận năm 2026',
      'Quy chế tổ chức và hoạt động thi đua công tác dân vận',
      'Nội dung ký kết giao ước thi đua công tác dân vận của Cụm thi đua số 1',
    ],
    rules: [
      'Tiêu chí chấm điểm: Lãnh đạo, chỉ đạo (tối đa 30 điểm); Dân vận chính quyền (tối đa 40 điểm); Phong trào Dân vận khéo (tối đa 30 điểm).',
      'Điểm tổng hợp: tự chấm 30%, chấm chéo 70% (trung bình).',
      'Bình xét: đạt từ 70% tổng số đơn vị thành viên trở lên; suy tôn 1 đơn vị dẫn đầu.',
    ],
    version: 2,
    contentHash: HASH(0xab),
    items: [
      'Quán triệt, triển khai thực hiện các nghị quyết, chỉ thị, thông báo, kết luận của Bộ Chính trị, Ban Bí thư, Thành ủy, Ban Thường vụ Thành ủy về công tác dân vận',
      'Tổ chức các hoạt động kỷ niệm 96 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2026), tuyên dương điển hình Dân vận khéo',
      'Phấn đấu 100% đơn vị trong Cụm đăng ký thực hiện phong trào thi đua yêu nước và đạt danh hiệu thi đua "Xuất sắc"',
    ],
    members: members.map((name, i) => ({
      name,
      role: i === 0 ? 'HEAD' : i === 1 ? 'DEPUTY' : 'MEMBER',
    })),
    completion: {
      roundId: 'pledge-signing-CTD-01-DVK-2026',
      outcome: 'EFFECTIVE',
      openedAt: at(0),
      deadlineAt: new Date(Date.UTC(2026, 7, 20, 16, 59)).toISOString(),
      overdueAt: null,
      units: members.map((name, i) => ({
        name,
        role: i === 0 ? 'HEAD' : i === 1 ? 'DEPUTY' : 'MEMBER',
        decision: 'SIGNED',
        signerName: `Nguyễn Văn Ký ${i + 1}`,
        signerPosition: i === 0 ? 'Bí thư Đảng ủy Khối' : 'Phó Bí thư Đảng ủy',
        at: at(10 + i),
        version: 2,
        reason: null,
        late: i === 11,
        auditHash: HASH(i + 1),
        earlier:
          i === 2
            ? [
                {
                  decision: 'DECLINED',
                  version: 1,
                  at: at(3),
                  reason: 'Đề nghị bổ sung chỉ tiêu về chuyển đổi số',
                  auditHash: HASH(0x40),
                },
              ]
            : [],
      })),
      countersignature: {
        name: 'Nguyễn Văn Ký 1',
        position: 'Bí thư Đảng ủy Khối',
        unitName: members[0],
        at: at(30),
        version: 2,
        auditHash: HASH(0x50),
      },
      amendments: [
        {
          version: 2,
          at: at(5),
          reason: 'Bổ sung chỉ tiêu theo góp ý của các đơn vị',
          contentHash: HASH(0xab),
          auditHash: HASH(0x41),
        },
      ],
      events: [
        { at: at(0), action: 'pledge-signing.opened', actor: 'Nguyễn Văn Ký 1', hash: HASH(0x30) },
        { at: at(5), action: 'pledge-signing.amended', actor: 'Nguyễn Văn Ký 1', hash: HASH(0x41) },
        {
          at: at(30),
          action: 'pledge-signing.countersigned',
          actor: 'Nguyễn Văn Ký 1',
          hash: HASH(0x50),
        },
      ],
      seal: {
        commonName: 'Hệ thống Thi đua – Khen thưởng',
        organization: 'Ban Dân vận Thành ủy TP. Hồ Chí Minh',
        issuer: 'EPW Local Development CA',
        fingerprintSha256: HASH(0xcd).toUpperCase(),
      },
    },
  };
}
