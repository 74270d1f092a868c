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
