import {
  AWARD_IMPORT,
  awardAchievementKey,
  parseAwardImportRows,
  resolveAwardImportRows,
  type AwardImportReferences,
} from './award-import';
import { readImportTable } from './import-table';

const HEADER = [
  'Mã hình thức khen thưởng',
  'Đối tượng',
  'Mã đơn vị',
  'Họ và tên',
  'Năm sinh',
  'Loại kỳ',
  'Năm',
  'Quý',
  'Năm bắt đầu',
  'Ngày quyết định',
];

const table = (...rows: string[][]) =>
  readImportTable(
    AWARD_IMPORT,
    [HEADER, ...rows].map((cells, i) => ({ row: i + 1, cells })),
  );

const refs = (over: Partial<AwardImportReferences<{ code: string }>> = {}) => ({
  forms: new Map([['GK-BDV', { code: 'GK-BDV' }]]),
  units: new Map([
    ['DUK-A', { id: 'u-a', code: 'DUK-A', name: 'Đảng ủy A', path: '/top/u-a/', level: null }],
  ]),
  peopleByUnit: new Map([
    [
      'u-a',
      [
        { id: 'p-1', fullName: 'Nguyễn Văn An', birthYear: 1980 },
        { id: 'p-2', fullName: 'Trần Thị Bình', birthYear: 1975 },
        { id: 'p-3', fullName: 'Trần Thị Bình', birthYear: 1990 },
      ],
    ],
  ]),
  recorded: new Set<string>(),
  scope: { roles: ['ADMIN'], unitPath: null },
  ...over,
});

describe(parseAwardImportRows.name, () => {
  it('reads yearly, quarterly and phase awards, by Vietnamese or English words', () => {
    const t = table(
      ['gk-bdv', 'Tập thể', 'DUK-A', '', '', '', '2022', '', '', '12/10/2022'],
      ['GK-BDV', 'PERSON', 'DUK-A', ' Nguyễn  Văn An ', '', 'Quý', '2023', '3', '', ''],
      ['GK-BDV', 'UNIT', 'DUK-A', '', '', 'PHASE', '2023', '', '2021', '2023-10-15'],
    );
    expect(t.issues).toEqual([]);
    const { rows, issues } = parseAwardImportRows(t.rows);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.row, r.formCode, r.recipientKind, r.period, r.decisionDate])).toEqual(
      [
        [
          2,
          'GK-BDV',
          'UNIT',
          { kind: 'YEAR', year: 2022, quarter: null, startYear: null },
          '2022-10-12',
        ],
        [3, 'GK-BDV', 'PERSON', { kind: 'QUARTER', year: 2023, quarter: 3, startYear: null }, null],
        [
          4,
          'GK-BDV',
          'UNIT',
          { kind: 'PHASE', year: 2023, quarter: null, startYear: 2021 },
          '2023-10-15',
        ],
      ],
    );
    expect(rows[1]?.fullName).toBe('Nguyễn Văn An');
  });

  it('names the row, column and rule of every bad cell', () => {
    const t = table(
      ['GK-BDV', 'UNIT', 'DUK-A', '', '', '', '20x2', '', '', ''],
      ['GK-BDV', 'PERSON', 'DUK-A', '', '', '', '2022', '', '', ''],
      ['GK-BDV', 'UNIT', 'DUK-A', '', '', 'QUARTER', '2022', '5', '', ''],
      ['GK-BDV', 'UNIT', 'DUK-A', '', '', 'YEAR', '2022', '2', '', ''],
      ['GK-BDV', 'UNIT', 'DUK-A', '', '', 'PHASE', '2022', '', '2022', '31/02/2022'],
      ['GK-BDV', 'GROUP', 'duk a', 'Ai đó', '', '', '1900', '', '', ''],
    );
    const { rows, issues } = parseAwardImportRows(t.rows);
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [2, 'year', 'integer'],
      [3, 'fullName', 'required'],
      [4, 'quarter', 'range'],
      [5, 'quarter', 'absent'],
      [6, 'decisionDate', 'date'],
      [7, 'recipientKind', 'isIn'],
      [7, 'unitCode', 'pattern'],
      [7, 'year', 'range'],
    ]);
    expect(issues[0]?.message.vi).toBe('«Năm» phải là một số nguyên.');
    expect(issues[0]?.message.en).toBe('"Year" must be a whole number.');
  });

  it('refuses a row repeating an earlier one (same recipient, form, movement and period)', () => {
    const t = table(
      ['GK-BDV', 'UNIT', 'DUK-A', '', '', '', '2022', '', '', ''],
      ['GK-BDV', 'UNIT', 'duk-a', '', '', 'YEAR', '2022', '', '', ''],
      ['GK-BDV', 'UNIT', 'DUK-A', '', '', '', '2023', '', '', ''],
    );
    const { rows, issues } = parseAwardImportRows(t.rows);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(issues.map((i) => [i.row, i.column, i.rule])).toEqual([[3, 'formCode', 'duplicate']]);
  });
});

