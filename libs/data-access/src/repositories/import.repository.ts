import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  awardAchievementKey,
  type ImportKind,
  type ImportPersonRef,
  type ImportUnitRef,
  type ResolvedAwardImport,
  type ResolvedMembershipGroup,
  type ResolvedPersonImport,
  type ResolvedUnitImport,
  pathOf,
} from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { RecognitionLevel } from '../generated/prisma/enums';
import { PrismaService, type PrismaTx } from '../prisma.service';

/** The award form an imported earlier award is entered under (its latest version). */
export interface ImportAwardForm {
  code: string;
  name: string;
  level: RecognitionLevel;
  authorityUnitId: string;
}

/**
 * The records an import's rows refer to, fetched in bulk: one query per kind of reference,
 * whatever the number of rows. Bound to the database for a dry run, to the transaction for an
 * apply (which checks again under the audit lock before writing).
 */
export interface ImportLookups {
  /** The latest version of each of these award forms, by code. */
  awardForms(codes: string[]): Promise<Map<string, ImportAwardForm>>;
  unitsByCode(codes: string[]): Promise<Map<string, ImportUnitRef>>;
  /** The people of these units, by unit id. */
  peopleOfUnits(unitIds: string[]): Promise<Map<string, ImportPersonRef[]>>;
  /** `awardAchievementKey`s of the awards (not revoked) counted for these units, in these forms
   * and years. */
  recordedAwardKeys(q: {
    unitIds: string[];
    formCodes: string[];
    years: number[];
  }): Promise<Set<string>>;
  clustersByCode(codes: string[]): Promise<Map<string, { id: string }>>;
  /** What froze each cluster's year (a cycle of that year has started), by `<clusterId>|<year>`. */
  frozenYears(clusterIds: string[], years: number[]): Promise<Map<string, string>>;
}

/** What an accepted import writes, per kind. */
export type ImportPlan =
  | { kind: 'awards'; awards: ResolvedAwardImport<ImportAwardForm>[] }
  | { kind: 'people'; people: ResolvedPersonImport[] }
  | { kind: 'units'; units: ResolvedUnitImport[] }
  | { kind: 'memberships'; groups: ResolvedMembershipGroup[] };

/** The file an import came from, for its audit entry. */
export interface ImportSource {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  rows: number;
}

type Db = Pick<PrismaTx, 'awardForm' | 'unit' | 'person' | 'award' | 'cluster' | 'emulationCycle'>;

class DatabaseImportLookups implements ImportLookups {
  constructor(private readonly db: Db) {}

  async awardForms(codes: string[]): Promise<Map<string, ImportAwardForm>> {
    const rows = await this.db.awardForm.findMany({
      where: { code: { in: unique(codes) } },
      orderBy: [{ code: 'asc' }, { version: 'desc' }],
      distinct: ['code'],
      select: { code: true, name: true, level: true, authorityUnitId: true },
    });
    return new Map(rows.map((f) => [f.code, f]));
  }

  async unitsByCode(codes: string[]): Promise<Map<string, ImportUnitRef>> {
    const rows = await this.db.unit.findMany({
      where: { code: { in: unique(codes) } },
      select: { id: true, code: true, name: true, path: true, level: true },
    });
    return new Map(rows.map((u) => [u.code, u]));
  }

