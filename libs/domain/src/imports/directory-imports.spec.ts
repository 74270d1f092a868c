import { readImportTable } from './import-table';
import {
  MEMBERSHIP_IMPORT,
  parseMembershipImportRows,
  resolveMembershipImportRows,
} from './membership-import';
import { PERSON_IMPORT, parsePersonImportRows, resolvePersonImportRows } from './person-import';
import { parseUnitImportRows, resolveUnitImportRows, UNIT_IMPORT } from './unit-import';

const lines = (...rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));
const unitA = {
  id: 'u-a',
  code: 'DUK-A',
  name: 'Đảng ủy A',
  path: '/top/u-a/',
  level: 'BLOC' as const,
};
const rulesOf = (issues: { row: number; column: string; rule: string }[]) =>
  issues.map((i) => [i.row, i.column, i.rule]);

describe(parsePersonImportRows.name, () => {
  const parse = (...rows: string[][]) =>
    parsePersonImportRows(
      readImportTable(
        PERSON_IMPORT,
        lines(['unitCode', 'fullName', 'position', 'birthYear'], ...rows),
      ).rows,
    );

  it('reads people and refuses bad cells and repeated people', () => {
    const { rows, issues } = parse(
      ['DUK-A', 'Nguyễn Văn An', 'Bí thư', '1980'],
      ['DUK-A', 'nguyễn  văn an', '', '1980'],
      ['DUK-A', 'Nguyễn Văn An', '', '1990'],
      ['', 'X', '', '1800'],
    );
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rulesOf(issues)).toEqual([
      [3, 'fullName', 'duplicate'],
      [5, 'unitCode', 'required'],
      [5, 'fullName', 'length'],
      [5, 'birthYear', 'range'],
    ]);
  });

  it('refuses unknown units, units outside the scope and people already listed', () => {
    const { rows } = parse(
      ['DUK-A', 'Nguyễn Văn An', '', '1980'],
      ['DUK-Z', 'Trần Văn Bảo', '', ''],
      ['DUK-A', 'Lê Thị Cúc', '', ''],
    );
    const refs = {
      units: new Map([['DUK-A', unitA]]),
      peopleByUnit: new Map([['u-a', [{ id: 'p', fullName: 'NGUYỄN VĂN AN', birthYear: 1980 }]]]),
      scope: { roles: ['ADMIN'], unitPath: null },
    };
    const { people, issues } = resolvePersonImportRows(rows, refs);
    expect(people).toEqual([
      { row: 4, unitId: 'u-a', fullName: 'Lê Thị Cúc', position: null, birthYear: null },
    ]);
    expect(rulesOf(issues)).toEqual([
      [2, 'fullName', 'alreadyExists'],
      [3, 'unitCode', 'unknownUnit'],
    ]);
    const scoped = resolvePersonImportRows(rows.slice(2), {
      ...refs,
      scope: { roles: ['ORG_ADMIN'], unitPath: '/elsewhere/' },
    });
    expect(rulesOf(scoped.issues)).toEqual([[4, 'unitCode', 'outsideScope']]);
  });
});

describe(parseUnitImportRows.name, () => {
  const parse = (...rows: string[][]) =>
    parseUnitImportRows(
      readImportTable(
        UNIT_IMPORT,
        lines(['code', 'name', 'parentCode', 'orgKind', 'level', 'headcount', 'kind'], ...rows),
      ).rows,
    );

  it('places units under existing parents or earlier rows of the file', () => {
    const p = parse(
      ['DU-P1', 'Đảng ủy Phường 1', 'DUK-A', 'PARTY_COMMITTEE', 'BASE', '45', ''],
      ['CB-P1-KP1', 'Chi bộ Khu phố 1', 'DU-P1', 'PARTY_CELL', '', '', ''],
    );
    expect(p.issues).toEqual([]);
    const { units, issues } = resolveUnitImportRows(p.rows, {
      existing: new Map([['DUK-A', unitA]]),
      fileCodes: p.codes,
      scope: { roles: ['ORG_ADMIN'], unitPath: '/top/' },
    });
    expect(issues).toEqual([]);
    expect(units.map((u) => [u.code, u.parent, u.kind, u.level])).toEqual([
      ['DU-P1', { kind: 'existing', id: 'u-a', path: '/top/u-a/' }, 'MEMBER', 'BASE'],
      ['CB-P1-KP1', { kind: 'file', code: 'DU-P1' }, 'MEMBER', null],
    ]);
  });

  it('refuses repeated and taken codes, unknown or later parents, and top-level units for an organisation administrator', () => {
    const p = parse(
      ['DU-X', 'Đơn vị X', 'DU-Y', '', '', '', ''],
      ['DU-Y', 'Đơn vị Y', '', '', '', '', ''],
      ['DU-Y', 'Đơn vị Y lặp', '', '', '', '', ''],
      ['DUK-A', 'Đã có', 'NONE', '', 'TOWN', '0', ''],
      ['DU-Z', 'Đơn vị Z', 'DU-Z', '', '', '', ''],
    );
    expect(rulesOf(p.issues)).toEqual([
      [4, 'code', 'duplicate'],
      [5, 'level', 'isIn'],
      [5, 'headcount', 'range'],
      [6, 'parentCode', 'selfParent'],
    ]);
    const r = resolveUnitImportRows(
      [
        ...p.rows,
        {
          row: 7,
          code: 'DUK-A',
          name: 'Đã có',
          parentCode: 'NONE',
          orgKind: null,
          level: null,
          headcount: null,
          kind: 'MEMBER',
        },
      ],
      {
        existing: new Map([['DUK-A', unitA]]),
        fileCodes: p.codes,
        scope: { roles: ['ORG_ADMIN'], unitPath: '/top/' },
      },
    );
    expect(rulesOf(r.issues)).toEqual([
      [2, 'parentCode', 'parentLater'],
      [3, 'parentCode', 'outsideScope'],
      [7, 'code', 'codeTaken'],
      [7, 'parentCode', 'unknownParent'],
    ]);
  });
});

