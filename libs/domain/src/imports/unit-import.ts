import {
  isGlobalAdmin,
  ORG_KINDS,
  type OrgKind,
  placementViolation,
} from '../organisations/organisation-tree';
import { type ImportScope, type ScopedUnit, withinImportScope } from './import-scope';
import {
  type ImportKindDefinition,
  type ImportRowIssue,
  type RawImportRow,
  readImportRows,
  resolveImportRows,
} from './import-table';

export const IMPORT_LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const;
export type ImportLevel = (typeof IMPORT_LEVELS)[number];
export type ImportUnitKind = 'MEMBER' | 'AUTHORITY';

/** Units (organisations) in the tree, as POST /admin/units plus their place in the tree. */
export const UNIT_IMPORT: ImportKindDefinition = {
  kind: 'units',
  title: { vi: 'đơn vị', en: 'units' },
  columns: [
    {
      key: 'code',
      header: { vi: 'Mã đơn vị', en: 'Unit code' },
      required: true,
      format: {
        vi: 'Duy nhất, không đổi về sau: 2–40 ký tự A-Z, 0-9, -',
        en: 'Unique, never changed: 2–40 characters A-Z, 0-9, -',
      },
      example: 'DU-PHUONG-1',
    },
    {
      key: 'name',
      header: { vi: 'Tên đơn vị', en: 'Name' },
      required: true,
      format: { vi: '3–200 ký tự', en: '3–200 characters' },
      example: 'Đảng ủy Phường 1',
    },
    {
      key: 'parentCode',
      header: { vi: 'Mã đơn vị cấp trên', en: 'Parent code' },
      required: 'conditional',
      format: {
        vi: 'Đơn vị cấp trên trực tiếp: đã có, hoặc ở một dòng phía trên trong tệp; để trống với tổ chức cấp cao nhất',
        en: 'The unit directly above: existing, or on an earlier row of the file; empty for a top-level organisation',
      },
      example: 'DUK-CATP',
    },
    {
      key: 'orgKind',
      header: { vi: 'Loại hình tổ chức', en: 'Organisation kind' },
      required: false,
      format: { vi: ORG_KINDS.join(', '), en: ORG_KINDS.join(', ') },
      example: 'PARTY_COMMITTEE',
    },
    {
      key: 'level',
      header: { vi: 'Cấp', en: 'Level' },
      required: false,
      format: {
        vi: `${IMPORT_LEVELS.join(', ')}; để trống với tổ chức dưới cơ sở`,
        en: `${IMPORT_LEVELS.join(', ')}; empty beneath the base`,
      },
      example: 'BASE',
    },
    {
      key: 'headcount',
      header: { vi: 'Quân số', en: 'Headcount' },
      required: false,
      format: { vi: '1–1 000 000', en: '1–1,000,000' },
      example: 45,
    },
    {
      key: 'kind',
      header: { vi: 'Loại', en: 'Kind' },
      required: false,
      format: {
        vi: 'MEMBER (đơn vị thi đua, mặc định) hoặc AUTHORITY (cơ quan có thẩm quyền)',
        en: 'MEMBER (default) or AUTHORITY',
      },
      example: 'MEMBER',
    },
  ],
  notes: [
    {
      vi: 'Đơn vị cấp trên phải có sẵn hoặc nằm ở dòng phía trên trong cùng tệp.',
      en: 'A parent must exist already or be on an earlier row of the same file.',
    },
    {
      vi: 'Quản trị tổ chức (ORG_ADMIN) chỉ thêm được đơn vị bên dưới tổ chức của mình.',
      en: "An organisation's administrator (ORG_ADMIN) adds units beneath their organisation only.",
    },
  ],
};

export interface UnitImportRow {
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  orgKind: OrgKind | null;
  level: ImportLevel | null;
  headcount: number | null;
  kind: ImportUnitKind;
}

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, [] as string[]])) as Record<T, string[]>;

/** The cells of each row; codes repeated in the file; a unit its own parent. `codes` holds the
 * first row of every well-formed code, bad rows too, so a child names its parent's row. */
