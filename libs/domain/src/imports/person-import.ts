import type { ImportPersonRef, ImportUnitRef } from './award-import';
import { type ImportScope, withinImportScope } from './import-scope';
import {
  CODE_WHAT,
  IMPORT_CODE_PATTERN,
  type ImportKindDefinition,
  type ImportRowIssue,
  ImportRowReader,
  normalizePersonName,
  type RawImportRow,
} from './import-table';

/** The people of units (cá nhân, possible individual nominees), as POST /units/{id}/people. */
export const PERSON_IMPORT: ImportKindDefinition = {
  kind: 'people',
  title: { vi: 'người của đơn vị', en: 'people of units' },
  columns: [
    {
      key: 'unitCode',
      header: { vi: 'Mã đơn vị', en: 'Unit code' },
      required: true,
      format: { vi: 'Mã đơn vị đã có', en: 'The code of an existing unit' },
      example: 'DUK-CATP',
    },
    {
      key: 'fullName',
      header: { vi: 'Họ và tên', en: 'Full name' },
      required: true,
      format: { vi: '2–120 ký tự', en: '2–120 characters' },
      example: 'Nguyễn Thị Hồng Nhung',
    },
    {
      key: 'position',
      header: { vi: 'Chức vụ', en: 'Position' },
      required: false,
      format: { vi: '2–200 ký tự', en: '2–200 characters' },
      example: 'Phó Bí thư Đảng ủy',
    },
    {
      key: 'birthYear',
      header: { vi: 'Năm sinh', en: 'Birth year' },
      required: false,
      format: { vi: '1900–2100', en: '1900–2100' },
      example: 1980,
    },
  ],
  notes: [
    {
      vi: 'Một người (cùng họ tên và năm sinh) chỉ có một lần trong mỗi đơn vị: dòng trùng trong tệp hoặc đã có trong hệ thống bị từ chối.',
      en: 'A person (same name and birth year) is listed once per unit: a row repeated in the file or already listed is refused.',
    },
  ],
};

export interface PersonImportRow {
  row: number;
  unitCode: string;
  fullName: string;
  position: string | null;
  birthYear: number | null;
}

const personKey = (unit: string, name: string, birthYear: number | null) =>
  `${unit}|${normalizePersonName(name)}|${birthYear ?? ''}`;

export function parsePersonImportRows(raw: readonly RawImportRow[]): {
  rows: PersonImportRow[];
  issues: ImportRowIssue[];
} {
  const issues: ImportRowIssue[] = [];
  const rows: PersonImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of raw) {
    const before = issues.length;
    const x = new ImportRowReader(PERSON_IMPORT, r, issues);
    const unitCode = x.code('unitCode', {
      required: true,
      pattern: IMPORT_CODE_PATTERN,
      what: CODE_WHAT,
    });
    const fullName = x.text('fullName', { required: true, min: 2, max: 120 });
    const position = x.text('position', { min: 2, max: 200 });
    const birthYear = x.int('birthYear', { min: 1900, max: 2100 });
    if (issues.length !== before || unitCode === null || fullName === null) continue;
    const key = personKey(unitCode, fullName, birthYear);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      x.fail(
        'fullName',
        'duplicate',
        `trùng với dòng ${first} (cùng đơn vị, họ tên và năm sinh).`,
        `repeats row ${first} (same unit, name and birth year).`,
      );
      continue;
    }
    firstRowOf.set(key, r.row);
    rows.push({ row: r.row, unitCode, fullName, position, birthYear });
  }
  return { rows, issues };
}

export interface PersonImportReferences {
  units: ReadonlyMap<string, ImportUnitRef>;
  peopleByUnit: ReadonlyMap<string, readonly ImportPersonRef[]>;
  scope: ImportScope;
}

export interface ResolvedPersonImport {
  row: number;
  unitId: string;
  fullName: string;
  position: string | null;
  birthYear: number | null;
}

export function resolvePersonImportRows(
  rows: readonly PersonImportRow[],
  refs: PersonImportReferences,
): { people: ResolvedPersonImport[]; issues: ImportRowIssue[] } {
  const issues: ImportRowIssue[] = [];
  const people: ResolvedPersonImport[] = [];
  const listed = new Set<string>();
  for (const [unitId, list] of refs.peopleByUnit) {
    for (const p of list) listed.add(personKey(unitId, p.fullName, p.birthYear));
  }
  for (const r of rows) {
    const x = new ImportRowReader(PERSON_IMPORT, { row: r.row, cells: {} }, issues);
    const unit = refs.units.get(r.unitCode);
    if (!unit) {
      x.fail(
        'unitCode',
        'unknownUnit',
        `"${r.unitCode}" không phải mã đơn vị nào.`,
        `"${r.unitCode}" is not the code of any unit.`,
      );
    } else if (!withinImportScope(refs.scope, unit)) {
      x.fail(
        'unitCode',
        'outsideScope',
        `"${r.unitCode}" không thuộc tổ chức bạn quản trị.`,
        `"${r.unitCode}" is outside the organisation you administer.`,
      );
    } else if (listed.has(personKey(unit.id, r.fullName, r.birthYear))) {
      x.fail(
        'fullName',
        'alreadyExists',
        `"${r.fullName}" đã có trong danh sách của đơn vị ${r.unitCode}.`,
        `"${r.fullName}" is already listed in unit ${r.unitCode}.`,
      );
    } else {
      people.push({
        row: r.row,
        unitId: unit.id,
        fullName: r.fullName,
        position: r.position,
        birthYear: r.birthYear,
      });
    }
  }
  return { people, issues };
}
