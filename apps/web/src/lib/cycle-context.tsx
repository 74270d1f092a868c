import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useCycles } from '../api/queries';
import type { Cycle } from '../api/types';
import { useMemberships } from './memberships';

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

/**
 * The clusters whose cycles the user works in: GET /cycles lists only the cycles the caller may
 * read, and GET /me/memberships says which clusters (and years) the user's unit belongs to, so no
 * cluster is probed (a probe of a cluster the user is not in was answered 403). Cycles of the
 * unit's own clusters come first; the others listed (an organisation above members reads them)
 * stay available. Null: no preference (administrators, accounts outside every cluster).
 */
function useOwnClusters(): { own: Set<string> | null; isLoading: boolean } {
  const memberships = useMemberships();
  const list = memberships.data?.clusters ?? [];
  return {
    own: list.length > 0 ? new Set(list.map((m) => `${m.clusterId}/${m.year}`)) : null,
    isLoading: memberships.isLoading,
  };
}

/** The cycle the user is working on, chosen in the navigation and remembered on this device. */
export function CycleProvider({ children }: { children: ReactNode }) {
  const query = useCycles();
  const access = useOwnClusters();
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
  const { own } = access;
  const accessLoading = access.isLoading;
  const value = useMemo<CycleContextValue>(() => {
    const listed = query.data?.items ?? [];
    const mine = (c: Cycle) => own?.has(`${c.cluster.id}/${c.startsOn.slice(0, 4)}`) ?? true;
    // Stable: the API's order (latest period first) within each group.
    const cycles = [...listed.filter(mine), ...listed.filter((c) => !mine(c))];
    return {
      cycles,
      cycle: accessLoading
        ? undefined
        : (cycles.find((c) => c.id === chosen) ??
          defaultCycle(cycles.filter(mine)) ??
          defaultCycle(cycles)),
      select,
      isLoading: query.isLoading || accessLoading,
      error: query.error,
    };
  }, [query.data, query.isLoading, query.error, chosen, select, own, accessLoading]);
  return <CycleContext.Provider value={value}>{children}</CycleContext.Provider>;
}

export function useCurrentCycle(): CycleContextValue {
  const value = useContext(CycleContext);
  if (!value) throw new Error('useCurrentCycle outside CycleProvider');
  return value;
}
