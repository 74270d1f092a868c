import { Injectable } from '@nestjs/common';
import { CycleRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** Roles that oversee clusters and may read any cluster's records. */
const OVERSIGHT_ROLES = ['ADMIN', 'REVIEWER', 'COUNCIL_MEMBER', 'AUTHORITY'];

@Injectable()
export class ClusterAccessService {
  constructor(private readonly cycles: CycleRepository) {}

  /** Members of the cluster (that year) and oversight roles may read a cluster's records. */
  async assertCanRead(user: AuthenticatedUser, clusterId: string, year: number): Promise<void> {
    if (OVERSIGHT_ROLES.some((r) => user.roles.includes(r))) return;
    const members = await this.cycles.membersForYear(clusterId, year);
    if (!members.some((m) => m.unitId === user.unitId)) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'đơn vị không thuộc cụm thi đua này',
      });
    }
  }
}
