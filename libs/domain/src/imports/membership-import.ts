import { assertValidMembershipList, type ClusterMemberRole } from '../cluster/membership-list';
import { DomainException } from '../errors/domain.exception';
import type { ImportUnitRef } from './award-import';
import { type ImportScope, scopedImportUnit } from './import-scope';
import {
  type ImportKindDefinition,
  type ImportRowIssue,
  type RawImportRow,
  readImportRows,
  recordsReader,
  UNIT_CODE_COLUMN,
} from './import-table';

/** Cluster memberships of a year (thành viên cụm thi đua), as PUT /admin/clusters/{id}/memberships/{year}:
 * the rows of one cluster and year are its whole member list for that year. */
export const MEMBERSHIP_IMPORT: ImportKindDefinition = {
  kind: 'memberships',
  title: { vi: 'thành viên cụm thi đua', en: 'cluster memberships' },
  columns: [
    {
      key: 'clusterCode',
      header: { vi: 'Mã cụm', en: 'Cluster code' },
      required: true,
      format: { vi: 'Mã cụm/khối thi đua đã có', en: 'The code of an existing cluster' },
      example: 'CTD-01',
    },
    {
      key: 'year',
      header: { vi: 'Năm', en: 'Year' },
      required: true,
      format: { vi: '2000–2100', en: '2000–2100' },
      example: 2027,
    },
    UNIT_CODE_COLUMN,
    {
      key: 'role',
      header: { vi: 'Vai trò', en: 'Role' },
      required: false,
      format: {
        vi: 'HEAD (cụm trưởng), DEPUTY (cụm phó) hoặc MEMBER (mặc định)',
        en: 'HEAD, DEPUTY or MEMBER (default)',
      },
      example: 'HEAD',
    },
    {
      key: 'position',
      header: { vi: 'Thứ tự', en: 'Position' },
      required: false,
      format: {
        vi: '0–1000; để trống: theo thứ tự dòng trong cụm',
        en: "0–1000; empty: the row's order within the cluster",
      },
      example: 0,
    },
  ],
  notes: [
    {
      vi: 'Các dòng cùng mã cụm và năm là toàn bộ danh sách thành viên năm đó: danh sách cũ được thay thế. Đúng một cụm trưởng, tối đa một cụm phó, mỗi đơn vị một lần.',
      en: "The rows of one cluster and year are that year's whole member list: it replaces the list recorded. Exactly one head, at most one deputy, each unit once.",
    },
    {
      vi: 'Không sửa được danh sách của năm đã có kỳ thi đua bắt đầu.',
      en: 'The list of a year whose cycle has started cannot change.',
    },
  ],
};

export interface MembershipImportRow {
  row: number;
  clusterCode: string;
  year: number;
  unitCode: string;
  role: ClusterMemberRole;
  position: number;
}

const groupKey = (clusterCode: string, year: number) => `${clusterCode}|${year}`;

/** The cells of each row, then each cluster's list of a year by the member-list rules. */
export function parseMembershipImportRows(raw: readonly RawImportRow[]): {
  rows: MembershipImportRow[];
  issues: ImportRowIssue[];
} {
  const parsed = readImportRows(MEMBERSHIP_IMPORT, raw, (x, r) => {
    const clusterCode = x.code('clusterCode', { required: true });
    const year = x.int('year', { required: true, min: 2000, max: 2100 });
    const unitCode = x.code('unitCode', { required: true });
    const role = x.has('role')
      ? x.oneOf<ClusterMemberRole>('role', {
          HEAD: ['Cụm trưởng', 'Khối trưởng'],
          DEPUTY: ['Cụm phó', 'Khối phó'],
          MEMBER: ['Thành viên'],
        })
      : 'MEMBER';
    const position = x.int('position', { min: 0, max: 1000 });
    if (!x.ok || !clusterCode || year === null || !unitCode || !role) return null;
    return { row: r.row, clusterCode, year, unitCode, role, position };
  });
  const { issues } = parsed;
  const groups = new Map<string, MembershipImportRow[]>();
  for (const m of parsed.rows) {
    const key = groupKey(m.clusterCode, m.year);
    const group = groups.get(key) ?? [];
    groups.set(key, group);
    group.push({ ...m, position: m.position ?? group.length });
  }
  const rows: MembershipImportRow[] = [];
  for (const members of groups.values()) {
    try {
      assertValidMembershipList(
        members.map((m) => ({ unitId: m.unitCode, role: m.role, position: m.position })),
      );
      rows.push(...members);
    } catch (err) {
      if (!(err instanceof DomainException)) throw err;
      const field = String(err.params['field'] ?? 'members[0].role');
      const [, index, prop] = /^members\[(\d+)\]\.(\w+)$/.exec(field) ?? ['', '0', 'role'];
      const m = members[Number(index)] ?? members[0];
      if (!m) continue;
      const column = prop === 'unitId' ? 'unitCode' : prop;
      issues.push({
        row: m.row,
        column,
        rule: String(err.params['rule'] ?? 'memberList'),
        message: memberListMessage(String(err.params['rule']), m),
      });
    }
  }
  return { rows: rows.sort((a, b) => a.row - b.row), issues };
}

