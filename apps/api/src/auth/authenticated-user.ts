import type { Actor } from '@epw/domain';

/** The caller, as proven by a valid access token. */
export interface AuthenticatedUser {
  userId: string;
  username: string;
  unitId: string | null;
  roles: string[];
}

export interface AccessTokenClaims {
  sub: string;
  username: string;
  unitId: string | null;
  roles: string[];
}

/** The caller as the workflows see them (the API is the only Temporal client, so this is trusted). */
export function actorOf(user: AuthenticatedUser): Actor {
  return { userId: user.userId, unitId: user.unitId, roles: user.roles };
}
