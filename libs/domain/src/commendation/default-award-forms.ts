import type {
  AwardFormContent,
  ChainStepDefinition,
  DossierItemDefinition,
} from './award-form.types';
import { type LegalBasis, NATIONAL_LEGAL_BASES } from './document-profile';

/** The authorities of the demo (units of kind AUTHORITY) and the level each decides at. Other
 * organisations decide too: see DEFAULT_DECIDING_ORGANISATIONS. */
export const DEFAULT_AUTHORITIES = [
  { code: 'HDTD-CUM01', name: 'Hội đồng Thi đua – Khen thưởng Cụm thi đua số 1', level: 'BASE' },
  { code: 'BDV-TU', name: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh', level: 'BLOC' },
  { code: 'UBND-TP', name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', level: 'PROVINCE' },
  { code: 'BDV-TW', name: 'Ban Dân vận Trung ương', level: 'CENTRAL' },
] as const;

/**
 * Organisations of the tree that decide their own forms (any organisation can): a bloc party
 * committee and a district party committee of the demo. Like the authorities, each has its board
 * (REVIEWER), leader (AUTHORITY) and council (COUNCIL_MEMBER) among its own users; unlike them,
 * they stay ordinary units of the tree (members of clusters, proposers to the levels above).
 */
export const DEFAULT_DECIDING_ORGANISATIONS = [
  {
    code: 'DUK-DNTP',
    name: 'Đảng ủy Khối Doanh nghiệp Thành phố',
    level: 'BLOC',
    orgKind: 'PARTY_COMMITTEE',
  },
  { code: 'QU-Q3', name: 'Quận ủy Quận 3', level: 'DISTRICT', orgKind: 'PARTY_COMMITTEE' },
] as const;

const memo: DossierItemDefinition = {
  kind: 'to-trinh',
  label: { vi: 'Tờ trình đề nghị khen thưởng', en: 'Request memo' },
  required: true,
};
const report: DossierItemDefinition = {
  kind: 'bao-cao-thanh-tich',
  label: { vi: 'Báo cáo thành tích', en: 'Achievement report' },
  required: true,
};
const minutes: DossierItemDefinition = {
  kind: 'bien-ban-hop-xet',
  label: { vi: 'Biên bản họp xét', en: 'Review meeting minutes' },
  required: true,
};
const initiativeCert: DossierItemDefinition = {
  kind: 'xac-nhan-sang-kien',
  label: { vi: 'Xác nhận hiệu quả mô hình, sáng kiến', en: 'Certification of the initiative' },
  required: true,
};

const unitHead = (sla = 3): ChainStepDefinition => ({
  key: 'unit-head',
  kind: 'APPROVAL',
  actor: 'PROPOSER_HEAD',
  title: { vi: 'Thủ trưởng đơn vị trình', en: "Unit head's sign-off" },
  slaWorkingDays: sla,
});
const clusterHead: ChainStepDefinition = {
  key: 'cluster-head',
  kind: 'APPROVAL',
  actor: 'CLUSTER_HEAD',
  title: { vi: 'Cụm trưởng xét, đề nghị', en: 'Cluster head review' },
  slaWorkingDays: 5,
};
const appraisal = (sla: number): ChainStepDefinition => ({
  key: 'appraisal',
  kind: 'APPROVAL',
  actor: 'AUTHORITY_BOARD',
  title: { vi: 'Thẩm định hồ sơ', en: 'Dossier appraisal' },
  slaWorkingDays: sla,
});
const posting = (days: number): ChainStepDefinition => ({
  key: 'posting',
  kind: 'POSTING',
  actor: 'AUTHORITY_BOARD',
  title: { vi: 'Công khai danh sách đề nghị', en: 'Public posting' },
  slaWorkingDays: 3,
  postingWorkingDays: days,
});
const council = (thresholdPercent: number): ChainStepDefinition => ({
  key: 'council-vote',
  kind: 'COUNCIL_VOTE',
  actor: 'AUTHORITY_COUNCIL',
  title: { vi: 'Hội đồng Thi đua – Khen thưởng bỏ phiếu', en: 'Council vote' },
  slaWorkingDays: 5,
  thresholdPercent,
});

/** What each deciding authority cites: the laws on emulation and commendation in force on the
 * decision's date, the body's own founding act or rules, and for party bodies the Party's Charter. */
const since = (effectiveFrom: string, text: string): LegalBasis => ({ text, effectiveFrom });
const partyCharter = since('2011-01-19', 'Điều lệ Đảng Cộng sản Việt Nam');
const clusterBases: LegalBasis[] = [
  partyCharter,
  ...NATIONAL_LEGAL_BASES,
  since(
    '2018-01-01',
    'Quy chế tổ chức và hoạt động thi đua công tác dân vận của Cụm thi đua số 1 trực thuộc Thành ủy Thành phố Hồ Chí Minh',
  ),
];
const cityBoardBases: LegalBasis[] = [
  partyCharter,
  ...NATIONAL_LEGAL_BASES,
  since(
    '2016-01-01',
    'Quy định chức năng, nhiệm vụ, quyền hạn và tổ chức bộ máy của Ban Dân vận Thành ủy Thành phố Hồ Chí Minh',
  ),
];
const cityCommitteeBases: LegalBasis[] = [
  {
    text: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
    effectiveFrom: '2016-01-01',
    effectiveTo: '2020-06-30',
  },
  {
    text:
      'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số ' +
      'điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019',
    effectiveFrom: '2020-07-01',
    effectiveTo: '2025-02-28',
  },
  {
    text: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025',
    effectiveFrom: '2025-03-01',
    effectiveTo: '2025-06-30',
  },
  {
    text: 'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
    effectiveFrom: '2025-07-01',
  },
  ...NATIONAL_LEGAL_BASES,
  since('2016-01-01', 'Quy chế Thi đua, khen thưởng của Thành phố Hồ Chí Minh'),
];
const centralBoardBases: LegalBasis[] = [
  partyCharter,
  ...NATIONAL_LEGAL_BASES,
  since(
    '2008-01-01',
    'Quy chế xét tặng Kỷ niệm chương "Vì sự nghiệp Dân vận" của Ban Dân vận Trung ương',
  ),
];

/** A party committee's own commendations cite the Party's Charter, the laws, and its rules. */
const partyCommitteeBases = (rules: string): LegalBasis[] => [
  partyCharter,
  ...NATIONAL_LEGAL_BASES,
  since('2016-01-01', rules),
];

const reminders = { offsetsWorkingDays: [3, 1] };
const dvk = 'Đã có thành tích xuất sắc trong phong trào thi đua "{movement}" năm {year}';

/** Award forms of the "Dân vận khéo" demo: titles, commendations and level-by-level model
 * recognition, each with its chain, dossier, quota and eligibility as data. */
export const DEFAULT_AWARD_FORMS: AwardFormContent[] = [
  {
    code: 'LDTT',
    name: { vi: 'Danh hiệu "Lao động tiên tiến"', en: 'Advanced Laborer title' },
    category: 'TITLE',
    level: 'BASE',
    authorityCode: 'HDTD-CUM01',
    legalBases: clusterBases,
    nomineeKinds: ['PERSON'],
    dossier: [memo, minutes],
    chain: [unitHead(), appraisal(5)],
    reminders,
    certificate: {
      signerTitle: 'CHỦ TỊCH HỘI ĐỒNG',
      achievementTemplate: 'Đạt danh hiệu năm {year}',
    },
  },
  {
    code: 'CSTD-CS',
    name: { vi: 'Danh hiệu "Chiến sĩ thi đua cơ sở"', en: 'Grassroots Emulation Fighter title' },
    category: 'TITLE',
    level: 'BASE',
    authorityCode: 'HDTD-CUM01',
    legalBases: clusterBases,
    nomineeKinds: ['PERSON'],
    dossier: [memo, report, minutes],
    chain: [unitHead(), appraisal(5)],
    reminders,
    quota: { percentOfHeadcount: 10 },
    certificate: {
      signerTitle: 'CHỦ TỊCH HỘI ĐỒNG',
      achievementTemplate: 'Đạt danh hiệu Chiến sĩ thi đua cơ sở năm {year}',
    },
  },
  {
    code: 'GK-BDV',
    name: {
      vi: 'Giấy khen của Ban Dân vận Thành ủy',
      en: 'Certificate of commendation (City Mass Mobilization Board)',
    },
    category: 'COMMENDATION',
    level: 'BLOC',
    authorityCode: 'BDV-TU',
    legalBases: cityBoardBases,
    nomineeKinds: ['UNIT', 'PERSON'],
    dossier: [memo, report, minutes],
    chain: [unitHead(), clusterHead, appraisal(7), posting(5)],
    reminders,
    certificate: { signerTitle: 'TRƯỞNG BAN', achievementTemplate: dvk },
  },
  {
    code: 'BK-UBND',
    name: {
      vi: 'Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố',
      en: "Certificate of merit (City People's Committee)",
    },
    category: 'COMMENDATION',
    level: 'PROVINCE',
    authorityCode: 'UBND-TP',
    legalBases: cityCommitteeBases,
    nomineeKinds: ['UNIT', 'PERSON'],
    dossier: [memo, report, minutes],
    chain: [unitHead(), clusterHead, appraisal(10), posting(5), council(90)],
    reminders,
    eligibility: {
      requiresEarlierAward: { formCodes: ['GK-BDV'], label: 'Giấy khen của Ban Dân vận Thành ủy' },
      consecutiveYears: {
        formCodes: ['LDTT', 'CSTD-CS', 'GK-BDV'],
        years: 2,
        label: 'danh hiệu Lao động tiên tiến (hoặc cao hơn)',
      },
    },
    certificate: { signerTitle: 'CHỦ TỊCH', achievementTemplate: dvk },
  },
  {
    code: 'KNC-DV',
    name: {
      vi: 'Kỷ niệm chương "Vì sự nghiệp Dân vận"',
      en: 'Commemorative medal "For the cause of mass mobilization"',
    },
    category: 'COMMENDATION',
    level: 'CENTRAL',
    authorityCode: 'BDV-TW',
    legalBases: centralBoardBases,
    nomineeKinds: ['PERSON'],
    dossier: [memo, report],
    chain: [unitHead(), appraisal(10), council(80)],
    reminders,
    certificate: {
      signerTitle: 'TRƯỞNG BAN',
      achievementTemplate: 'Đã có nhiều đóng góp cho sự nghiệp dân vận của Đảng',
    },
  },
  {
    code: 'DVK-CS',
    name: {
      vi: 'Điển hình "Dân vận khéo" cấp cơ sở',
      en: '"Skillful mass mobilization" model, grassroots level',
    },
    category: 'RECOGNITION',
    level: 'BASE',
    authorityCode: 'HDTD-CUM01',
    legalBases: clusterBases,
    nomineeKinds: ['INITIATIVE'],
    dossier: [memo, report],
    chain: [unitHead(), clusterHead, appraisal(5)],
    reminders,
    certificate: { signerTitle: 'CHỦ TỊCH HỘI ĐỒNG', achievementTemplate: dvk },
  },
  {
    code: 'DVK-KHOI',
    name: {
      vi: 'Điển hình "Dân vận khéo" cấp Khối',
      en: '"Skillful mass mobilization" model, bloc level',
    },
    category: 'RECOGNITION',
    level: 'BLOC',
    authorityCode: 'BDV-TU',
    legalBases: cityBoardBases,
    nomineeKinds: ['INITIATIVE'],
    dossier: [memo, report, initiativeCert],
    chain: [unitHead(), clusterHead, appraisal(7)],
    reminders,
    eligibility: {
      requiresLowerLevel: { formCode: 'DVK-CS', label: 'Điển hình "Dân vận khéo" cấp cơ sở' },
    },
    certificate: { signerTitle: 'TRƯỞNG BAN', achievementTemplate: dvk },
  },
  {
    code: 'DVK-TP',
    name: {
      vi: 'Điển hình "Dân vận khéo" cấp Thành phố',
      en: '"Skillful mass mobilization" model, city level',
    },
    category: 'RECOGNITION',
    level: 'PROVINCE',
    authorityCode: 'UBND-TP',
    legalBases: cityCommitteeBases,
    nomineeKinds: ['INITIATIVE'],
    dossier: [memo, report, initiativeCert],
    chain: [unitHead(), appraisal(10), posting(5), council(90)],
    reminders,
    eligibility: {
      requiresLowerLevel: { formCode: 'DVK-KHOI', label: 'Điển hình "Dân vận khéo" cấp Khối' },
    },
    certificate: { signerTitle: 'CHỦ TỊCH', achievementTemplate: dvk },
  },
  {
    code: 'GK-DUK-DNTP',
    name: {
      vi: 'Giấy khen của Ban Thường vụ Đảng ủy Khối Doanh nghiệp Thành phố',
      en: 'Certificate of commendation (City Enterprises Bloc Party Committee)',
    },
    category: 'COMMENDATION',
    level: 'BLOC',
    authorityCode: 'DUK-DNTP',
    legalBases: partyCommitteeBases(
      'Quy chế làm việc của Ban Chấp hành Đảng bộ Khối Doanh nghiệp Thành phố',
    ),
    nomineeKinds: ['UNIT', 'PERSON'],
    dossier: [memo, report],
    chain: [unitHead(), appraisal(7)],
    reminders,
    certificate: { signerTitle: 'BÍ THƯ', achievementTemplate: dvk },
  },
  {
    code: 'GK-QU-Q3',
    name: {
      vi: 'Giấy khen của Ban Thường vụ Quận ủy Quận 3',
      en: 'Certificate of commendation (District 3 Party Committee)',
    },
    category: 'COMMENDATION',
    level: 'DISTRICT',
    authorityCode: 'QU-Q3',
    legalBases: partyCommitteeBases('Quy chế làm việc của Ban Chấp hành Đảng bộ Quận 3'),
    nomineeKinds: ['UNIT', 'PERSON'],
    dossier: [memo, report],
    chain: [unitHead(), appraisal(7)],
    reminders,
    certificate: { signerTitle: 'BÍ THƯ', achievementTemplate: dvk },
  },
];
