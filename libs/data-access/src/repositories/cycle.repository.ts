import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface CycleFilter {
  clusterId?: string;
  year?: number;
  movementCode?: string;
  status?: 'PLANNED' | 'ACTIVE' | 'CLOSED';
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

@Injectable()
export class CycleRepository {
  constructor(private readonly prisma: PrismaService) {}

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
    };
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

  create(
    data: Prisma.EmulationCycleUncheckedCreateInput & {
      pledge?: { title: string; documents: string[]; items: string[]; contentHash: string };
    },
  ) {
    const { pledge, ...cycle } = data;
    return this.prisma.emulationCycle.create({
      data: {
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
      },
      include: cycleInclude,
    });
  }
}
