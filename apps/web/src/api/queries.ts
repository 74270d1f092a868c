import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { ApiError } from './problem';
import type { AuditVerification, Cycle, Member, Opened } from './types';

/** A signing round or a cycle run that has not started answers "not found": for a status view
 * that is a state to show, not an error. */
const NOT_STARTED = new Set(['ROUND_NOT_FOUND', 'NOT_FOUND']);

/** A step's status view reads `opened: false` until the step opens: the pages show that as null. */
async function whenOpened<T extends { opened: boolean; deadlineAt: string | null }>(
  request: Promise<T>,
): Promise<Opened<T> | null> {
  const view = await request;
  return view.opened && view.deadlineAt !== null ? (view as Opened<T>) : null;
}

async function orNotStarted<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof ApiError && NOT_STARTED.has(err.code)) return null;
    throw err;
  }
}

/** Live views refresh on their own; an accelerated calendar moves in seconds, so faster. */
export function liveInterval(cycle: Pick<Cycle, 'calendarScale' | 'status'> | undefined) {
  if (!cycle || cycle.status === 'CLOSED') return false;
  return cycle.calendarScale > 1 ? 3_000 : 30_000;
}

export const keys = {
  me: ['me'] as const,
  cycles: ['cycles'] as const,
  cycle: (id: string) => ['cycles', id] as const,
  run: (id: string) => ['cycles', id, 'run'] as const,
  outcome: (id: string) => ['cycles', id, 'outcome'] as const,
  compliance: (id: string) => ['cycles', id, 'compliance'] as const,
  registrations: (id: string) => ['cycles', id, 'registrations'] as const,
  assessment: (id: string, stage: 'interim' | 'final') =>
    ['cycles', id, 'assessment', stage] as const,
  ballots: (id: string, kind: 'vote' | 'election') => ['cycles', id, 'ballots', kind] as const,
  round: (roundId: string) => ['signing-rounds', roundId] as const,
  signatures: (roundId: string) => ['signing-rounds', roundId, 'signatures'] as const,
  ruleSets: ['rule-sets'] as const,
  defaultRuleSet: ['rule-sets', 'default'] as const,
  holidays: ['holidays'] as const,
  schedules: ['schedules'] as const,
  notifications: (page: number, unreadOnly: boolean) =>
    ['me', 'notifications', page, unreadOnly] as const,
  unread: ['me', 'notifications', 'unread'] as const,
  preferences: ['me', 'preferences'] as const,
  deadLetters: ['admin', 'dead-letters'] as const,
  auditVerify: ['admin', 'audit-verify'] as const,
};

export const cyclesQuery = queryOptions({
  queryKey: keys.cycles,
  queryFn: () => call(api.GET('/cycles', { params: { query: { page: 1, pageSize: 100 } } })),
});

export function useCycles() {
  return useQuery(cyclesQuery);
}

export function useCycleRun(cycle: Cycle | undefined) {
  return useQuery({
    queryKey: keys.run(cycle?.id ?? ''),
    enabled: !!cycle && cycle.status !== 'PLANNED',
    queryFn: () =>
      orNotStarted(
        call(api.GET('/cycles/{cycleId}/run', { params: { path: { cycleId: cycle!.id } } })),
      ),
    refetchInterval: liveInterval(cycle),
  });
}

export function useOutcome(cycle: Cycle | undefined) {
  return useQuery({
    queryKey: keys.outcome(cycle?.id ?? ''),
    enabled: !!cycle && cycle.status !== 'PLANNED',
    queryFn: () =>
      call(api.GET('/cycles/{cycleId}/outcome', { params: { path: { cycleId: cycle!.id } } })),
    refetchInterval: liveInterval(cycle),
  });
}

export function useSigningStatus(cycle: Cycle | undefined) {
  const roundId = cycle?.signingRound?.id;
  return useQuery({
    queryKey: keys.round(roundId ?? ''),
    enabled: !!roundId,
    queryFn: () =>
      orNotStarted(
        call(api.GET('/signing-rounds/{roundId}', { params: { path: { roundId: roundId! } } })),
      ),
    refetchInterval: liveInterval(cycle),
  });
}

export function useSignatures(roundId: string | undefined) {
  return useQuery({
    queryKey: keys.signatures(roundId ?? ''),
    enabled: !!roundId,
    queryFn: () =>
      call(
        api.GET('/signing-rounds/{roundId}/signatures', {
          params: { path: { roundId: roundId! }, query: { includeInvalidated: true } },
        }),
      ),
  });
}