function memberListMessage(rule: string, m: MembershipImportRow): { vi: string; en: string } {
  const of = {
    vi: `cụm ${m.clusterCode} năm ${m.year}`,
    en: `cluster ${m.clusterCode} in ${m.year}`,
  };
  switch (rule) {
    case 'oneHead':
      return {
        vi: `«Vai trò»: ${of.vi} phải có đúng một cụm trưởng (HEAD).`,
        en: `"Role": ${of.en} needs exactly one HEAD.`,
      };
    case 'oneDeputy':
      return {
        vi: `«Vai trò»: ${of.vi} có nhiều hơn một cụm phó (DEPUTY).`,
        en: `"Role": ${of.en} has more than one DEPUTY.`,
      };
    case 'uniqueUnit':
      return {
        vi: `«Mã đơn vị»: ${m.unitCode} có hai lần trong ${of.vi}.`,
        en: `"Unit code": ${m.unitCode} appears twice in ${of.en}.`,
      };
    default:
      return {
        vi: `«Thứ tự»: ${m.position} có hai lần trong ${of.vi}.`,
        en: `"Position": ${m.position} appears twice in ${of.en}.`,
      };
  }
}

export interface MembershipImportReferences {
  clusters: ReadonlyMap<string, { id: string }>;
  units: ReadonlyMap<string, ImportUnitRef>;
  /** What froze a cluster's year (its started cycle), by `<clusterId>|<year>`. */
  frozen: ReadonlyMap<string, string>;
  scope: ImportScope;
}

export interface ResolvedMembershipGroup {
  clusterId: string;
  clusterCode: string;
  year: number;
  members: { row: number; unitId: string; role: ClusterMemberRole; position: number }[];
}

export function resolveMembershipImportRows(
  rows: readonly MembershipImportRow[],
  refs: MembershipImportReferences,
): { groups: ResolvedMembershipGroup[]; issues: ImportRowIssue[] } {
  const issues: ImportRowIssue[] = [];
  const groups = new Map<string, ResolvedMembershipGroup>();
  for (const r of rows) {
    const x = recordsReader(MEMBERSHIP_IMPORT, r.row, issues);
    const cluster = refs.clusters.get(r.clusterCode);
    if (!cluster) {
      x.fail(
        'clusterCode',
        'unknownCluster',
        `"${r.clusterCode}" không phải mã cụm nào.`,
        `"${r.clusterCode}" is not the code of any cluster.`,
      );
    } else {
      const frozen = refs.frozen.get(`${cluster.id}|${r.year}`);
      if (frozen) {
        x.fail(
          'year',
          'frozen',
          `danh sách năm ${r.year} đã chốt khi kỳ "${frozen}" bắt đầu.`,
          `the ${r.year} list was frozen when "${frozen}" started.`,
        );
      }
    }
    const unit = scopedImportUnit(x, 'unitCode', r.unitCode, refs.units, refs.scope);
    if (!x.ok || !cluster || !unit) continue;
    const key = groupKey(r.clusterCode, r.year);
    const group = groups.get(key) ?? {
      clusterId: cluster.id,
      clusterCode: r.clusterCode,
      year: r.year,
      members: [],
    };
    groups.set(key, group);
    group.members.push({ row: r.row, unitId: unit.id, role: r.role, position: r.position });
  }
  return { groups: [...groups.values()], issues };
}
