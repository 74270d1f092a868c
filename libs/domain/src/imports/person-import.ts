import type { ImportPersonRef, ImportUnitRef } from './award-import';
import { type ImportScope, scopedImportUnit } from './import-scope';
import {
  type ImportKindDefinition,
  type ImportRowIssue,
  normalizePersonName,
  type RawImportRow,
  readImportRows,
  resolveImportRows,
  UNIT_CODE_COLUMN,
} from './import-table';

/** The people of units (cá nhân, possible individual nominees), as POST /units/{id}/people. */
export const PERSON_IMPORT: ImportKindDefinition = {
  kind: 'people',
  title: { vi: 'người của đơn vị', en: 'people of units' },
  columns: [
    UNIT_CODE_COLUMN,
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
  const firstRowOf = new Map<string, number>();
  return readImportRows(PERSON_IMPORT, raw, (x, r) => {
    const unitCode = x.code('unitCode', { required: true });
    const fullName = x.text('fullName', { required: true, min: 2, max: 120 });
    const position = x.text('position', { min: 2, max: 200 });
    const birthYear = x.int('birthYear', { min: 1900, max: 2100 });
    if (!x.ok || unitCode === null || fullName === null) return null;
    const first = x.repeats(firstRowOf, personKey(unitCode, fullName, birthYear));
    if (first !== undefined) {
      return x.fail(
        'fullName',
        'duplicate',
        `trùng với dòng ${first} (cùng đơn vị, họ tên và năm sinh).`,
        `repeats row ${first} (same unit, name and birth year).`,
      );
    }
    return { row: r.row, unitCode, fullName, position, birthYear };
  });
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
  const listed = new Set<string>();
  for (const [unitId, list] of refs.peopleByUnit) {
    for (const p of list) listed.add(personKey(unitId, p.fullName, p.birthYear));
  }
  const { resolved, issues } = resolveImportRows(
    PERSON_IMPORT,
    rows,
    (x, r): ResolvedPersonImport | null => {
      const unit = scopedImportUnit(x, 'unitCode', r.unitCode, refs.units, refs.scope);
      if (!unit) return null;
      if (listed.has(personKey(unit.id, r.fullName, r.birthYear))) {
        return x.fail(
          'fullName',
          'alreadyExists',
          `"${r.fullName}" đã có trong danh sách của đơn vị ${r.unitCode}.`,
          `"${r.fullName}" is already listed in unit ${r.unitCode}.`,
        );
      }
      return {
        row: r.row,
        unitId: unit.id,
        fullName: r.fullName,
        position: r.position,
        birthYear: r.birthYear,
      };
    },
  );
  return { people: resolved, issues };
}
