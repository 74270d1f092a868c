import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import type { Actor, SigningMember } from '../pledge-signing/signing-round.types';
import { UNIT_SIGNER_ROLE } from '../pledge-signing/signing-round.types';

export const UNIT_OFFICER_ROLE = 'UNIT_OFFICER';

/** The actor works for `unitId`, a member, in one of `roles`. A unit acts for itself only. */
export function assertActsForUnit(
  actor: Actor,
  unitId: string,
  members: readonly SigningMember[],
  roles: readonly string[],
): void {
  if (!members.some((m) => m.unitId === unitId)) {
    throw new DomainException(DomainErrorCode.UnitNotMember, { unitId });
  }
  if (actor.unitId !== unitId) throw new DomainException(DomainErrorCode.WrongUnit);
  if (!roles.some((r) => actor.roles.includes(r))) {
    throw new DomainException(
      roles.includes(UNIT_OFFICER_ROLE) ? DomainErrorCode.Forbidden : DomainErrorCode.NotASigner,
      { reason: `cần vai trò ${roles.join(' / ')}` },
    );
  }
}

export function assertHead(actor: Actor, headUnitId: string): void {
  if (actor.unitId !== headUnitId || !actor.roles.includes(UNIT_SIGNER_ROLE)) {
    throw new DomainException(DomainErrorCode.NotClusterHead);
  }
}

export function unitLabel(members: readonly SigningMember[], unitId: string): string {
  return members.find((m) => m.unitId === unitId)?.unitCode ?? unitId;
}
