import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { emulationCycleWorkflowId, type EmulationCycleInput } from '@epw/contracts';
import {
  CycleClock,
  DEFAULT_RULE_SET,
  DomainErrorCode,
  DomainException,
  WorkingDayCalendar,
  planPhases,
  startOfVietnamDay,
  type RuleSetContent,
} from '@epw/domain';
import { pledgeContentHash } from '../audit/audit-hash';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { CycleRepository } from './cycle.repository';
import { holidayDates } from './holiday-dates';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

export const DEFAULT_RULE_SET_CODE = 'DVK-MAC-DINH';

/** Turns a cycle record into the plan its workflow runs: members and head of the year, the frozen
 * rule set, and the phase calendar on working days, mapped onto the cycle's clock. */
@Injectable()
export class CyclePlanner {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cycles: CycleRepository,
  ) {}

  /** The public holidays (YYYY-MM-DD, ascending), read at most once a minute (holiday-dates.ts). */
  async holidays(): Promise<string[]> {
    return [...(await holidayDates(() => this.readHolidays()))];
  }

  private async readHolidays(): Promise<string[]> {
    const rows = await this.prisma.holiday.findMany({ orderBy: { date: 'asc' } });
    return rows.map((h) => isoDate(h.date));
  }

  /** The latest version of a rule set (or the built-in default when none is stored). */
  async latestRuleSet(code: string): Promise<{ id: string | null; content: RuleSetContent }> {
    const row = await this.prisma.ruleSet.findFirst({
      where: { code },
      orderBy: { version: 'desc' },
    });
    if (row) return { id: row.id, content: row.content as unknown as RuleSetContent };
    if (code === DEFAULT_RULE_SET_CODE) return { id: null, content: DEFAULT_RULE_SET };
    throw new DomainException(DomainErrorCode.RuleSetNotFound, { code });
  }

  /**
   * Freezes the rules, writes the phase calendar and returns the cycle workflow's input. An
   * accelerated calendar is anchored at `now`, the moment the cycle starts.
   */
  async prepare(
    cycleId: string,
    startedBy: string | null,
    now: number,
  ): Promise<EmulationCycleInput> {
    const cycle = await this.cycles.findById(cycleId);
    if (!cycle) throw new DomainException(DomainErrorCode.CycleNotFound, { cycleId });
    const year = cycle.startsOn.getUTCFullYear();
    const members = await this.cycles.membersForYear(cycle.clusterId, year);
    if (members.length === 0) throw new DomainException(DomainErrorCode.NoMembers);
    const head = members.find((m) => m.role === 'HEAD') ?? members[0];
    if (!head) throw new DomainException(DomainErrorCode.NoMembers);

    const rules =
      (cycle.rules as unknown as RuleSetContent | null) ??
      (await this.latestRuleSet(DEFAULT_RULE_SET_CODE)).content;
    const startsOn = isoDate(cycle.startsOn);
    const epoch = cycle.calendarScale > 1 ? now : startOfVietnamDay(startsOn);
    const clock = new CycleClock(startsOn, epoch, cycle.calendarScale);
    const plan = planPhases(
      startsOn,
      isoDate(cycle.endsOn),
      rules.calendar.phases,
      new WorkingDayCalendar(await this.holidays()),
    );
    const phases = plan.map((p) => ({
      ...p,
      opensAt: iso(clock.toRealInstant(startOfVietnamDay(p.opensOn))),
      closesAt: iso(clock.deadlineOf(p.closesOn)),
    }));

    const pledgeVersion =
      cycle.pledge?.versions.find((v) => v.version === cycle.pledge?.currentVersion) ??
      cycle.pledge?.versions[0];
    const items = pledgeVersion?.items.map((i) => i.text) ?? [];
    const workflowId = emulationCycleWorkflowId(
      cycle.cluster.code,
      cycle.movementCode,
      cycle.periodLabel,
    );

    await this.prisma.$transaction([
      this.prisma.emulationCycle.update({
        where: { id: cycle.id },
        data: {
          rules: rules as unknown as Prisma.InputJsonValue,
          calendarEpoch: new Date(epoch),
          workflowId,
          status: 'ACTIVE',
        },
      }),
      this.prisma.cyclePhase.deleteMany({ where: { cycleId: cycle.id, status: 'PENDING' } }),
      this.prisma.cyclePhase.createMany({
        data: phases.map((p) => ({
          cycleId: cycle.id,
          phase: p.phase,
          opensOn: new Date(`${p.opensOn}T00:00:00Z`),
          closesOn: new Date(`${p.closesOn}T00:00:00Z`),
          opensAt: new Date(p.opensAt),
          closesAt: new Date(p.closesAt),
        })),
        skipDuplicates: true,
      }),
    ]);

    return {
      cycleId: cycle.id,
      clusterId: cycle.clusterId,
      clusterCode: cycle.cluster.code,
      clusterName: cycle.cluster.name,
      movementCode: cycle.movementCode,
      periodLabel: cycle.periodLabel,
      members: members.map((m) => ({
        unitId: m.unitId,
        unitCode: m.unit.code,
        unitName: m.unit.name,
      })),
      headUnitId: head.unitId,
      deputyUnitId:
        members.find((m) => m.role === 'DEPUTY' && m.unitId !== head.unitId)?.unitId ?? null,
      rules,
      phases,
      pledge: { items, contentHash: pledgeContentHash(items) },
      nextPeriodYear: cycle.endsOn.getUTCFullYear() + 1,
      startedBy,
      clock: { periodStart: startsOn, epochMs: epoch, scale: cycle.calendarScale },
    };
  }

  /** The scheduled yearly cycle of a cluster and movement: created once, with the previous
   * cycle's pledge text as its draft, then prepared. */
  async prepareScheduled(
    input: {
      clusterCode: string;
      movementCode: string;
      movementName: string;
      ruleSetCode: string;
      calendarScale: number;
      year: number;
    },
    now: number,
  ): Promise<EmulationCycleInput> {
    const cluster = await this.prisma.cluster.findUniqueOrThrow({
      where: { code: input.clusterCode },
    });
    const periodLabel = String(input.year);
    let cycle = await this.prisma.emulationCycle.findUnique({
      where: {
        clusterId_movementCode_periodLabel: {
          clusterId: cluster.id,
          movementCode: input.movementCode,
          periodLabel,
        },
      },
    });
    if (!cycle) {
      const previous = await this.prisma.emulationCycle.findFirst({
        where: { clusterId: cluster.id, movementCode: input.movementCode },
        orderBy: { startsOn: 'desc' },
        include: {
          pledge: {
            include: { versions: { include: { items: { orderBy: { position: 'asc' } } } } },
          },
        },
      });
      const lastVersion = previous?.pledge?.versions.sort((a, b) => b.version - a.version)[0];
      const items = lastVersion?.items.map((i) => i.text) ?? [
        `Thực hiện phong trào ${input.movementName} năm ${input.year}`,
      ];
      const { id: ruleSetId, content } = await this.latestRuleSet(input.ruleSetCode);
      const startsOn = `${input.year}-01-01`;
      // Audited; keyed by the business key, so a concurrent trigger of the same year creates it
      // once (the loser's write is skipped) and both read the one cycle back.
      await this.cycles.recordCreated(
        null,
        {
          id: randomUUID(),
          clusterId: cluster.id,
          movementCode: input.movementCode,
          movementName: input.movementName,
          periodKind: 'YEAR',
          periodLabel,
          startsOn: new Date(`${startsOn}T00:00:00Z`),
          endsOn: new Date(`${input.year}-12-31T00:00:00Z`),
          calendarScale: input.calendarScale,
          calendarEpoch: new Date(input.calendarScale > 1 ? now : startOfVietnamDay(startsOn)),
          ruleSetId,
          rules: content as unknown as Prisma.InputJsonValue,
          pledge: {
            title: `Nội dung ký kết giao ước thi đua ${input.movementName} năm ${input.year}`,
            documents: [],
            items,
            contentHash: pledgeContentHash(items),
          },
        },
        `cycle.created:scheduled:${input.clusterCode}:${input.movementCode}:${periodLabel}`,
      );
      cycle = await this.prisma.emulationCycle.findUniqueOrThrow({
        where: {
          clusterId_movementCode_periodLabel: {
            clusterId: cluster.id,
            movementCode: input.movementCode,
            periodLabel,
          },
        },
      });
    }
    return this.prepare(cycle.id, null, now);
  }
}
