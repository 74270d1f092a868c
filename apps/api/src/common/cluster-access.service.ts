import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ReadAccessService } from './read-access.service';

/** Who reads a cluster's records (its cycles, rounds, registrations, assessments, ballots): the
 * rule lives in ReadAccessService with every other read rule. */
@Injectable()
export class ClusterAccessService {
  constructor(private readonly access: ReadAccessService) {}

  /** Members of the cluster (that year), the organisations above a member, and the global
   * administrator may read a cluster's records. */
  assertCanRead(user: AuthenticatedUser, clusterId: string, year: number): Promise<void> {
    return this.access.assertCanReadCluster(user, clusterId, year);
  }
}
