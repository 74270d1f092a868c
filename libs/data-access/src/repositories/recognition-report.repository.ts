import { Injectable } from '@nestjs/common';
import type { RecognitionFact } from '@epw/domain';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface RecognitionFilter {
  /** First and last year, each optional. */
  from: number | null;
  to: number | null;
  level?: 'BASE' | 'BLOC' | 'DISTRICT' | 'PROVINCE' | 'CENTRAL';
  recipientKind?: 'UNIT' | 'PERSON' | 'INITIATIVE';
}

/** The awards in force that statistics count (thống kê khen thưởng), as domain facts. */
@Injectable()
export class RecognitionReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Each award in force with its field (the model's) and its movement (the nomination's or the
   * model's cycle). */
  async facts(filter: RecognitionFilter): Promise<RecognitionFact[]> {
    const { from, to } = filter;
    const where: Prisma.AwardWhereInput = {
      revokedAt: null,
      ...(from !== null || to !== null
        ? { year: { ...(from !== null ? { gte: from } : {}), ...(to !== null ? { lte: to } : {}) } }
        : {}),
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.recipientKind ? { recipientKind: filter.recipientKind } : {}),
    };
    const awards = await this.prisma.award.findMany({
      where,
      select: {
        year: true,
        level: true,
        formCode: true,
        formName: true,
        recipientKind: true,
        recipientInitiativeId: true,
        nominationId: true,
      },
    });
    const initiativeIds = [...new Set(awards.flatMap((a) => a.recipientInitiativeId ?? []))];
    const nominationIds = [...new Set(awards.flatMap((a) => a.nominationId ?? []))];
    const [initiatives, nominations] = await Promise.all([
      initiativeIds.length
        ? this.prisma.initiative.findMany({
            where: { id: { in: initiativeIds } },
            select: {
              id: true,
              field: true,
              ownerType: true,
              registration: { select: { cycle: { select: { movementName: true } } } },
            },
          })
        : [],
      nominationIds.length
        ? this.prisma.nomination.findMany({
            where: { id: { in: nominationIds } },
            select: { id: true, cycleId: true },
          })
        : [],
    ]);
    const cycleIds = [...new Set(nominations.flatMap((n) => n.cycleId ?? []))];
    const cycles = cycleIds.length
      ? await this.prisma.emulationCycle.findMany({
          where: { id: { in: cycleIds } },
          select: { id: true, movementName: true },
        })
      : [];
    const initiative = new Map(initiatives.map((i) => [i.id, i]));
    const movementOfCycle = new Map(cycles.map((c) => [c.id, c.movementName]));
    const cycleOfNomination = new Map(nominations.map((n) => [n.id, n.cycleId]));
    return awards.map((a) => {
      const i = a.recipientInitiativeId ? initiative.get(a.recipientInitiativeId) : undefined;
      const cycleId = a.nominationId ? cycleOfNomination.get(a.nominationId) : null;
      return {
        year: a.year,
        level: a.level,
        formCode: a.formCode,
        formName: a.formName,
        recipientKind: a.recipientKind,
        collective:
          a.recipientKind === 'UNIT' ||
          (a.recipientKind === 'INITIATIVE' && i?.ownerType !== 'INDIVIDUAL'),
        field: i?.field ?? null,
        movement:
          (cycleId ? movementOfCycle.get(cycleId) : undefined) ??
          i?.registration.cycle.movementName ??
          null,
      };
    });
  }

  /** The issuing unit's name printed on an exported report. */
  async unitName(id: string): Promise<string | null> {
    const unit = await this.prisma.unit.findUnique({ where: { id }, select: { name: true } });
    return unit?.name ?? null;
  }
}
