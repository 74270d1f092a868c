import { Injectable } from '@nestjs/common';
import { pathOf } from '@epw/domain';
import type { Prisma } from '../generated/prisma/client';
import type {
  AwardSource,
  InitiativeKind,
  NominationStatus,
  OwnerType,
  PeriodKind,
  RecognitionLevel,
  RegistrationStatus,
} from '../generated/prisma/enums';
import { PrismaService } from '../prisma.service';
import { likeLiteral } from './like-literal';

/** Nominations still on their way to a decision. */
const IN_PROGRESS: NominationStatus[] = [
  'IN_REVIEW',
  'RETURNED',
  'POSTED',
  'VOTING',
  'AWAITING_DECISION',
];

export interface ModelFilter {
  unitId?: string;
  cycleId?: string;
  kind?: InitiativeKind;
  /** Words of the title, the owner or the field (case-insensitive). */
  search?: string;
  /** Only models of units in this subtree; absent: every unit's. */
  within?: { id: string; path: string };
  limit: number;
}

/** A registered model, solution or work with the unit and cycle that registered it. */
export interface ModelRecord {
  id: string;
  kind: InitiativeKind;
  field: string;
  isNew: boolean;
  ownerType: OwnerType;
  ownerName: string;
  title: string;
  description: string;
  attachments: unknown;
  unit: { id: string; code: string; name: string; path: string };
  cycle: { id: string; movementCode: string; movementName: string; periodLabel: string };
  registration: {
    id: string;
    status: RegistrationStatus;
    submittedAt: Date;
    revision: number;
  };
  /** Levels at which awards in force recognize it, with how many. */
  recognized: { level: RecognitionLevel; count: number }[];
}

export interface ModelAwardRecord {
  id: string;
  source: AwardSource;
  formCode: string;
  formName: string;
  level: RecognitionLevel;
  authority: { id: string; name: string } | null;
  year: number;
  periodKind: PeriodKind;
  periodStart: number | null;
  periodQuarter: number | null;
  movementCode: string | null;
  movementName: string | null;
  decisionNumber: string | null;
  decisionDate: Date | null;
  serial: string | null;
  revokedAt: Date | null;
}

export interface ModelNominationRecord {
  id: string;
  formCode: string;
  formName: string;
  level: RecognitionLevel;
  status: NominationStatus;
  currentStepKey: string | null;
  authority: { id: string; name: string } | null;
  year: number;
  periodKind: PeriodKind;
  periodStart: number | null;
  periodQuarter: number | null;
  submittedAt: Date;
}

/** A model with its recognitions (awards, revoked ones too) and its nominations in progress. */
export interface ModelHistoryRecord extends ModelRecord {
  awards: ModelAwardRecord[];
  nominations: ModelNominationRecord[];
}

const modelInclude = {
  registration: {
    select: {
      id: true,
      status: true,
      submittedAt: true,
      revision: true,
      unit: { select: { id: true, code: true, name: true, path: true } },
      cycle: {
        select: { id: true, movementCode: true, movementName: true, periodLabel: true },
      },
    },
  },
} as const satisfies Prisma.InitiativeInclude;

type ModelRow = Prisma.InitiativeGetPayload<{ include: typeof modelInclude }>;

/**
 * Models, solutions and works (mô hình, giải pháp, công trình) as first-class records: the
 * initiatives units register in a cycle, with the awards that recognize them level by level.
 */
@Injectable()
export class ModelRepository {
  constructor(private readonly prisma: PrismaService) {}

  async list(filter: ModelFilter): Promise<ModelRecord[]> {
    const search = filter.search?.trim();
    const rows = await this.prisma.initiative.findMany({
      where: {
        ...(filter.kind ? { kind: filter.kind } : {}),
        registration: {
          ...(filter.unitId ? { unitId: filter.unitId } : {}),
          ...(filter.cycleId ? { cycleId: filter.cycleId } : {}),
          ...(filter.within
            ? {
                unit: {
                  OR: [{ id: filter.within.id }, { path: { startsWith: pathOf(filter.within) } }],
                },
              }
            : {}),
        },
        ...(search
          ? {
              OR: (['title', 'ownerName', 'field'] as const).map((f) => ({
                [f]: { contains: likeLiteral(search), mode: 'insensitive' as const },
              })),
            }
          : {}),
      },
      include: modelInclude,
      orderBy: [{ registration: { submittedAt: 'desc' } }, { position: 'asc' }],
      take: filter.limit,
    });
    const recognized = await this.recognizedLevels(rows.map((r) => r.id));
    return rows.map((r) => toModel(r, recognized.get(r.id) ?? []));
  }

