import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { chainOf } from './nomination.mapper';

/** Roles that oversee every nomination (not only their unit's). */
export const OVERSIGHT_ROLES = ['ADMIN', 'REVIEWER', 'COUNCIL_MEMBER', 'AUTHORITY'];

export const isOversight = (user: AuthenticatedUser): boolean =>
  OVERSIGHT_ROLES.some((r) => user.roles.includes(r));

export const nominationNotFound = (nominationId: string) => () =>
  new DomainException(DomainErrorCode.NominationNotFound, { nominationId });

/** Who may read a nomination: oversight roles, the proposing and the nominee's unit, and every
 * unit acting on one of its steps. */
export function assertCanReadNomination(
  user: AuthenticatedUser,
  n: { proposerUnitId: string; unitId: string; chain: unknown },
): void {
  if (isOversight(user)) return;
  if (user.unitId && (n.proposerUnitId === user.unitId || n.unitId === user.unitId)) return;
  if (user.unitId && chainOf(n).init.steps.some((s) => s.actorUnitId === user.unitId)) return;
  throw new DomainException(DomainErrorCode.Forbidden, { reason: 'hồ sơ của đơn vị khác' });
}
