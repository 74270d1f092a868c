import { describe, expect, it } from '@jest/globals';
import type { Unit } from '../api/directory';
import { buildForest, subtreeIds, visibleIds } from './organisation-tree';

const unit = (
  id: string,
  code: string,
  name: string,
  parentId: string | null,
  ancestorIds: string[],
): Unit => ({
  id,
  code,
  name,
  kind: 'MEMBER',
  level: null,
  orgKind: null,
  parentId,
  ancestorIds,
  depth: ancestorIds.length,
  headcount: null,
  userCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
});

// An organisation administrator's list: its own district (whose parent is not listed) and below.
const units = [
  unit('w', 'DU-P-VTS', 'Đảng ủy Phường Võ Thị Sáu', 'd', ['c', 'd']),
  unit('d', 'QU-Q3', 'Quận ủy Quận 3', 'c', ['c']),
  unit('b', 'BDV-Q3', 'Ban Dân vận Quận ủy Quận 3', 'd', ['c', 'd']),
  unit('k', 'CB-KP1', 'Chi bộ Khu phố 1', 'w', ['c', 'd', 'w']),
];

describe('buildForest', () => {
  it('roots the list at the units whose parent is not in it, children by code', () => {
    const forest = buildForest(units);
    expect(forest.map((r) => r.unit.code)).toEqual(['QU-Q3']);
    expect(forest[0]?.children.map((c) => c.unit.code)).toEqual(['BDV-Q3', 'DU-P-VTS']);
    expect(forest[0]?.children[1]?.children.map((c) => c.unit.code)).toEqual(['CB-KP1']);
  });
});

describe('visibleIds', () => {
  it('shows the matches and the way to them', () => {
    expect([...visibleIds(buildForest(units), 'khu phố')].sort()).toEqual(['d', 'k', 'w']);
    expect(visibleIds(buildForest(units), 'quận 1').size).toBe(0);
  });
});

describe('subtreeIds', () => {
  it('is the unit and every unit beneath it', () => {
    expect([...subtreeIds(units, 'w')].sort()).toEqual(['k', 'w']);
  });
});
