import type { UseQueryResult } from '@tanstack/react-query';
import { useAssessment, useBallotBox, useCompliance, useSigningStatus } from '../api/queries';
import type { Cycle, Phase } from '../api/types';
import { reconcilePhases, type LivePhase } from './live-phases';

const known = <T>(q: UseQueryResult<T>): T | undefined => (q.isSuccess ? q.data : undefined);

/** The live status of each step of the cycle: signing, registration, the two reviews, the vote
 * and the election (the same cached reads the pages use). */
export function useCycleSteps(cycle: Cycle | undefined) {
  return {
    signing: useSigningStatus(cycle),
    compliance: useCompliance(cycle),
    interim: useAssessment(cycle, 'interim'),
    final: useAssessment(cycle, 'final'),
    vote: useBallotBox(cycle, 'vote'),
    election: useBallotBox(cycle, 'election'),
  };
}

/** The cycle's phases reconciled with the live steps. */
export function useLivePhases(cycle: Cycle | undefined, phases: readonly Phase[]): LivePhase[] {
  const { signing, compliance, interim, final, vote, election } = useCycleSteps(cycle);
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
