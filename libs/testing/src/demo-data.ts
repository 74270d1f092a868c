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
