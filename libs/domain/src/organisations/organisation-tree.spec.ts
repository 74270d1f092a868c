import { codeOf } from '../errors/code-of.spec-helper';
import { DomainErrorCode } from '../errors/domain-error-code';
import {
  administers,
  administersStrictlyBeneath,
  ancestorIds,
  assertValidPlacement,
  childPath,
  depthOf,
  grantableRoles,
  isWithin,
  levelRank,
  pathOf,
  placementViolation,
  readsUnit,
  seesSubtree,
  wouldCreateCycle,
} from './organisation-tree';

// Thành ủy → Đảng ủy Khối A → base committee A1; Thành ủy → Quận ủy B.
const city = { id: 'city', path: '/city/' };
const blocA = { id: 'a', path: '/city/a/' };
const baseA1 = { id: 'a1', path: '/city/a/a1/' };
const districtB = { id: 'b', path: '/city/b/' };
const orgAdminOf = (unitPath: string) => ({ roles: ['ORG_ADMIN'], unitPath });

describe('organisation tree paths', () => {
  it('builds a child path from its parent, and a top-level one', () => {
    expect(childPath(blocA, 'x')).toBe('/city/a/x/');
    expect(childPath(null, 'x')).toBe('/x/');
  });

  it('treats a unit written before the tree existed as a top-level unit', () => {
    expect(pathOf({ id: 'old', path: '' })).toBe('/old/');
    expect(childPath({ id: 'old', path: '' }, 'x')).toBe('/old/x/');
  });

  it('lists ancestors top first and counts depth', () => {
    expect(ancestorIds(baseA1)).toEqual(['city', 'a']);
    expect(depthOf(baseA1)).toBe(2);
    expect(depthOf(city)).toBe(0);
  });

  it('knows what lies within a subtree (never a sibling whose id starts alike)', () => {
    expect(isWithin(baseA1.path, blocA.path)).toBe(true);
    expect(isWithin(blocA.path, blocA.path)).toBe(true);
    expect(isWithin(districtB.path, blocA.path)).toBe(false);
    expect(isWithin('/city/ab/', blocA.path)).toBe(false);
  });
});

describe(wouldCreateCycle.name, () => {
  it('refuses a move under the unit itself or one of its descendants', () => {
    expect(wouldCreateCycle(blocA, blocA)).toBe(true);
    expect(wouldCreateCycle(blocA, baseA1)).toBe(true);
  });

  it('accepts a move under a sibling or an ancestor', () => {
    expect(wouldCreateCycle(blocA, districtB)).toBe(false);
    expect(wouldCreateCycle(baseA1, city)).toBe(false);
  });
});

describe(placementViolation.name, () => {
  it('orders levels from the centre down to beneath the base', () => {
    expect(levelRank('CENTRAL')).toBeLessThan(levelRank('PROVINCE'));
    expect(levelRank('BLOC')).toBe(levelRank('DISTRICT'));
    expect(levelRank('BASE')).toBeLessThan(levelRank(null));
  });

  it("lets a board or the People's Committee share its party committee's level", () => {
    expect(
      placementViolation(
        { level: 'PROVINCE', orgKind: 'PEOPLES_COMMITTEE' },
        { level: 'PROVINCE' },
      ),
    ).toBeNull();
  });

  it('refuses a unit above its parent', () => {
    expect(
      placementViolation({ level: 'PROVINCE', orgKind: 'PARTY_COMMITTEE' }, { level: 'BASE' }),
    ).toEqual({ field: 'parentId', rule: 'parentLevelNotBelowUnit' });
    expect(
      codeOf(() => assertValidPlacement({ level: 'BLOC', orgKind: null }, { level: null })),
    ).toBe(DomainErrorCode.ValidationFailed);
  });

  it('keeps a chi bộ or an enterprise at the base or beneath', () => {
    expect(placementViolation({ level: 'DISTRICT', orgKind: 'PARTY_CELL' }, null)).toEqual({
      field: 'level',
      rule: 'grassrootsKindAtBaseOrBeneath',
    });
    expect(
      placementViolation({ level: null, orgKind: 'ENTERPRISE' }, { level: 'BASE' }),
    ).toBeNull();
  });
});

describe(administers.name, () => {
  it('gives the global administrator every unit', () => {
    expect(administers({ roles: ['ADMIN'], unitPath: null }, districtB.path)).toBe(true);
  });

  it("gives an organisation administrator their own subtree, not a sibling's nor an ancestor", () => {
    const admin = orgAdminOf(blocA.path);
    expect(administers(admin, blocA.path)).toBe(true);
    expect(administers(admin, baseA1.path)).toBe(true);
    expect(administers(admin, districtB.path)).toBe(false);
    expect(administers(admin, city.path)).toBe(false);
  });

  it('gives nothing to an organisation administrator without a unit, or to other roles', () => {
    expect(administers({ roles: ['ORG_ADMIN'], unitPath: null }, baseA1.path)).toBe(false);
    expect(administers({ roles: ['UNIT_OFFICER'], unitPath: blocA.path }, baseA1.path)).toBe(false);
  });

  it('lets an organisation administrator edit units beneath their own, not their own', () => {
    const admin = orgAdminOf(blocA.path);
    expect(administersStrictlyBeneath(admin, baseA1.path)).toBe(true);
    expect(administersStrictlyBeneath(admin, blocA.path)).toBe(false);
    expect(administersStrictlyBeneath({ roles: ['ADMIN'], unitPath: null }, city.path)).toBe(true);
  });
});

describe(grantableRoles.name, () => {
  it('never lets an organisation administrator give the global ADMIN role', () => {
    expect(grantableRoles({ roles: ['ORG_ADMIN'] }, ['UNIT_OFFICER', 'ORG_ADMIN'])).toBe(true);
    expect(grantableRoles({ roles: ['ORG_ADMIN'] }, ['ADMIN'])).toBe(false);
    expect(grantableRoles({ roles: ['ADMIN'] }, ['ADMIN'])).toBe(true);
  });
});

describe(readsUnit.name, () => {
  it('narrows an organisation administrator alone to their subtree', () => {
    expect(readsUnit(orgAdminOf(blocA.path), baseA1.path)).toBe(true);
    expect(readsUnit(orgAdminOf(blocA.path), districtB.path)).toBe(false);
  });

  it('never narrows what another role reads', () => {
    expect(readsUnit({ roles: ['REVIEWER'], unitPath: null }, districtB.path)).toBe(true);
    expect(
      readsUnit({ roles: ['ORG_ADMIN', 'REVIEWER'], unitPath: blocA.path }, districtB.path),
    ).toBe(true);
  });
});

describe(seesSubtree.name, () => {
  it('shows a unit officer their own organisation and beneath, never a sibling', () => {
    const officer = { roles: ['UNIT_OFFICER'], unitPath: blocA.path };
    expect(seesSubtree(officer, baseA1.path)).toBe(true);
    expect(seesSubtree(officer, districtB.path)).toBe(false);
    expect(seesSubtree(officer, city.path)).toBe(false);
  });

  it('shows overseers every organisation', () => {
    expect(seesSubtree({ roles: ['REVIEWER'], unitPath: null }, districtB.path)).toBe(true);
  });
});
