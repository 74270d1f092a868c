import type { Actor } from './signing-round.types';

/** For tests: cluster members `u-<code>` named `Unit <code>`, in the order given. */
export function unitMembers(codes: readonly string[]) {
  return codes.map((c) => ({ unitId: `u-${c}`, unitCode: c, unitName: `Unit ${c}` }));
}

/** For tests: the signer of unit `u-<unit>`, user id `<prefix>-<unit>`. */
export function signer(unit: string, prefix = 'user'): Actor {
  return { userId: `${prefix}-${unit}`, unitId: `u-${unit}`, roles: ['UNIT_SIGNER'] };
}

/** For tests: the officer of unit `u-<unit>`, user id `<prefix>-<unit>`. */
export function officer(unit: string, prefix = 'off'): Actor {
  return { userId: `${prefix}-${unit}`, unitId: `u-${unit}`, roles: ['UNIT_OFFICER'] };
}
