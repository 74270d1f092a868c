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
  /** The account's token version when the token was issued: a deactivation or a password reset
   * bumps it and every earlier token is refused (tokens from before versions had none: 0). */
  tv?: number;
  /** When this session last passed a second-factor check (epoch seconds): at a login with a code,
   * a step-up or an enrolment. Absent: no check in this session (or the account has none). */
  sfa?: number;
}

/** The caller as the workflows see them (the API is the only Temporal client, so this is trusted). */
export function actorOf(user: AuthenticatedUser): Actor {
  return { userId: user.userId, unitId: user.unitId, roles: user.roles };
}
