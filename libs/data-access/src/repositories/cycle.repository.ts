import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface CycleFilter {
  clusterId?: string;
  year?: number;
  movementCode?: string;
  status?: 'PLANNED' | 'ACTIVE' | 'CLOSED';
  /** Only the cycles of these clusters in these years (the caller's member clusters). */
  clusterYears?: { clusterId: string; year: number }[];
}

const cycleInclude = {
  cluster: true,
  pledge: {
    include: {
      versions: {
        include: { items: { orderBy: { position: 'asc' } } },
        orderBy: { version: 'asc' },
      },
    },
  },
  signingRound: true,
} satisfies Prisma.EmulationCycleInclude;

export type CycleWithDetails = Prisma.EmulationCycleGetPayload<{ include: typeof cycleInclude }>;

const ENTITY = 'EmulationCycle';
const isoDate = (d: Date | string) => (d instanceof Date ? d.toISOString() : d).slice(0, 10);

@Injectable()
export class CycleRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  list(filter: CycleFilter, skip: number, take: number): Promise<[CycleWithDetails[], number]> {
    const where: Prisma.EmulationCycleWhereInput = {
      clusterId: filter.clusterId,
      movementCode: filter.movementCode,
      status: filter.status,
      ...(filter.year !== undefined
        ? {
            startsOn: { lte: new Date(Date.UTC(filter.year, 11, 31)) },
            endsOn: { gte: new Date(Date.UTC(filter.year, 0, 1)) },
          }
        : {}),
      ...(filter.clusterYears
        ? {
            OR: filter.clusterYears.map((m) => ({
              clusterId: m.clusterId,
              startsOn: {
                gte: new Date(Date.UTC(m.year, 0, 1)),
                lte: new Date(Date.UTC(m.year, 11, 31)),
              },
            })),
          }
        : {}),
    };
    if (filter.clusterYears?.length === 0) where.id = { in: [] };
    return this.prisma.$transaction([
      this.prisma.emulationCycle.findMany({
        where,
        include: cycleInclude,
        orderBy: [{ startsOn: 'desc' }, { movementCode: 'asc' }],
        skip,
        take,
      }),
      this.prisma.emulationCycle.count({ where }),
    ]);
  }

  findById(id: string): Promise<CycleWithDetails | null> {
    return this.prisma.emulationCycle.findUnique({ where: { id }, include: cycleInclude });
  }

  clusterExists(clusterId: string): Promise<boolean> {
    return this.prisma.cluster
      .findUnique({ where: { id: clusterId }, select: { id: true } })
      .then((c) => c !== null);
  }

  /** Members of the cluster in the given year, head first, then by position. */
  membersForYear(clusterId: string, year: number) {
    return this.prisma.clusterMembership.findMany({
      where: { clusterId, year },
      include: { unit: true },
      orderBy: [{ role: 'asc' }, { position: 'asc' }],
    });
  }

  create(data: NewCycle) {
    return this.prisma.emulationCycle.create({
      data: cycleCreateData(data),
      include: cycleInclude,
    });
  }

  /**
   * Creates the cycle (with its pledge draft), audited as `cycle.created`: by an administrator,
   * or by a yearly schedule (`actorUserId` null) under a business `eventKey`, so a second trigger
   * of the same year creates nothing (the caller then reads the cycle by its unique key).
   */
  async recordCreated(
    actorUserId: string | null,
    data: NewCycle & { id: string },
    eventKey = `cycle.created:${data.id}`,
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey,
        actorUserId,
        action: 'cycle.created',
        entityType: ENTITY,
        entityId: data.id,
        payload: {
          clusterId: data.clusterId,
          movementCode: data.movementCode,
          movementName: data.movementName,
          periodKind: data.periodKind,
          periodLabel: data.periodLabel,
          // Strings, never Date objects: the payload is hashed as the JSON it is stored as.
          startsOn: isoDate(data.startsOn),
          endsOn: isoDate(data.endsOn),
          calendarScale: data.calendarScale ?? 1,
          ruleSetId: data.ruleSetId ?? null,
          pledge: data.pledge
            ? {
                title: data.pledge.title,
                documents: data.pledge.documents,
                items: data.pledge.items,
                contentHash: data.pledge.contentHash,
              }
            : null,
        },
      },
      async (tx) => {
        await tx.emulationCycle.create({ data: cycleCreateData(data) });
      },
    );
  }

  /**
   * An administrator starts the cycle: the rule set it runs by is frozen into it, audited as
   * `cycle.started`. Refused when the cycle already has a workflow (checked again after the
   * audit lock, so two starts do not both freeze rules).
   */
  async recordStarted(
    actorUserId: string,
    cycleId: string,
    ruleSet: { id: string | null; code: string; content: unknown },
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `cycle.started:${cycleId}:${randomUUID()}`,
        actorUserId,
        action: 'cycle.started',
        entityType: ENTITY,
        entityId: cycleId,
        payload: { ruleSetCode: ruleSet.code, ruleSetId: ruleSet.id },
      },
      async (tx) => {
        const cycle = await tx.emulationCycle.findUnique({
          where: { id: cycleId },
          select: { workflowId: true },
        });
        if (!cycle) throw new DomainException(DomainErrorCode.CycleNotFound, { cycleId });
        if (cycle.workflowId) throw new DomainException(DomainErrorCode.CycleAlreadyStarted);
        await tx.emulationCycle.update({
          where: { id: cycleId },
          data: { ruleSetId: ruleSet.id, rules: ruleSet.content as Prisma.InputJsonValue },
        });
      },
    );
  }

  /** The cycle's phase calendar as stored when it started, in order. */
  phasesOf(cycleId: string) {
    return this.prisma.cyclePhase.findMany({ where: { cycleId }, orderBy: { opensAt: 'asc' } });
  }

  /** What the cycle produced so far (ranking, vote, election), or null. */
  outcomeOf(cycleId: string) {
    return this.prisma.cycleOutcome.findUnique({ where: { cycleId } });
  }
}

/** A new cycle, optionally with its pledge draft (version 0). */
export type NewCycle = Prisma.EmulationCycleUncheckedCreateInput & {
  pledge?: { title: string; documents: string[]; items: string[]; contentHash: string };
};

function cycleCreateData(data: NewCycle): Prisma.EmulationCycleUncheckedCreateInput {
  const { pledge, ...cycle } = data;
  return {
    ...cycle,
    ...(pledge
      ? {
          pledge: {
            create: {
              title: pledge.title,
              documents: pledge.documents,
              currentVersion: 0,
              versions: {
                create: {
                  version: 0,
                  contentHash: pledge.contentHash,
                  reason: 'draft',
                  items: { create: pledge.items.map((text, position) => ({ position, text })) },
                },
              },
            },
          },
        }
      : {}),
  };
}
