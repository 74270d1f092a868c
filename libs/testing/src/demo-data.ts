/* The demo cluster, built from the public report in test/fixtures/cluster-1-pledge-2018.json
 * (Cụm thi đua số 1, Ho Chi Minh City, pledge signed 7 Aug 2018). Shared by the seed and tests. */
import fixture from './fixtures/cluster-1-pledge-2018.json';

export const DEMO_PASSWORD = 'demo-2026';
export const DEMO_MOVEMENT = { code: 'DVK', name: 'Phong trào thi đua "Dân vận khéo"' };

/** Short unit codes in the fixture's member order (the report lists no codes). */
const UNIT_CODES = [
  'DUK-NNPTNT',
  'DUK-VHTTDL',
  'DUK-GTVT',
  'DUK-XD',
  'DUK-YT',
  'DUK-TNMT',
  'DUK-DNCNTW',
  'DUK-DNTMTW',
  'DUK-DNTP',
  'DUK-NH',
  'DUK-DHCD',
  'DUK-DCD',
];

export interface DemoUnit {
  code: string;
  name: string;
  role: 'HEAD' | 'DEPUTY' | 'MEMBER';
  position: number;
}

export const demoCluster = {
  code: fixture.cluster.code,
  name: fixture.cluster.name,
  organizer: fixture.organizer,
};

/** Head and deputy rotate: the seed gives the 9th member (Khối Doanh nghiệp Thành phố) the head
 * and the 10th (Khối Ngân hàng) the deputy role. */
export const demoUnits: DemoUnit[] = fixture.cluster.members.map((name, i) => ({
  code: UNIT_CODES[i] ?? `UNIT-${i + 1}`,
  name,
  role: i === 8 ? 'HEAD' : i === 9 ? 'DEPUTY' : 'MEMBER',
  position: i,
}));

export const demoDocuments = fixture.documentsAdopted.map((d) => d.replace('2018', '{year}'));

/** The 2018 pledge items, with the anniversary and year carried over to `year`. */
export function demoPledgeItems(year: number): string[] {
  return fixture.pledgeItems.map((item) =>
    item
      .replace(/kỷ niệm \d+ năm/, `kỷ niệm ${year - 1930} năm`)
      .replace(/15\/10\/2018/, `15/10/${year}`),
  );
}

export const fixtureSource = fixture.source;

export function signerUsername(unitCode: string): string {
  return `${unitCode.toLowerCase()}.signer`;
}

export function officerUsername(unitCode: string): string {
  return `${unitCode.toLowerCase()}.officer`;
}

/** One organisation of the demo tree, placed under the organisation with code `parent`. */
export interface DemoOrganisation {
  code: string;
  name: string;
  /** null: a top-level organisation. */
  parent: string | null;
  level: 'CENTRAL' | 'PROVINCE' | 'BLOC' | 'DISTRICT' | 'BASE' | null;
  orgKind:
    | 'PARTY_COMMITTEE'
    | 'PARTY_BOARD'
    | 'PARTY_CELL'
    | 'PEOPLES_COMMITTEE'
    | 'STATE_AGENCY'
    | 'MASS_ORGANISATION'
    | 'ENTERPRISE'
    | null;
}

/** The city party committee: the top of the demo's city tree. */
export const DEMO_CITY_CODE = 'TU-HCM';
/** The bloc with an organisation administrator: the cluster head's own party committee. */
export const DEMO_BLOC_CODE = 'DUK-DNTP';
/** A district in no cluster, with an organisation administrator. */
export const DEMO_DISTRICT_CODE = 'QU-Q3';

/**
 * The city's organisation tree, top down (a parent before its children). The deciding authorities
 * of the commendation setup (BDV-TW, BDV-TU, UBND-TP, HDTD-CUM01) and the 12 units of the cluster
 * are placed in it by code, never duplicated: the central board stays at the top; the city party
 * committee holds its Mass Mobilization Board (which organizes the cluster and its council), the
 * People's Committee, the cluster's bloc committees and a district; the bloc of city enterprises
 * and the district hold base committees with grassroots organisations beneath them.
 */
