import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/auth';

export type Memberships = components['schemas']['MembershipsDto'];

/** The clusters (every year) the user's unit belongs to, with their cycles: asked once, instead
 * of probing clusters the user may not be in. */
export function useMemberships() {
  const session = useSession();
  return useQuery({
    queryKey: ['me', 'memberships'],
    enabled: !!session,
    queryFn: (): Promise<Memberships> => call(api.GET('/me/memberships')),
    staleTime: 5 * 60_000,
  });
}