  /** The model with its recognition history, or null. */
  async findHistory(id: string): Promise<ModelHistoryRecord | null> {
    const row = await this.prisma.initiative.findUnique({ where: { id }, include: modelInclude });
    if (!row) return null;
    const [awards, nominations, recognized] = await Promise.all([
      this.prisma.award.findMany({
        where: { recipientInitiativeId: id },
        orderBy: [{ year: 'asc' }, { createdAt: 'asc' }],
      }),
      this.prisma.nomination.findMany({
        where: { nomineeInitiativeId: id, status: { in: IN_PROGRESS } },
        include: { awardForm: { select: { name: true } } },
        orderBy: { submittedAt: 'asc' },
      }),
      this.recognizedLevels([id]),
    ]);
    const authorityIds = [
      ...new Set([
        ...awards.flatMap((a) => a.authorityUnitId ?? []),
        ...nominations.map((n) => n.authorityUnitId),
      ]),
    ];
    const units = authorityIds.length
      ? await this.prisma.unit.findMany({
          where: { id: { in: authorityIds } },
          select: { id: true, name: true },
        })
      : [];
    const unit = new Map(units.map((u) => [u.id, u]));
    return {
      ...toModel(row, recognized.get(id) ?? []),
      awards: awards.map((a) => ({
        id: a.id,
        source: a.source,
        formCode: a.formCode,
        formName: a.formName,
        level: a.level,
        authority: a.authorityUnitId ? (unit.get(a.authorityUnitId) ?? null) : null,
        year: a.year,
        periodKind: a.periodKind,
        periodStart: a.periodStart,
        periodQuarter: a.periodQuarter,
        movementCode: a.movementCode,
        movementName: a.movementName,
        decisionNumber: a.decisionNumber,
        decisionDate: a.decisionDate,
        serial: a.serial,
        revokedAt: a.revokedAt,
      })),
      nominations: nominations.map((n) => ({
        id: n.id,
        formCode: n.formCode,
        formName: n.awardForm.name,
        level: n.level,
        status: n.status,
        currentStepKey: n.currentStepKey,
        authority: unit.get(n.authorityUnitId) ?? null,
        year: n.year,
        periodKind: n.periodKind,
        periodStart: n.periodStart,
        periodQuarter: n.periodQuarter,
        submittedAt: n.submittedAt,
      })),
    };
  }

  /** The path of a unit (the caller's), or null without one. */
  async unitNode(id: string | null): Promise<{ id: string; path: string } | null> {
    if (!id) return null;
    const row = await this.prisma.unit.findUnique({
      where: { id },
      select: { id: true, path: true },
    });
    return row ? { id: row.id, path: pathOf(row) } : null;
  }

  private async recognizedLevels(
    ids: string[],
  ): Promise<Map<string, { level: RecognitionLevel; count: number }[]>> {
    const result = new Map<string, { level: RecognitionLevel; count: number }[]>();
    if (ids.length === 0) return result;
    const groups = await this.prisma.award.groupBy({
      by: ['recipientInitiativeId', 'level'],
      where: { recipientInitiativeId: { in: ids }, revokedAt: null },
      _count: { _all: true },
    });
    for (const g of groups) {
      if (!g.recipientInitiativeId) continue;
      const list = result.get(g.recipientInitiativeId) ?? [];
      list.push({ level: g.level, count: g._count._all });
      result.set(g.recipientInitiativeId, list);
    }
    return result;
  }
}

function toModel(r: ModelRow, recognized: ModelRecord['recognized']): ModelRecord {
  const { unit, cycle, ...registration } = r.registration;
  return {
    id: r.id,
    kind: r.kind,
    field: r.field,
    isNew: r.isNew,
    ownerType: r.ownerType,
    ownerName: r.ownerName,
    title: r.title,
    description: r.description,
    attachments: r.attachments,
    unit: { ...unit, path: pathOf(unit) },
    cycle,
    registration,
    recognized,
  };
}