export const demoOrganisations: DemoOrganisation[] = [
  {
    code: 'BDV-TW',
    name: 'Ban Dân vận Trung ương',
    parent: null,
    level: 'CENTRAL',
    orgKind: 'PARTY_BOARD',
  },
  {
    code: DEMO_CITY_CODE,
    name: 'Thành ủy Thành phố Hồ Chí Minh',
    parent: null,
    level: 'PROVINCE',
    orgKind: 'PARTY_COMMITTEE',
  },
  {
    code: 'BDV-TU',
    name: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh',
    parent: DEMO_CITY_CODE,
    level: 'BLOC',
    orgKind: 'PARTY_BOARD',
  },
  {
    code: 'HDTD-CUM01',
    name: 'Hội đồng Thi đua – Khen thưởng Cụm thi đua số 1',
    parent: 'BDV-TU',
    level: 'BASE',
    orgKind: null,
  },
  {
    code: 'UBND-TP',
    name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    parent: DEMO_CITY_CODE,
    level: 'PROVINCE',
    orgKind: 'PEOPLES_COMMITTEE',
  },
  ...demoUnits.map(
    (u): DemoOrganisation => ({
      code: u.code,
      name: u.name,
      parent: DEMO_CITY_CODE,
      level: 'BLOC',
      orgKind: 'PARTY_COMMITTEE',
    }),
  ),
  {
    code: 'DU-SAWACO',
    name: 'Đảng ủy Tổng Công ty Cấp nước Sài Gòn',
    parent: DEMO_BLOC_CODE,
    level: 'BASE',
    orgKind: 'PARTY_COMMITTEE',
  },
  {
    code: 'CB-NMN-TD',
    name: 'Chi bộ Nhà máy nước Thủ Đức',
    parent: 'DU-SAWACO',
    level: null,
    orgKind: 'PARTY_CELL',
  },
  {
    code: 'CTY-CNBT',
    name: 'Công ty Cổ phần Cấp nước Bến Thành',
    parent: 'DU-SAWACO',
    level: null,
    orgKind: 'ENTERPRISE',
  },
  {
    code: 'DU-CNS',
    name: 'Đảng ủy Tổng Công ty Công nghiệp Sài Gòn',
    parent: DEMO_BLOC_CODE,
    level: 'BASE',
    orgKind: 'PARTY_COMMITTEE',
  },
  {
    code: DEMO_DISTRICT_CODE,
    name: 'Quận ủy Quận 3',
    parent: DEMO_CITY_CODE,
    level: 'DISTRICT',
    orgKind: 'PARTY_COMMITTEE',
  },
  {
    code: 'BDV-Q3',
    name: 'Ban Dân vận Quận ủy Quận 3',
    parent: DEMO_DISTRICT_CODE,
    level: 'DISTRICT',
    orgKind: 'PARTY_BOARD',
  },
  {
    code: 'DU-P-VTS',
    name: 'Đảng ủy Phường Võ Thị Sáu',
    parent: DEMO_DISTRICT_CODE,
    level: 'BASE',
    orgKind: 'PARTY_COMMITTEE',
  },
  {
    code: 'UBND-P-VTS',
    name: 'Ủy ban nhân dân Phường Võ Thị Sáu',
    parent: 'DU-P-VTS',
    level: null,
    orgKind: 'PEOPLES_COMMITTEE',
  },
  {
    code: 'CB-KP1-VTS',
    name: 'Chi bộ Khu phố 1, Phường Võ Thị Sáu',
    parent: 'DU-P-VTS',
    level: null,
    orgKind: 'PARTY_CELL',
  },
  {
    code: 'DU-P9-Q3',
    name: 'Đảng ủy Phường 9, Quận 3',
    parent: DEMO_DISTRICT_CODE,
    level: 'BASE',
    orgKind: 'PARTY_COMMITTEE',
  },
];

/** The organisation administrators of the demo (one per bloc and district) and the district
 * office's officer; the bloc's officer is its existing `<code>.officer`. */
export const demoOrganisationAccounts: {
  username: string;
  fullName: string;
  unitCode: string;
  roles: ('ORG_ADMIN' | 'UNIT_OFFICER')[];
}[] = [
  {
    username: orgAdminUsername(DEMO_BLOC_CODE),
    fullName: 'Quản trị Đảng ủy Khối Doanh nghiệp Thành phố',
    unitCode: DEMO_BLOC_CODE,
    roles: ['ORG_ADMIN'],
  },
  {
    username: orgAdminUsername(DEMO_DISTRICT_CODE),
    fullName: 'Quản trị Quận ủy Quận 3',
    unitCode: DEMO_DISTRICT_CODE,
    roles: ['ORG_ADMIN'],
  },
  {
    username: officerUsername(DEMO_DISTRICT_CODE),
    fullName: 'Cán bộ Văn phòng Quận ủy Quận 3',
    unitCode: DEMO_DISTRICT_CODE,
    roles: ['UNIT_OFFICER'],
  },
];

export function orgAdminUsername(unitCode: string): string {
  return `${unitCode.toLowerCase()}.admin`;
}
