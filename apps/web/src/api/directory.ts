import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { components } from './schema';

/* The directory administrators keep (units, clusters and yearly members, accounts): the
 * /admin/units, /admin/clusters and /admin/users endpoints. */

type Schemas = components['schemas'];

export type Unit = Schemas['UnitDto'];
export type UnitKind = Unit['kind'];
export type RecognitionLevel = NonNullable<Unit['level']>;
export type Cluster = Schemas['ClusterDto'];
export type ClusterMemberships = Schemas['ClusterMembershipsDto'];
export type Membership = Schemas['MembershipDto'];
export type ClusterRole = Membership['role'];
export type User = Schemas['UserDto'];
export type Role = User['roles'][number];

export const UNIT_KINDS: UnitKind[] = ['MEMBER', 'AUTHORITY'];
export const LEVELS: RecognitionLevel[] = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'];
export const CLUSTER_ROLES: ClusterRole[] = ['HEAD', 'DEPUTY', 'MEMBER'];
export const ROLES: Role[] = [
  'ADMIN',
  'UNIT_OFFICER',
  'UNIT_SIGNER',
  'REVIEWER',
  'COUNCIL_MEMBER',
  'AUTHORITY',
  'ORG_ADMIN',
];

export const directoryKeys = {
  units: ['admin', 'units'] as const,
  clusters: ['admin', 'clusters'] as const,
  memberships: (clusterId: string, year: number) =>
    ['admin', 'clusters', clusterId, 'memberships', year] as const,
  users: ['admin', 'users'] as const,
};

/** Every unit (a directory of a province is a few hundred rows): pages filter on the client. */
export function useUnits() {
  return useQuery({
    queryKey: directoryKeys.units,
    queryFn: () => call(api.GET('/admin/units')),
  });
}

export function useClusters() {
  return useQuery({
    queryKey: directoryKeys.clusters,
    queryFn: () => call(api.GET('/admin/clusters')),
  });
}

export function useMemberships(clusterId: string | null, year: number) {
  return useQuery({
    queryKey: directoryKeys.memberships(clusterId ?? '', year),
    enabled: !!clusterId,
    queryFn: () =>
      call(
        api.GET('/admin/clusters/{id}/memberships', {
          params: { path: { id: clusterId! }, query: { year } },
        }),
      ),
  });
}

export function useUsers(filter: { search?: string; unitId?: string; role?: Role }) {
  return useQuery({
    queryKey: [...directoryKeys.users, filter],
    queryFn: () =>
      call(
        api.GET('/admin/users', {
          params: {
            query: {
              ...(filter.search ? { search: filter.search } : {}),
              ...(filter.unitId ? { unitId: filter.unitId } : {}),
              ...(filter.role ? { role: filter.role } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}
