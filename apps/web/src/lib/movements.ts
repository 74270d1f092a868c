import { useQuery } from '@tanstack/react-query';
import { cyclesQuery } from '../api/queries';

export interface Movement {
  code: string;
  name: string;
}

/** The movements (phong trào) the caller's cycles run, by code: the choices of a movement field.
 * A movement without a cycle can still be typed by its code. */
export function useMovements(): Movement[] {
  const cycles = useQuery(cyclesQuery);
  const byCode = new Map<string, string>();
  for (const c of cycles.data?.items ?? []) byCode.set(c.movementCode, c.movementName);
  return [...byCode.entries()]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
