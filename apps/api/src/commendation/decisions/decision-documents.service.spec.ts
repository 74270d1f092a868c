import type {
  DecisionEntryRecord,
  DecisionRecord,
  DecisionRepository,
  DocumentSourcesRepository,
} from '@epw/data-access';
import { type DecisionData, renderDecisionPdf } from '@epw/documents';
import {
  DEFAULT_AWARD_FORMS,
  type DocumentIssuerSource,
  defaultDocumentProfiles,
} from '@epw/domain';
import type { AwardCertificatesService } from '../awards/award-certificates.service';
import type { DecisionReaderService } from './decision-reader.service';
import { DecisionDocumentsService } from './decision-documents.service';
import type { DocumentSealService } from '../../document-seal/document-seal.service';

// The seal is tested with the documents library; here it only passes the rendering through.
const seal = {
  sealed: (_details: unknown, render: (placeholder: unknown) => Promise<Buffer>) => render({}),
} as unknown as DocumentSealService;

jest.mock('@epw/documents', () => ({
  ...jest.requireActual<object>('@epw/documents'),
  renderDecisionPdf: jest.fn(() => Promise.resolve(Buffer.from('%PDF'))),
}));

const profile = (code: string) => defaultDocumentProfiles().find((p) => p.code === code);
const form = (code: string) => DEFAULT_AWARD_FORMS.find((f) => f.code === code);

const partyIssuer: DocumentIssuerSource = {
  code: 'BDV-TU',
  name: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh',
  orgKind: 'PARTY_BOARD',
  parentName: 'Thành ủy Thành phố Hồ Chí Minh',
  documentProfile: profile('BDV-TU')?.profile,
};
const stateIssuer: DocumentIssuerSource = {
  code: 'UBND-TP',
  name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
  orgKind: 'PEOPLES_COMMITTEE',
  parentName: null,
  documentProfile: profile('UBND-TP')?.profile,
};

function entry(
  over: Partial<DecisionEntryRecord> & Pick<DecisionEntryRecord, 'nomineeName'>,
): DecisionEntryRecord {
  const giayKhen = form('GK-BDV');
  return {
    nominationId: over.nomineeName,
    nomineeKind: 'PERSON',
    position: 'Chuyên viên',
    unitName: 'Đảng ủy Khối Ngân hàng',
    achievement: 'Hoàn thành xuất sắc nhiệm vụ',
    formCode: 'GK-BDV',
    formName: 'Giấy khen',
    formCategory: 'COMMENDATION',
    legalBases: giayKhen?.legalBases ?? [],
    hasCouncilStep: false,
    movementName: 'Dân vận khéo',
    period: { kind: 'PHASE', year: 2023, startYear: 2021, quarter: null },
    ...over,
  };
}

const partyEntries = [
  entry({ nomineeName: 'Nguyễn Văn A' }),
  entry({ nomineeName: 'Chi bộ Phòng Tổ chức', nomineeKind: 'UNIT', position: null }),
  entry({ nomineeName: 'Trần Thị B', position: 'Phó Bí thư Đảng ủy' }),
  entry({ nomineeName: 'Đảng ủy Ngân hàng X', nomineeKind: 'UNIT', position: null }),
  entry({ nomineeName: 'Lê Văn C' }),
];

async function decisionData(
  issuer: DocumentIssuerSource,
  entries: DecisionEntryRecord[],
  decision: Partial<DecisionRecord>,
): Promise<DecisionData> {
  const record = {
    id: 'd1',
    number: '126',
    signedOn: new Date('2024-10-12T00:00:00Z'),
    authorityUnitId: 'u1',
    title: 'Quyết định khen thưởng phong trào thi đua "Dân vận khéo" giai đoạn 2021–2023',
    signerName: null,
    signerTitle: 'Trưởng ban',
    nominationIds: entries.map((e) => e.nominationId),
    ...decision,
  } as DecisionRecord;
  const sources = {
    issuer: jest.fn(() => Promise.resolve(issuer)),
    decisionEntries: jest.fn(() => Promise.resolve(entries)),
  };
  const reader = { getOrFail: jest.fn(() => Promise.resolve(record)) };
  const service = new DecisionDocumentsService(
    {} as DecisionRepository,
    sources as unknown as DocumentSourcesRepository,
    reader as unknown as DecisionReaderService,
    {} as AwardCertificatesService,
    seal,
  );
  const render = jest.mocked(renderDecisionPdf);
  render.mockClear();
  await service.decisionPdf('d1');
  return render.mock.calls[0][0];
}

