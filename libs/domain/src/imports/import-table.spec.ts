import { withinImportScope } from './import-scope';
import { MAX_IMPORT_ROWS, readImportTable } from './import-table';
import { PERSON_IMPORT } from './person-import';

const lines = (...rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));

describe(readImportTable.name, () => {
  it('matches headers in Vietnamese, English or by key, in any case, a required mark ignored', () => {
    const t = readImportTable(
      PERSON_IMPORT,
      lines(
        ['MÃ ĐƠN VỊ *', 'Full name', 'position', 'Năm  sinh'],
        [' DUK-A ', 'Nguyễn Văn An', '', '1980'],
        ['', '', '', ''],
        ['DUK-B', 'Trần Thị Bình', 'Bí thư', ''],
      ),
    );
    expect(t.issues).toEqual([]);
    expect(t.rows).toEqual([
      {
        row: 2,
        cells: { unitCode: 'DUK-A', fullName: 'Nguyễn Văn An', position: '', birthYear: '1980' },
      },
      {
        row: 4,
        cells: { unitCode: 'DUK-B', fullName: 'Trần Thị Bình', position: 'Bí thư', birthYear: '' },
      },
    ]);
  });

  it('reports unknown, repeated and missing columns on row 1, and a file without data', () => {
    const t = readImportTable(PERSON_IMPORT, lines(['Mã đơn vị', 'Ghi chú', 'unitCode']));
    expect(t.issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [1, 'Ghi chú', 'unknownColumn'],
      [1, 'unitCode', 'duplicateColumn'],
      [1, 'fullName', 'missingColumn'],
      [2, '', 'noRows'],
    ]);
    expect(readImportTable(PERSON_IMPORT, []).issues.map((i) => i.rule)).toEqual(['header']);
  });

  it('refuses more rows than a file may hold', () => {
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ['DUK-A', `Người ${i}`]);
    const t = readImportTable(PERSON_IMPORT, lines(['unitCode', 'fullName'], ...many));
    expect(t.issues.map((i) => i.rule)).toEqual(['tooManyRows']);
  });
});

describe(withinImportScope.name, () => {
  it('covers every unit for the administrator, a subtree for an organisation administrator', () => {
    const unit = { id: 'c', path: '/a/b/c/' };
    expect(withinImportScope({ roles: ['ADMIN'], unitPath: null }, unit)).toBe(true);
    expect(withinImportScope({ roles: ['ORG_ADMIN'], unitPath: '/a/b/' }, unit)).toBe(true);
    expect(withinImportScope({ roles: ['ORG_ADMIN'], unitPath: '/a/x/' }, unit)).toBe(false);
    // A unit never placed in the tree stands alone.
    expect(
      withinImportScope({ roles: ['ORG_ADMIN'], unitPath: '/c/' }, { id: 'c', path: '' }),
    ).toBe(true);
  });
});
