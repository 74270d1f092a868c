import { useQueries } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, call } from '../api/client';
import { ApiError } from '../api/problem';
import { useCycles } from '../api/queries';
import type { Cycle } from '../api/types';
import { capabilitiesOf, useMe } from '../auth/auth';

interface CycleContextValue {
  cycles: Cycle[];
  cycle: Cycle | undefined;
  select: (cycleId: string) => void;
  isLoading: boolean;
  error: Error | null;
}

const CycleContext = createContext<CycleContextValue | null>(null);
const STORAGE_KEY = 'epw.cycle';

const STATUS_ORDER: Record<string, number> = { ACTIVE: 0, PLANNED: 1, CLOSED: 2 };

/** Running cycles first, then planned, then closed; the API lists the latest period first. */
export function defaultCycle(cycles: readonly Cycle[]): Cycle | undefined {
  return [...cycles].sort(
    (a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3),
  )[0];
}

/** Whether the user may read a cycle's records (members of its cluster that year may). */
async function canRead(cycleId: string): Promise<boolean> {
  try {
    await call(api.GET('/cycles/{cycleId}/outcome', { params: { path: { cycleId } } }));
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return false;
    throw err;
  }
}

/**
 * The clusters a unit user belongs to. The API lists every cluster's cycles and has no endpoint
 * for the caller's memberships, so this asks once per cluster (with its latest cycle) whether its
 * records are readable; administrators and oversight roles read every cluster.
 */
function useReadableClusters(cycles: Cycle[]): {
  readable: Set<string> | null;
  isLoading: boolean;
} {
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  const everyCluster = !caps.isUnitUser || caps.isAdmin || caps.isOversight;
  // The newest cycle of each cluster: the list is newest first and a Map keeps the last value set.
  const representatives = everyCluster
    ? []
    : [...new Map([...cycles].reverse().map((c) => [c.cluster.id, c])).values()];
  const probes = useQueries({
    queries: representatives.map((c) => ({
      queryKey: ['cluster-access', c.cluster.id, me.data?.unitId],
      queryFn: () => canRead(c.id),
      staleTime: Infinity,
      retry: false,
    })),
  });
  if (everyCluster) return { readable: null, isLoading: false };
  const readable = new Set<string>();
  representatives.forEach((c, i) => {
    // Unknown (still loading, or failed for another reason): keep it, the page will say why.
    if (probes[i]?.data !== false) readable.add(c.cluster.id);
  });
  return {
    readable: cycles.length > 0 ? readable : null,
    isLoading: probes.some((p) => p.isLoading),
  };
}

/** The cycle the user is working on, chosen in the navigation and remembered on this device. */
export function CycleProvider({ children }: { children: ReactNode }) {
  const query = useCycles();
  const access = useReadableClusters(query.data?.items ?? []);
  const [chosen, setChosen] = useState<string | null>(() => {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  });
  const select = useCallback((cycleId: string) => {
    setChosen(cycleId);
    try {
      localStorage.setItem(STORAGE_KEY, cycleId);
    } catch {
      // remembered for this page only
    }
  }, []);
  const { readable } = access;
  const accessLoading = access.isLoading;
  const value = useMemo<CycleContextValue>(() => {
    const cycles = (query.data?.items ?? []).filter(
      (c) => readable === null || readable.has(c.cluster.id),
    );
    return {
      cycles,
      cycle: accessLoading
        ? undefined
        : (cycles.find((c) => c.id === chosen) ?? defaultCycle(cycles)),
      select,
      isLoading: query.isLoading || accessLoading,
      error: query.error,
    };
  }, [query.data, query.isLoading, query.error, chosen, select, readable, accessLoading]);
  return <CycleContext.Provider value={value}>{children}</CycleContext.Provider>;
}

export function useCurrentCycle(): CycleContextValue {
  const value = useContext(CycleContext);
  if (!value) throw new Error('useCurrentCycle outside CycleProvider');
  return value;
}
