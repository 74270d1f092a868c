import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '../audit/audit-log.repository';
import type { Role } from '../generated/prisma/enums';
import { PrismaService } from '../prisma.service';
import { likeLiteral } from './like-literal';
import { type Recipient, asRecipients } from './reminder.repository';

/** One committed audit entry, as the event notifications read it. */
export interface AuditRecord extends AuditEntry {
  id: bigint;
  occurredAt: Date;
}

/** A step of a nomination's approval chain, as stored with the nomination. */
export interface ChainStepView {
  key: string;
  title: { vi: string; en: string };
  actorRole: string | null;
  actorUnitId: string | null;
}

export interface NominationContext {
  id: string;
  formName: string;
  nomineeName: string;
  proposedById: string;
  proposerUnitId: string;
  /** The unit the achievement belongs to (the nominee's unit). */
  unitId: string;
  movementName: string | null;
  year: number;
  steps: ChainStepView[];
}

export interface DecisionContext {
  id: string;
  number: string;
  signedOn: Date;
  authorityName: string;
  nominations: NominationContext[];
}

/** A cycle as a reminder or a notice names it: the movement, the period and the cluster. */
export interface CycleContext {
  cycleId: string;
  movementName: string;
  periodLabel: string;
  clusterName: string;
  /** The cluster head of the cycle's year (the signing round's countersigner). */
  headUnitId: string | null;
}

export interface UserSummary {
  id: string;
  fullName: string;
  unitId: string | null;
  roles: string[];
}

const NOMINATION_SUBJECT = /^nomination-([0-9a-f-]{36})-(\d+)-r(\d+)(-revision)?$/;

/**
 * What the event notifications need: the audit entries after a consumer's cursor, the context
 * that names an event (the dossier, the decision, the cycle), who to tell, and the reminders a
 * done task closes. Reads only, apart from the cursor and the reminders' done state.
 */
