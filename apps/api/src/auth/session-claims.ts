import type { AccessTokenClaims } from './authenticated-user';

/** The access-token claims of an account as it is now (`sfa`: a second-factor check just now). */
export function claimsOf(
  user: {
    id: string;
    username: string;
    unitId: string | null;
    roles: string[];
    tokenVersion: number;
  },
  secondFactorAt?: Date,
): AccessTokenClaims {
  return {
    sub: user.id,
    username: user.username,
    unitId: user.unitId,
    roles: user.roles,
    tv: user.tokenVersion,
    ...(secondFactorAt ? { sfa: Math.floor(secondFactorAt.getTime() / 1000) } : {}),
  };
}