describe(resolveAwardImportRows.name, () => {
  const parsed = (...rows: string[][]) => parseAwardImportRows(table(...rows).rows).rows;

  it('finds units and people (by name, and birth year when two share it)', () => {
    const rows = parsed(
      ['GK-BDV', 'UNIT', 'DUK-A', '', '', '', '2022', '', '', ''],
      ['GK-BDV', 'PERSON', 'DUK-A', 'nguyễn văn an', '', '', '2022', '', '', ''],
      ['GK-BDV', 'PERSON', 'DUK-A', 'Trần Thị Bình', '1990', '', '2022', '', '', ''],
    );
    const { awards, issues } = resolveAwardImportRows(rows, refs());
    expect(issues).toEqual([]);
    expect(awards.map((a) => [a.recipientKey, a.recipientName, a.unitId, a.achievement])).toEqual([
      ['unit:u-a', 'Đảng ủy A', 'u-a', 'Khen thưởng năm 2022'],
      ['person:p-1', 'Nguyễn Văn An', 'u-a', 'Khen thưởng năm 2022'],
      ['person:p-3', 'Trần Thị Bình', 'u-a', 'Khen thưởng năm 2022'],
    ]);
  });

  it('refuses unknown forms, units and people, ambiguous names, awards already recorded and units outside the scope', () => {
    const rows = parsed(
      ['NOPE', 'UNIT', 'DUK-A', '', '', '', '2022', '', '', ''],
      ['GK-BDV', 'UNIT', 'DUK-Z', '', '', '', '2022', '', '', ''],
      ['GK-BDV', 'PERSON', 'DUK-A', 'Lê Văn Chưa Có', '', '', '2022', '', '', ''],
      ['GK-BDV', 'PERSON', 'DUK-A', 'Trần Thị Bình', '', '', '2022', '', '', ''],
      ['GK-BDV', 'UNIT', 'DUK-A', '', '', '', '2021', '', '', ''],
    );
    const recorded = new Set([
      awardAchievementKey({
        recipientKey: 'unit:u-a',
        formCode: 'GK-BDV',
        movementCode: null,
        period: { kind: 'YEAR', year: 2021 },
      }),
    ]);
    const { awards, issues } = resolveAwardImportRows(rows, refs({ recorded }));
    expect(awards).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [2, 'formCode', 'unknownForm'],
      [3, 'unitCode', 'unknownUnit'],
      [4, 'fullName', 'unknownPerson'],
      [5, 'fullName', 'ambiguousPerson'],
      [6, 'formCode', 'alreadyRecorded'],
    ]);
    const scoped = resolveAwardImportRows(
      parsed(['GK-BDV', 'UNIT', 'DUK-A', '', '', '', '2022', '', '', '']),
      refs({ scope: { roles: ['ORG_ADMIN'], unitPath: '/other/' } }),
    );
    expect(scoped.issues.map((i) => i.rule)).toEqual(['outsideScope']);
  });
});
