import type { UseQueryResult } from '@tanstack/react-query';
import { useAssessment, useBallotBox, useCompliance, useSigningStatus } from '../api/queries';
import type { Cycle, Phase } from '../api/types';
import { reconcilePhases, type LivePhase } from './live-phases';

const known = <T>(q: UseQueryResult<T>): T | undefined => (q.isSuccess ? q.data : undefined);

/** The cycle's phases reconciled with the live steps (the same cached reads the pages use). */
export function useLivePhases(cycle: Cycle | undefined, phases: readonly Phase[]): LivePhase[] {
  const signing = useSigningStatus(cycle);
  const compliance = useCompliance(cycle);
  const interim = useAssessment(cycle, 'interim');
  const final = useAssessment(cycle, 'final');
  const vote = useBallotBox(cycle, 'vote');
  const election = useBallotBox(cycle, 'election');
  return reconcilePhases(phases, {
    // Without a round the cycle has nothing to ask: signing has not started.
    signing: cycle && !cycle.signingRound ? null : known(signing),
    compliance: known(compliance),
    interim: known(interim),
    final: known(final),
    vote: known(vote),
    election: known(election),
  });
}
