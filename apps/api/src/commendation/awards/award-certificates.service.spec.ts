import type { AppConfig } from '@epw/config';
import type { AwardRecord, AwardRepository, DocumentSourcesRepository } from '@epw/data-access';
import { DEFAULT_AWARD_FORMS, defaultDocumentProfiles } from '@epw/domain';
import type { DocumentSealService } from '../../document-seal/document-seal.service';
import { AwardCertificatesService } from './award-certificates.service';

const award = {
  id: 'a1',
  formCode: 'GK-BDV',
  formName: 'Giấy khen',
  authorityUnitId: 'u1',
  year: 2023,
  movementCode: 'DVK',
  movementName: 'Dân vận khéo',
  periodKind: 'PHASE',
  periodStart: 2021,
  periodQuarter: null,
  recipientKind: 'PERSON',
  recipientPersonId: 'p1',
  recipientName: 'Nguyễn Thị Hồng Nhung',
  unitId: 'u2',
  achievement: 'Hoàn thành xuất sắc nhiệm vụ',
  decisionNumber: '126',
  decisionDate: new Date('2024-10-12T00:00:00Z'),
  serial: 'BDVTU/2024/000001',
  verificationCode: 'K7Q2-9XMA-4HRT',
  revokedAt: null,
  revocationReason: null,
} as unknown as AwardRecord;

function service(publicBaseUrl: string) {
  const awards = {
    certificateSources: jest.fn(() =>
      Promise.resolve({
        authorityName: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh',
        unitName: 'Đảng ủy Khối Ngân hàng',
        formContent: DEFAULT_AWARD_FORMS.find((f) => f.code === 'GK-BDV'),
        signerName: 'Trần Văn Minh',
        signerTitle: 'Phó Trưởng ban',
      }),
    ),
  };
  const sources = {
    issuer: jest.fn(() =>
      Promise.resolve({
        code: 'BDV-TU',
        name: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh',
        orgKind: 'PARTY_BOARD',
        parentName: null,
        documentProfile: defaultDocumentProfiles().find((p) => p.code === 'BDV-TU')?.profile,
      }),
    ),
    positionOf: jest.fn(() => Promise.resolve('Phó Bí thư Đảng ủy')),
  };
  return new AwardCertificatesService(
    awards as unknown as AwardRepository,
    sources as unknown as DocumentSourcesRepository,
    { publicBaseUrl } as AppConfig,
    {} as DocumentSealService,
  );
}

describe(AwardCertificatesService.name, () => {
  it('links the verification page under the configured public base URL', () => {
    expect(service('https://tdkt.example.vn').verifyUrl('K7Q2-9XMA-4HRT')).toBe(
      'https://tdkt.example.vn/app/verify/K7Q2-9XMA-4HRT',
    );
  });

  it("words the award's phase, heads it by the issuer's kind and signs it as the deputy", async () => {
    const cert = await service('https://tdkt.example.vn').certificateData(award);

    expect(cert).toMatchObject({
      style: 'PARTY',
      authorityName: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh',
      achievement:
        'Đã có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" giai đoạn 2021–2023',
      signerLines: ['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'],
      signerName: 'Trần Văn Minh',
      recipientDetail: 'Phó Bí thư Đảng ủy, Đảng ủy Khối Ngân hàng',
      decisionNumber: '126-QĐ/BDVTU',
      verifyUrl: 'https://tdkt.example.vn/app/verify/K7Q2-9XMA-4HRT',
    });
  });

  it('prints a yearly award without a movement as before', async () => {
    const yearly = {
      ...award,
      periodKind: 'YEAR',
      periodStart: null,
      movementCode: null,
      movementName: null,
    } as unknown as AwardRecord;
    const cert = await service('http://localhost:3000').certificateData(yearly);

    expect(cert.achievement).toBe(
      'Đã có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm 2023',
    );
  });
});