describe(DecisionDocumentsService.name, () => {
  it("prints a party board's decision in the party format with its numbering and signer", async () => {
    const d = await decisionData(partyIssuer, partyEntries, {});

    expect(d.heading).toEqual({
      style: 'PARTY',
      superiorName: 'Đảng bộ Thành phố Hồ Chí Minh',
      issuerName: 'Ban Dân vận Thành ủy',
    });
    expect(d.number).toBe('126-QĐ/BDVTU');
    expect(d.title).toBe(
      'Về việc khen thưởng phong trào thi đua "Dân vận khéo" giai đoạn 2021–2023',
    );
    expect(d.signerLines).toEqual(['TRƯỞNG BAN']);
  });

  it('names the form and the counts of collectives and individuals in Điều 1, with the period', async () => {
    const d = await decisionData(partyIssuer, partyEntries, {});

    expect(d.articles[0]).toBe(
      'Tặng Giấy khen cho 02 tập thể và 03 cá nhân có thành tích xuất sắc trong phong trào thi ' +
        'đua "Dân vận khéo" giai đoạn 2021–2023 (có tên trong danh sách kèm theo).',
    );
    expect(d.recipients.map((r) => [r.kind, r.name, r.position])).toContainEqual([
      'PERSON',
      'Trần Thị B',
      'Phó Bí thư Đảng ủy',
    ]);
    expect(d.recipients.filter((r) => r.kind === 'UNIT').every((r) => r.position === null)).toBe(
      true,
    );
  });

  it('cites the laws in force on the date: the 2003 law in 2020, 06/2022/QH15 from 2024', async () => {
    const in2020 = await decisionData(partyIssuer, partyEntries, {
      signedOn: new Date('2020-10-12T00:00:00Z'),
    });
    const in2024 = await decisionData(partyIssuer, partyEntries, {});

    expect(in2020.basis.join('\n')).toContain(
      'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003',
    );
    expect(in2020.basis.join('\n')).not.toContain('06/2022/QH15');
    expect(in2024.basis.join('\n')).toContain('Luật Thi đua, khen thưởng số 06/2022/QH15');
    expect(in2024.basis.join('\n')).toContain('Nghị định số 98/2023/NĐ-CP');
    expect(in2024.basis.join('\n')).not.toContain('năm 2003');
    expect(in2024.basis[0]).toBe('Căn cứ Điều lệ Đảng Cộng sản Việt Nam;');
  });

  it('cites the council only when the chain had a council vote', async () => {
    const noCouncil = await decisionData(partyIssuer, partyEntries, {});
    const council = await decisionData(
      stateIssuer,
      [
        entry({
          nomineeName: 'Nguyễn Văn A',
          hasCouncilStep: true,
          legalBases: form('BK-UBND')?.legalBases ?? [],
        }),
      ],
      { number: '1234/QĐ-UBND', signerTitle: 'Phó Chủ tịch' },
    );

    expect(noCouncil.basis.join('\n')).not.toContain('Hội đồng');
    expect(noCouncil.basis.at(-1)).toBe('Xét đề nghị của Phòng Dân vận - Dân tộc - Tôn giáo.');
    expect(council.basis.at(-1)).toBe('Xét đề nghị của Hội đồng Thi đua - Khen thưởng Thành phố.');
    expect(council.heading.style).toBe('STATE');
    expect(council.number).toBe('1234/QĐ-UBND');
    expect(council.decidingBody).toBe('Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh');
    expect(council.signerLines).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    // Signed 2024-10-12: the 2015 law on local government as amended in 2019 was in force.
    expect(council.basis[0]).toMatch(
      /^Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; .* ngày 22 tháng 11 năm 2019;$/,
    );
  });
});
