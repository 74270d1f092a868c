import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';

export type ClusterMemberRole = 'HEAD' | 'DEPUTY' | 'MEMBER';

export interface ClusterMemberEntry {
  unitId: string;
  role: ClusterMemberRole;
  position: number;
}

/**
 * A cluster's member list for one year: exactly one head, at most one deputy (they rotate every
 * year), each unit once, each position once. Throws MEMBERSHIP_INVALID naming the first offending
 * field (`members[i].role`, `members[i].unitId`, `members[i].position`).
 */
export function assertValidMembershipList(members: readonly ClusterMemberEntry[]): void {
  const invalid = (field: string, rule: string, params: Record<string, string | number> = {}) =>
    new DomainException(DomainErrorCode.MembershipInvalid, { field, rule, ...params });

  const heads = members.flatMap((m, i) => (m.role === 'HEAD' ? [i] : []));
  if (heads.length !== 1) throw invalid(`members[${heads[1] ?? 0}].role`, 'oneHead');
  const deputies = members.flatMap((m, i) => (m.role === 'DEPUTY' ? [i] : []));
  if (deputies.length > 1) throw invalid(`members[${deputies[1]}].role`, 'oneDeputy');

  const units = new Set<string>();
  const positions = new Set<number>();
  for (const [i, m] of members.entries()) {
    if (units.has(m.unitId))
      throw invalid(`members[${i}].unitId`, 'uniqueUnit', { unitId: m.unitId });
    units.add(m.unitId);
    if (positions.has(m.position))
      throw invalid(`members[${i}].position`, 'uniquePosition', { position: m.position });
    positions.add(m.position);
  }
}
