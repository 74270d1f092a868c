import { useClusters } from '../api/directory';
import type { Cycle } from '../api/types';

/**
 * The clusters an administrator may pick for a new cycle or schedule: those of the known cycles
 * first (latest first), then every other cluster of the directory, so the first cycle of a
 * cluster is picked by name too.
 */
export function useClusterChoices(cycles: Cycle[]): Cycle['cluster'][] {
  const directory = useClusters();
  return [
    ...new Map([
      ...cycles.map((c) => [c.cluster.id, c.cluster] as const),
      ...(directory.data ?? []).map(
        (c) => [c.id, { id: c.id, code: c.code, name: c.name }] as const,
      ),
    ]).values(),
  ];
}