export function useCompliance(cycle: Cycle | undefined) {
  return useQuery({
    queryKey: keys.compliance(cycle?.id ?? ''),
    enabled: !!cycle && cycle.status !== 'PLANNED',
    queryFn: () =>
      whenOpened(
        call(
          api.GET('/cycles/{cycleId}/registrations/compliance', {
            params: { path: { cycleId: cycle!.id } },
          }),
        ),
      ),
    refetchInterval: liveInterval(cycle),
  });
}

export function useRegistrations(cycle: Cycle | undefined) {
  return useQuery({
    queryKey: keys.registrations(cycle?.id ?? ''),
    enabled: !!cycle && cycle.status !== 'PLANNED',
    queryFn: () =>
      call(
        api.GET('/cycles/{cycleId}/registrations', { params: { path: { cycleId: cycle!.id } } }),
      ),
  });
}

export function useAssessment(cycle: Cycle | undefined, stage: 'interim' | 'final') {
  return useQuery({
    queryKey: keys.assessment(cycle?.id ?? '', stage),
    enabled: !!cycle && cycle.status !== 'PLANNED',
    queryFn: () =>
      whenOpened(
        call(
          api.GET('/cycles/{cycleId}/assessments/{stage}', {
            params: { path: { cycleId: cycle!.id, stage } },
          }),
        ),
      ),
    refetchInterval: liveInterval(cycle),
  });
}

export function useBallotBox(cycle: Cycle | undefined, kind: 'vote' | 'election') {
  return useQuery({
    queryKey: keys.ballots(cycle?.id ?? '', kind),
    enabled: !!cycle && cycle.status !== 'PLANNED',
    queryFn: () =>
      whenOpened(
        kind === 'vote'
          ? call(api.GET('/cycles/{cycleId}/vote', { params: { path: { cycleId: cycle!.id } } }))
          : call(
              api.GET('/cycles/{cycleId}/election', { params: { path: { cycleId: cycle!.id } } }),
            ),
      ),
    refetchInterval: liveInterval(cycle),
  });
}

/**
 * The members of the cycle's cluster, named: every status view lists them (the API has no
 * endpoint for a cluster's members), so take the first view that exists.
 */
export function useMembers(cycle: Cycle | undefined): {
  members: Member[];
  nameOf: (unitId: string) => string;
  isLoading: boolean;
} {
  const signing = useSigningStatus(cycle);
  const compliance = useCompliance(cycle);
  const outcome = useOutcome(cycle);
  const members: Member[] =
    signing.data?.units ?? compliance.data?.units ?? outcome.data?.ranking ?? [];
  const byId = new Map(members.map((m) => [m.unitId, m]));
  return {
    members: members.map(({ unitId, unitCode, unitName }) => ({ unitId, unitCode, unitName })),
    nameOf: (unitId) => byId.get(unitId)?.unitName ?? unitId,
    isLoading: signing.isLoading || compliance.isLoading || outcome.isLoading,
  };
}

export function useRuleSets() {
  return useQuery({
    queryKey: keys.ruleSets,
    queryFn: () => call(api.GET('/rule-sets')),
  });
}

export function useDefaultRuleSet() {
  return useQuery({
    queryKey: keys.defaultRuleSet,
    queryFn: () => call(api.GET('/rule-sets/default')),
    staleTime: Infinity,
  });
}

export function useHolidays() {
  return useQuery({
    queryKey: keys.holidays,
    queryFn: () => call(api.GET('/holidays')),
  });
}

export function useSchedules() {
  return useQuery({
    queryKey: keys.schedules,
    queryFn: () => call(api.GET('/schedules')),
  });
}

export function useNotifications(page: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: keys.notifications(page, unreadOnly),
    queryFn: () =>
      call(api.GET('/me/notifications', { params: { query: { page, pageSize: 20, unreadOnly } } })),
  });
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: keys.unread,
    enabled,
    queryFn: () => call(api.GET('/me/notifications/unread-count')),
    refetchInterval: 60_000,
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: () => call(api.GET('/me/notification-preferences')),
  });
}

export function useDeadLetters() {
  return useQuery({
    queryKey: keys.deadLetters,
    queryFn: () => call(api.GET('/admin/dead-letters')),
  });
}

export function verifyAudit(): Promise<AuditVerification> {
  return call(api.GET('/audit/verify'));
}
