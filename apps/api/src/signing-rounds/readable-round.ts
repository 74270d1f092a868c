import type { SigningRoundRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ClusterAccessService } from '../common/cluster-access.service';

/** A signing round the user may read: whoever reads the round's cluster that year
 * (ClusterAccessService) may read it; 404 when there is none with this id. */
export async function readableRound(
  rounds: SigningRoundRepository,
  access: ClusterAccessService,
  user: AuthenticatedUser,
  roundId: string,
) {
  const round = await rounds.findById(roundId);
  if (!round) throw new DomainException(DomainErrorCode.RoundNotFound, { roundId });
  await access.assertCanRead(user, round.cycle.clusterId, round.cycle.startsOn.getUTCFullYear());
  return round;
}
