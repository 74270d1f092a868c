import type {
  AwardFormContent,
  ChainStepDefinition,
  DossierItemDefinition,
} from './award-form.types';

/** The authorities of the demo (units of kind AUTHORITY) and the level each decides at. */
export const DEFAULT_AUTHORITIES = [
  { code: 'HDTD-CUM01', name: 'Hội đồng Thi đua – Khen thưởng Cụm thi đua số 1', level: 'BASE' },
  { code: 'BDV-TU', name: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh', level: 'BLOC' },
  { code: 'UBND-TP', name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', level: 'PROVINCE' },
  { code: 'BDV-TW', name: 'Ban Dân vận Trung ương', level: 'CENTRAL' },
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
    nomineeKinds: ['INITIATIVE'],
    dossier: [memo, report, initiativeCert],
    chain: [unitHead(), appraisal(10), posting(5), council(90)],
    reminders,
    eligibility: {
      requiresLowerLevel: { formCode: 'DVK-KHOI', label: 'Điển hình "Dân vận khéo" cấp Khối' },
    },
    certificate: { signerTitle: 'CHỦ TỊCH', achievementTemplate: dvk },
  },
];
