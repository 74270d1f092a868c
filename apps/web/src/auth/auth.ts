import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { api, call } from '../api/client';
import { keys } from '../api/queries';
import type { Me } from '../api/types';
import { sessionStore, type Session } from './session-store';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: keys.me,
    enabled: !!session,
    queryFn: () => call(api.GET('/auth/me')),
    staleTime: 5 * 60_000,
  });
}

/** What the signed-in user may do, from the roles in their account (the API enforces them). */
export interface Capabilities {
  isAdmin: boolean;
  /** Administers an organisation and the ones below it (imports its data). */
  isOrgAdmin: boolean;
  /** Acts for a member unit: registers, reports, assesses. */
  isUnitUser: boolean;
  /** The unit's authorized signer: signs the pledge, votes; the head unit's signer leads. */
  isSigner: boolean;
  /** Reviewer, council member or deciding authority: reads every cluster. */
  isOversight: boolean;
  /** The unit's officer: prepares nominations (hồ sơ đề nghị khen thưởng). */
  isOfficer: boolean;
  /** Leader of a deciding authority: drafts and issues decisions, revokes awards. */
  isAuthority: boolean;
}

export function capabilitiesOf(me: Me | undefined): Capabilities {
  const roles = new Set(me?.roles ?? []);
  const isUnitUser = !!me?.unitId && (roles.has('UNIT_OFFICER') || roles.has('UNIT_SIGNER'));
  return {
    isAdmin: roles.has('ADMIN'),
    isOrgAdmin: roles.has('ORG_ADMIN'),
    isUnitUser,
    isSigner: isUnitUser && roles.has('UNIT_SIGNER'),
    isOversight: roles.has('REVIEWER') || roles.has('COUNCIL_MEMBER') || roles.has('AUTHORITY'),
    isOfficer: isUnitUser && roles.has('UNIT_OFFICER'),
    isAuthority: !!me?.unitId && roles.has('AUTHORITY'),
  };
}

/** Ends the session: the API revokes the refresh token (and its login), the app forgets both
 * tokens and every cached answer. */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const refreshToken = sessionStore.get()?.refreshToken;
    if (refreshToken) {
      // Best effort: the tokens are forgotten here whatever the API answers.
      await api.POST('/auth/logout', { body: { refreshToken } }).catch(() => undefined);
    }
    sessionStore.clear();
    queryClient.clear();
  }, [queryClient]);
}

/**
 * The user's unit's role in the cycle's cluster: from `GET /auth/me`, which knows this year's
 * memberships only. `undefined` when unknown (a cycle of another year, or still loading): the API
 * refuses a non-head's action anyway; `null` when the unit is not a member this year.
 */
export function clusterRoleOf(
  me: Me | undefined,
  cycle: { startsOn: string; cluster: { id: string } },
  today: string,
): Me['clusters'][number]['role'] | null | undefined {
  if (!me || cycle.startsOn.slice(0, 4) !== today.slice(0, 4)) return undefined;
  return me.clusters.find((m) => m.clusterId === cycle.cluster.id)?.role ?? null;
}