export function parseUnitImportRows(raw: readonly RawImportRow[]): {
  rows: UnitImportRow[];
  issues: ImportRowIssue[];
  codes: Map<string, number>;
} {
  const codes = new Map<string, number>();
  const { rows, issues } = readImportRows(UNIT_IMPORT, raw, (x, r): UnitImportRow | null => {
    const code = x.code('code', { required: true });
    const name = x.text('name', { required: true, min: 3, max: 200 });
    const parentCode = x.code('parentCode');
    const orgKind = x.oneOf('orgKind', enumOf(ORG_KINDS));
    const level = x.oneOf('level', enumOf(IMPORT_LEVELS));
    const headcount = x.int('headcount', { min: 1, max: 1_000_000 });
    const kind = x.has('kind')
      ? x.oneOf<ImportUnitKind>('kind', { MEMBER: [], AUTHORITY: [] })
      : 'MEMBER';
    if (code !== null) {
      const first = x.repeats(codes, code);
      if (first !== undefined) {
        x.fail(
          'code',
          'duplicate',
          `"${code}" đã có ở dòng ${first}.`,
          `"${code}" is already on row ${first}.`,
        );
      }
      if (parentCode === code) {
        x.fail(
          'parentCode',
          'selfParent',
          'không thể là chính đơn vị.',
          'cannot be the unit itself.',
        );
      }
    }
    if (!x.ok || code === null || name === null || kind === null) return null;
    return { row: r.row, code, name, parentCode, orgKind, level, headcount, kind };
  });
  return { rows, issues, codes };
}

export interface UnitImportReferences {
  /** The existing units among the codes and parent codes of the file, by code. */
  existing: ReadonlyMap<string, ScopedUnit & { level: ImportLevel | null }>;
  /** `parseUnitImportRows(...).codes`. */
  fileCodes: ReadonlyMap<string, number>;
  scope: ImportScope;
}

export type ResolvedUnitParent =
  | { kind: 'existing'; id: string; path: string }
  | { kind: 'file'; code: string }
  | null;

export interface ResolvedUnitImport extends Omit<UnitImportRow, 'parentCode'> {
  parent: ResolvedUnitParent;
}

export function resolveUnitImportRows(
  rows: readonly UnitImportRow[],
  refs: UnitImportReferences,
): { units: ResolvedUnitImport[]; issues: ImportRowIssue[] } {
  const levelInFile = new Map(rows.map((r) => [r.code, r.level]));
  const { resolved, issues } = resolveImportRows(
    UNIT_IMPORT,
    rows,
    (x, r): ResolvedUnitImport | null => {
      if (refs.existing.has(r.code)) {
        x.fail('code', 'codeTaken', `"${r.code}" đã được dùng.`, `"${r.code}" is already taken.`);
      }
      let parent: ResolvedUnitParent = null;
      if (r.parentCode === null) {
        if (!isGlobalAdmin(refs.scope)) {
          x.fail(
            'parentCode',
            'outsideScope',
            'phải là một đơn vị thuộc tổ chức bạn quản trị.',
            'must be a unit of the organisation you administer.',
          );
        }
      } else {
        const existing = refs.existing.get(r.parentCode);
        const fileRow = refs.fileCodes.get(r.parentCode);
        if (existing) {
          if (!withinImportScope(refs.scope, existing)) {
            x.fail(
              'parentCode',
              'outsideScope',
              `"${r.parentCode}" không thuộc tổ chức bạn quản trị.`,
              `"${r.parentCode}" is outside the organisation you administer.`,
            );
          } else {
            parent = { kind: 'existing', id: existing.id, path: existing.path };
          }
        } else if (fileRow !== undefined && fileRow < r.row) {
          parent = { kind: 'file', code: r.parentCode };
        } else if (fileRow !== undefined) {
          x.fail(
            'parentCode',
            'parentLater',
            `"${r.parentCode}" ở dòng ${fileRow}: đơn vị cấp trên phải ở dòng phía trên.`,
            `"${r.parentCode}" is on row ${fileRow}: a parent must come on an earlier row.`,
          );
        } else {
          x.fail(
            'parentCode',
            'unknownParent',
            `"${r.parentCode}" không có trong hệ thống hay trong tệp.`,
            `"${r.parentCode}" is neither recorded nor in the file.`,
          );
        }
      }
      if (x.ok) {
        const parentLevel =
          parent?.kind === 'existing'
            ? (refs.existing.get(r.parentCode ?? '')?.level ?? null)
            : (levelInFile.get(parent?.code ?? '') ?? null);
        const v = placementViolation(r, parent ? { level: parentLevel } : null);
        if (v?.field === 'level') {
          x.fail(
            'level',
            v.rule,
            'của chi bộ, doanh nghiệp phải là BASE hoặc để trống.',
            'of a party cell or an enterprise must be BASE or empty.',
          );
        } else if (v) {
          x.fail(
            'parentCode',
            v.rule,
            `"${r.parentCode}" ở cấp thấp hơn đơn vị này: đơn vị không ở cấp cao hơn cấp trên của mình.`,
            `"${r.parentCode}" is at a lower level: a unit is never above its parent's level.`,
          );
        }
      }
      if (!x.ok) return null;
      return {
        row: r.row,
        code: r.code,
        name: r.name,
        orgKind: r.orgKind,
        level: r.level,
        headcount: r.headcount,
        kind: r.kind,
        parent,
      };
    },
  );
  return { units: resolved, issues };
}
