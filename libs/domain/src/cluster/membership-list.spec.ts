import { codeOf, paramsOf } from '../errors/code-of.spec-helper';
import { DomainErrorCode } from '../errors/domain-error-code';
import { assertValidMembershipList, type ClusterMemberEntry } from './membership-list';

const member = (unitId: string, role: ClusterMemberEntry['role'], position: number) => ({
  unitId,
  role,
  position,
});

describe(assertValidMembershipList.name, () => {
  it('accepts one head, one deputy and members', () => {
    expect(
      codeOf(() =>
        assertValidMembershipList([
          member('a', 'HEAD', 0),
          member('b', 'DEPUTY', 1),
          member('c', 'MEMBER', 2),
        ]),
      ),
    ).toBeUndefined();
  });

  it('accepts a list without a deputy', () => {
    expect(
      codeOf(() => assertValidMembershipList([member('a', 'HEAD', 0), member('b', 'MEMBER', 1)])),
    ).toBeUndefined();
  });

  it('refuses a list without a head', () => {
    const fn = () => assertValidMembershipList([member('a', 'MEMBER', 0)]);
    expect(codeOf(fn)).toBe(DomainErrorCode.MembershipInvalid);
    expect(paramsOf(fn)).toMatchObject({ field: 'members[0].role', rule: 'oneHead' });
  });

  it('refuses an empty list (it has no head)', () => {
    expect(codeOf(() => assertValidMembershipList([]))).toBe(DomainErrorCode.MembershipInvalid);
  });

  it('refuses two heads, naming the second', () => {
    const fn = () => assertValidMembershipList([member('a', 'HEAD', 0), member('b', 'HEAD', 1)]);
    expect(paramsOf(fn)).toMatchObject({ field: 'members[1].role', rule: 'oneHead' });
  });

  it('refuses two deputies', () => {
    const fn = () =>
      assertValidMembershipList([
        member('a', 'HEAD', 0),
        member('b', 'DEPUTY', 1),
        member('c', 'DEPUTY', 2),
      ]);
    expect(paramsOf(fn)).toMatchObject({ field: 'members[2].role', rule: 'oneDeputy' });
  });

  it('refuses a unit listed twice', () => {
    const fn = () => assertValidMembershipList([member('a', 'HEAD', 0), member('a', 'MEMBER', 1)]);
    expect(paramsOf(fn)).toMatchObject({ field: 'members[1].unitId', rule: 'uniqueUnit' });
  });

  it('refuses a position used twice', () => {
    const fn = () => assertValidMembershipList([member('a', 'HEAD', 0), member('b', 'MEMBER', 0)]);
    expect(paramsOf(fn)).toMatchObject({ field: 'members[1].position', rule: 'uniquePosition' });
  });
});