@Injectable()
export class EventNotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The consumer's position. A consumer seen for the first time starts at the newest entry: what
   * happened before it existed is history, not news.
   */
  async cursor(name: string): Promise<bigint> {
    await this.prisma.$executeRaw`
      INSERT INTO "AuditCursor" ("name", "lastId", "updatedAt")
      SELECT ${name}, COALESCE(MAX("id"), 0), now() FROM "AuditLog"
      ON CONFLICT ("name") DO NOTHING`;
    const row = await this.prisma.auditCursor.findUniqueOrThrow({ where: { name } });
    return row.lastId;
  }

  /** Moves the cursor forward only: a slower replica finishing an older batch never moves it back. */
  async advanceCursor(name: string, lastId: bigint): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE "AuditCursor" SET "lastId" = GREATEST("lastId", ${lastId}), "updatedAt" = now()
      WHERE "name" = ${name}`;
  }

  /**
   * Entries after `afterId` (at most `limit` ids), those of `actions` only, and the last id read.
   * Entries are appended under one lock held until their commit, so ids become visible in order:
   * nothing committed later can take an id below one already read.
   */
  async entriesAfter(
    afterId: bigint,
    limit: number,
    actions: readonly string[],
  ): Promise<{ entries: AuditRecord[]; lastId: bigint }> {
    const ids = await this.prisma.auditLog.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true },
    });
    const lastId = ids[ids.length - 1]?.id;
    if (lastId === undefined) return { entries: [], lastId: afterId };
    const rows = await this.prisma.auditLog.findMany({
      where: { id: { gt: afterId, lte: lastId }, action: { in: [...actions] } },
      orderBy: { id: 'asc' },
      select: {
        id: true,
        eventKey: true,
        actorUserId: true,
        action: true,
        entityType: true,
        entityId: true,
        payload: true,
        occurredAt: true,
      },
    });
    return {
      entries: rows.map((r) => ({ ...r, payload: (r.payload ?? {}) as Record<string, unknown> })),
      lastId,
    };
  }

  async nomination(id: string): Promise<NominationContext | null> {
    const [n] = await this.nominations([id]);
    return n ?? null;
  }

  async decision(id: string): Promise<DecisionContext | null> {
    const d = await this.prisma.decision.findUnique({ where: { id } });
    if (!d) return null;
    const authority = await this.prisma.unit.findUnique({
      where: { id: d.authorityUnitId },
      select: { name: true },
    });
    return {
      id: d.id,
      number: d.number,
      signedOn: d.signedOn,
      authorityName: authority?.name ?? '',
      nominations: await this.nominations(d.nominationIds),
    };
  }

  async cycle(cycleId: string): Promise<CycleContext | null> {
    const c = await this.prisma.emulationCycle.findUnique({
      where: { id: cycleId },
      include: { cluster: { select: { name: true } } },
    });
    if (!c) return null;
    const members = await this.prisma.clusterMembership.findMany({
      where: { clusterId: c.clusterId, year: c.startsOn.getUTCFullYear() },
      orderBy: { position: 'asc' },
      select: { unitId: true, role: true },
    });
    return {
      cycleId: c.id,
      movementName: c.movementName,
      periodLabel: c.periodLabel,
      clusterName: c.cluster.name,
      headUnitId: (members.find((m) => m.role === 'HEAD') ?? members[0])?.unitId ?? null,
    };
  }

  /** The cycle of a signing round (its id is the round's workflow id). */
  async roundCycle(roundId: string): Promise<CycleContext | null> {
    const round = await this.prisma.signingRound.findUnique({
      where: { id: roundId },
      select: { cycleId: true },
    });
    return round ? this.cycle(round.cycleId) : null;
  }

  async unitName(unitId: string): Promise<string | null> {
    const u = await this.prisma.unit.findUnique({ where: { id: unitId }, select: { name: true } });
    return u?.name ?? null;
  }

  async user(id: string): Promise<UserSummary | null> {
    return this.prisma.user.findUnique({
      where: { id },
      select: { id: true, fullName: true, unitId: true, roles: true },
    });
  }

  /** Active users of these units holding any of `roles`. */
  async usersOfUnits(unitIds: string[], roles: string[]): Promise<UserSummary[]> {
    if (unitIds.length === 0 || roles.length === 0) return [];
    return this.prisma.user.findMany({
      where: {
        unitId: { in: unitIds },
        active: true,
        roles: { hasSome: roles as Role[] },
      },
      orderBy: { username: 'asc' },
      select: { id: true, fullName: true, unitId: true, roles: true },
    });
  }

  /** Active users among `ids`, with their channels (defaults as for reminders). */
  async recipients(ids: string[]): Promise<Recipient[]> {
    if (ids.length === 0) return [];
    const users = await this.prisma.user.findMany({
      where: { id: { in: ids }, active: true },
      select: { id: true, email: true, locale: true },
    });
    const prefs = await this.prisma.notificationPreference.findMany({
      where: { userId: { in: users.map((u) => u.id) } },
    });
    return asRecipients(users, prefs);
  }

  /** Ids of the cycle's deadlines of `kind` that concern `unitId`. */
  async cycleDeadlineIds(cycleId: string, kind: string, unitId: string): Promise<string[]> {
    const rows = await this.prisma.deadline.findMany({
      where: { cycleId, kind, recipientUnitIds: { has: unitId } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /**
   * Marks the in-app reminders of these deadlines done (and read: nothing is left to do) for the
   * users of `unitId`, or of the deadlines' own units when null. Returns the users whose inbox
   * changed.
   */
  async markRemindersDone(
    deadlineIds: string[],
    unitId: string | null,
    at: Date,
  ): Promise<string[]> {
    if (deadlineIds.length === 0) return [];
    let unitIds: string[];
    if (unitId) unitIds = [unitId];
    else {
      const deadlines = await this.prisma.deadline.findMany({
        where: { id: { in: deadlineIds } },
        select: { recipientUnitIds: true },
      });
      unitIds = [...new Set(deadlines.flatMap((d) => d.recipientUnitIds))];
    }
    if (unitIds.length === 0) return [];
    const users = await this.prisma.user.findMany({
      where: { unitId: { in: unitIds } },
      select: { id: true },
    });
    if (users.length === 0) return [];
    const patterns = deadlineIds.map((id) => `${likeLiteral(id)}/%`);
    const rows = await this.prisma.$queryRaw<{ userId: string }[]>`
      UPDATE "Notification"
      SET "doneAt" = ${at}, "readAt" = COALESCE("readAt", ${at})
      WHERE "userId" = ANY (${users.map((u) => u.id)}::uuid[])
        AND "kind" = 'reminder' AND "doneAt" IS NULL
        AND "dedupKey" LIKE ANY (${patterns}::text[])
      RETURNING "userId"::text AS "userId"`;
    return [...new Set(rows.map((r) => r.userId))];
  }

  /**
   * Whether a nomination step's deadline still waits on its unit (subject
   * `nomination-<id>-<step>-r<round>[-revision]`): the nomination is at that step and round, in
   * review or returned as the deadline says. Null for a subject of another shape.
   */
  async nominationStepPending(subjectId: string): Promise<boolean | null> {
    const m = NOMINATION_SUBJECT.exec(subjectId);
    if (!m) return null;
    const [, id, step, round, revision] = m;
    const n = await this.prisma.nomination.findUnique({
      where: { id },
      select: { currentStep: true, round: true, status: true },
    });
    if (!n) return false;
    if (n.currentStep !== Number(step) || n.round !== Number(round)) return false;
    return revision
      ? n.status === 'RETURNED'
      : ['IN_REVIEW', 'POSTED', 'VOTING'].includes(n.status);
  }

  private async nominations(ids: string[]): Promise<NominationContext[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.nomination.findMany({
      where: { id: { in: ids } },
      include: { awardForm: { select: { name: true } } },
      orderBy: { nomineeName: 'asc' },
    });
    return rows.map((n) => ({
      id: n.id,
      formName: n.awardForm.name,
      nomineeName: n.nomineeName,
      proposedById: n.proposedById,
      proposerUnitId: n.proposerUnitId,
      unitId: n.unitId,
      movementName: n.movementName,
      year: n.year,
      steps: chainSteps(n.chain),
    }));
  }
}

/** The chain column holds the nomination workflow's input: its steps are `init.steps`. */
function chainSteps(chain: unknown): ChainStepView[] {
  const init = ((chain ?? {}) as { init?: { steps?: unknown } }).init;
  const steps = init?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.map((s: unknown) => {
    const step = (s ?? {}) as Record<string, unknown>;
    const title = (step['title'] ?? {}) as Record<string, unknown>;
    const key = typeof step['key'] === 'string' ? step['key'] : '';
    return {
      key,
      title: {
        vi: typeof title['vi'] === 'string' ? title['vi'] : key,
        en: typeof title['en'] === 'string' ? title['en'] : key,
      },
      actorRole: typeof step['actorRole'] === 'string' ? step['actorRole'] : null,
      actorUnitId: typeof step['actorUnitId'] === 'string' ? step['actorUnitId'] : null,
    };
  });
}
