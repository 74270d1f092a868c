import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

/** Who an accepted action may have given or taken a task from: the users to tell. */
export interface TaskAudience {
  unitIds: string[];
  userIds: string[];
}

const none = (): TaskAudience => ({ unitIds: [], userIds: [] });

/**
 * The people whose to-do lists an accepted action may change, for the live events: the units of a
 * cycle's cluster that year, the parties and step actors of a nomination (its council members
 * included), a decision's authority and proposers. Cheap reads by primary key; a broadcast to a
 * cycle's members is fine (they only re-read their own list).
 */
@Injectable()
export class TasksAudienceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The active accounts of these units. */
  async usersOfUnits(unitIds: string[]): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.prisma.user.findMany({
      where: { unitId: { in: [...new Set(unitIds)] }, active: true },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /** The member units of the cycle's cluster in the cycle's year. */
  async ofCycle(cycleId: string): Promise<TaskAudience> {
    const cycle = await this.prisma.emulationCycle.findUnique({
      where: { id: cycleId },
      select: { clusterId: true, startsOn: true },
    });
    if (!cycle) return none();
    const members = await this.prisma.clusterMembership.findMany({
      where: { clusterId: cycle.clusterId, year: cycle.startsOn.getUTCFullYear() },
      select: { unitId: true },
    });
    return { unitIds: members.map((m) => m.unitId), userIds: [] };
  }

  /** The members of the cycle a signing round belongs to. */
  async ofSigningRound(roundId: string): Promise<TaskAudience> {
    const round = await this.prisma.signingRound.findUnique({
      where: { id: roundId },
      select: { cycleId: true },
    });
    return round ? this.ofCycle(round.cycleId) : none();
  }

  /** A nomination's proposer, nominee unit, deciding authority, every unit acting on a step of its
   * chain, and its council members. */
  async ofNomination(nominationId: string): Promise<TaskAudience> {
    const n = await this.prisma.nomination.findUnique({
      where: { id: nominationId },
      select: { proposerUnitId: true, unitId: true, authorityUnitId: true, chain: true },
    });
    if (!n) return none();
    const steps =
      (
        n.chain as {
          init?: { steps?: { actorUnitId?: unknown; councilMemberUserIds?: unknown }[] };
        }
      )?.init?.steps ?? [];
    const stepUnits = steps.flatMap((s) =>
      typeof s.actorUnitId === 'string' ? [s.actorUnitId] : [],
    );
    const council = steps.flatMap((s) =>
      Array.isArray(s.councilMemberUserIds)
        ? s.councilMemberUserIds.filter((u): u is string => typeof u === 'string')
        : [],
    );
    return {
      unitIds: [n.proposerUnitId, n.unitId, n.authorityUnitId, ...stepUnits],
      userIds: council,
    };
  }

  /** A decision's authority and the proposers of its nominations. */
  async ofDecision(decisionId: string): Promise<TaskAudience> {
    const d = await this.prisma.decision.findUnique({
      where: { id: decisionId },
      select: { authorityUnitId: true, nominationIds: true },
    });
    if (!d) return none();
    const proposers = await this.prisma.nomination.findMany({
      where: { id: { in: d.nominationIds } },
      select: { proposerUnitId: true },
    });
    return {
      unitIds: [d.authorityUnitId, ...proposers.map((p) => p.proposerUnitId)],
      userIds: [],
    };
  }
}