describe(resolveUnitImportRows.name, () => {
  it('keeps a unit at or below the level of its parent, and a party cell at the base or beneath', () => {
    const p = parseUnitImportRows(
      readImportTable(
        UNIT_IMPORT,
        lines(
          ['code', 'name', 'parentCode', 'orgKind', 'level'],
          ['DU-P2', 'Đảng ủy Phường 2', 'DUK-A', '', 'PROVINCE'],
          ['CB-1', 'Chi bộ 1', 'DUK-A', 'PARTY_CELL', 'DISTRICT'],
        ),
      ).rows,
    );
    const r = resolveUnitImportRows(p.rows, {
      existing: new Map([['DUK-A', unitA]]),
      fileCodes: p.codes,
      scope: { roles: ['ADMIN'], unitPath: null },
    });
    expect(rulesOf(r.issues)).toEqual([
      [2, 'parentCode', 'parentLevelNotBelowUnit'],
      [3, 'level', 'grassrootsKindAtBaseOrBeneath'],
    ]);
  });
});

describe(parseMembershipImportRows.name, () => {
  const parse = (...rows: string[][]) =>
    parseMembershipImportRows(
      readImportTable(
        MEMBERSHIP_IMPORT,
        lines(['clusterCode', 'year', 'unitCode', 'role', 'position'], ...rows),
      ).rows,
    );

  it('groups the rows of a cluster and year into its member list, positions by row order', () => {
    const { rows, issues } = parse(
      ['CTD-1', '2027', 'DUK-A', 'Cụm trưởng', ''],
      ['CTD-1', '2027', 'DUK-B', '', ''],
      ['CTD-1', '2028', 'DUK-B', 'HEAD', '5'],
    );
    expect(issues).toEqual([]);
    const { groups } = resolveMembershipImportRows(rows, {
      clusters: new Map([['CTD-1', { id: 'c-1' }]]),
      units: new Map([
        ['DUK-A', unitA],
        ['DUK-B', { ...unitA, id: 'u-b', code: 'DUK-B' }],
      ]),
      frozen: new Map(),
      scope: { roles: ['ADMIN'], unitPath: null },
    });
    expect(
      groups.map((g) => [g.year, g.members.map((m) => [m.unitId, m.role, m.position])]),
    ).toEqual([
      [
        2027,
        [
          ['u-a', 'HEAD', 0],
          ['u-b', 'MEMBER', 1],
        ],
      ],
      [2028, [['u-b', 'HEAD', 5]]],
    ]);
  });

  it('refuses a list without one head, a unit twice, unknown clusters and frozen years', () => {
    const p = parse(
      ['CTD-1', '2027', 'DUK-A', 'MEMBER', ''],
      ['CTD-2', '2027', 'DUK-A', 'HEAD', ''],
      ['CTD-2', '2027', 'DUK-A', 'MEMBER', ''],
      ['CTD-3', '2027', 'DUK-A', 'HEAD', ''],
      ['CTD-4', '2027', 'DUK-A', 'HEAD', ''],
    );
    expect(rulesOf(p.issues)).toEqual([
      [2, 'role', 'oneHead'],
      [4, 'unitCode', 'uniqueUnit'],
    ]);
    const r = resolveMembershipImportRows(p.rows, {
      clusters: new Map([['CTD-4', { id: 'c-4' }]]),
      units: new Map([['DUK-A', unitA]]),
      frozen: new Map([['c-4|2027', 'Dân vận khéo 2027']]),
      scope: { roles: ['ADMIN'], unitPath: null },
    });
    expect(rulesOf(r.issues)).toEqual([
      [5, 'clusterCode', 'unknownCluster'],
      [6, 'year', 'frozen'],
    ]);
  });
});