  async peopleOfUnits(unitIds: string[]): Promise<Map<string, ImportPersonRef[]>> {
    const rows = await this.db.person.findMany({
      where: { unitId: { in: unique(unitIds) } },
      select: { id: true, unitId: true, fullName: true, birthYear: true },
    });
    const byUnit = new Map<string, ImportPersonRef[]>();
    for (const { unitId, ...p } of rows) byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), p]);
    return byUnit;
  }

  async recordedAwardKeys(q: {
    unitIds: string[];
    formCodes: string[];
    years: number[];
  }): Promise<Set<string>> {
    const rows = await this.db.award.findMany({
      where: {
        unitId: { in: unique(q.unitIds) },
        formCode: { in: unique(q.formCodes) },
        year: { in: unique(q.years) },
        revokedAt: null,
      },
      select: {
        recipientKey: true,
        formCode: true,
        movementCode: true,
        periodKind: true,
        year: true,
        periodQuarter: true,
        periodStart: true,
      },
    });
    return new Set(
      rows.map((a) =>
        awardAchievementKey({
          recipientKey: a.recipientKey,
          formCode: a.formCode,
          movementCode: a.movementCode,
          period: {
            kind: a.periodKind,
            year: a.year,
            quarter: a.periodQuarter,
            startYear: a.periodStart,
          },
        }),
      ),
    );
  }

  async clustersByCode(codes: string[]): Promise<Map<string, { id: string }>> {
    const rows = await this.db.cluster.findMany({
      where: { code: { in: unique(codes) } },
      select: { id: true, code: true },
    });
    return new Map(rows.map((c) => [c.code, { id: c.id }]));
  }

  async frozenYears(clusterIds: string[], years: number[]): Promise<Map<string, string>> {
    const ys = unique(years);
    if (clusterIds.length === 0 || ys.length === 0) return new Map();
    // The rule of ClusterRepository.frozenBy, for many clusters and years in one query.
    const cycles = await this.db.emulationCycle.findMany({
      where: {
        clusterId: { in: unique(clusterIds) },
        startsOn: {
          gte: new Date(Date.UTC(Math.min(...ys), 0, 1)),
          lt: new Date(Date.UTC(Math.max(...ys) + 1, 0, 1)),
        },
        OR: [
          { status: { not: 'PLANNED' } },
          { workflowId: { not: null } },
          { signingRound: { isNot: null } },
        ],
      },
      orderBy: { startsOn: 'asc' },
      select: { clusterId: true, startsOn: true, movementName: true, periodLabel: true },
    });
    const frozen = new Map<string, string>();
    for (const c of cycles) {
      const key = `${c.clusterId}|${c.startsOn.getUTCFullYear()}`;
      if (!frozen.has(key)) frozen.set(key, `${c.movementName} ${c.periodLabel}`);
    }
    return frozen;
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Bulk imports: the look-ups their checks need, and the all-or-nothing apply, in one transaction
 * with one `import.applied` audit entry (kind, counts, the file's SHA-256, the ids created).
 */
@Injectable()
export class ImportRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Look-ups outside any transaction (dry runs). */
  lookups(): ImportLookups {
    return new DatabaseImportLookups(this.prisma);
  }

  /**
   * Checks the rows again with look-ups bound to the transaction (under the audit lock, so no
   * audited write can slip between the check and the writes) and writes the plan `check` returns;
   * `check` throws to refuse, and nothing is written. Returns the import's id and the ids created.
   */
  async apply(
    source: ImportSource,
    actorUserId: string,
    check: (lookups: ImportLookups) => Promise<ImportPlan>,
  ): Promise<{ importId: string; createdIds: string[] }> {
    const importId = randomUUID();
    const payload: Record<string, unknown> = { ...source };
    let createdIds: string[] = [];
    await this.audit.recordOnce(
      {
        eventKey: `import.applied:${importId}`,
        actorUserId,
        action: 'import.applied',
        entityType: 'Import',
        entityId: importId,
        payload,
      },
      async (tx) => {
        const plan = await check(new DatabaseImportLookups(tx));
        const written = await write(tx, plan);
        createdIds = written.createdIds;
        Object.assign(payload, { created: createdIds.length, createdIds, ...written.details });
      },
    );
    return { importId, createdIds };
  }
}

async function write(
  tx: PrismaTx,
  plan: ImportPlan,
): Promise<{ createdIds: string[]; details?: Record<string, unknown> }> {
  switch (plan.kind) {
    case 'awards': {
      const data = plan.awards.map((a) => ({
        id: randomUUID(),
        source: 'HISTORY' as const,
        formCode: a.form.code,
        formName: a.form.name,
        level: a.form.level,
        authorityUnitId: a.form.authorityUnitId,
        year: a.period.year,
        movementCode: a.movementCode,
        movementName: a.movementName,
        periodKind: a.period.kind,
        periodStart: a.period.startYear,
        periodQuarter: a.period.quarter,
        recipientKind: a.recipientKind,
        recipientKey: a.recipientKey,
        recipientName: a.recipientName,
        recipientUnitId: a.recipientKind === 'UNIT' ? a.recipientId : null,
        recipientPersonId: a.recipientKind === 'PERSON' ? a.recipientId : null,
        unitId: a.unitId,
        achievement: a.achievement,
        decisionNumber: a.decisionNumber,
        decisionDate: a.decisionDate ? new Date(`${a.decisionDate}T00:00:00.000Z`) : null,
      }));
      await tx.award.createMany({ data });
      return { createdIds: data.map((d) => d.id) };
    }
    case 'people': {
      const data = plan.people.map((p) => ({
        id: randomUUID(),
        unitId: p.unitId,
        fullName: p.fullName,
        position: p.position,
        birthYear: p.birthYear,
      }));
      await tx.person.createMany({ data });
      return { createdIds: data.map((d) => d.id) };
    }
    case 'units': {
      // Parents come on earlier rows, so each row's parent path is known when it is reached.
      const byCode = new Map<string, { id: string; path: string }>();
      const data = plan.units.map((u) => {
        const id = randomUUID();
        const parent =
          u.parent?.kind === 'existing'
            ? { id: u.parent.id, path: pathOf(u.parent) }
            : u.parent?.kind === 'file'
              ? byCode.get(u.parent.code)
              : undefined;
        if (u.parent && !parent) throw new Error(`parent of ${u.code} not placed before it`);
        const path = `${parent?.path ?? '/'}${id}/`;
        byCode.set(u.code, { id, path });
        return {
          id,
          code: u.code,
          name: u.name,
          kind: u.kind,
          level: u.level,
          orgKind: u.orgKind,
          headcount: u.headcount,
          parentId: parent?.id ?? null,
          path,
        };
      });
      await tx.unit.createMany({ data });
      return { createdIds: data.map((d) => d.id), details: { codes: data.map((d) => d.code) } };
    }
    case 'memberships': {
      const before = await tx.clusterMembership.findMany({
        where: { OR: plan.groups.map((g) => ({ clusterId: g.clusterId, year: g.year })) },
        select: { clusterId: true, year: true, unitId: true, role: true, position: true },
        orderBy: { position: 'asc' },
      });
      await tx.clusterMembership.deleteMany({
        where: { OR: plan.groups.map((g) => ({ clusterId: g.clusterId, year: g.year })) },
      });
      const data = plan.groups.flatMap((g) =>
        g.members.map((m) => ({
          id: randomUUID(),
          clusterId: g.clusterId,
          year: g.year,
          unitId: m.unitId,
          role: m.role,
          position: m.position,
        })),
      );
      await tx.clusterMembership.createMany({ data });
      const lists = plan.groups.map((g) => ({
        clusterId: g.clusterId,
        clusterCode: g.clusterCode,
        year: g.year,
        before: before
          .filter((b) => b.clusterId === g.clusterId && b.year === g.year)
          .map(({ unitId, role, position }) => ({ unitId, role, position })),
        after: g.members.map(({ unitId, role, position }) => ({ unitId, role, position })),
      }));
      return { createdIds: data.map((d) => d.id), details: { lists } };
    }
  }
}
