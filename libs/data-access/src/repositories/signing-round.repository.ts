import { Injectable } from '@nestjs/common';
import type {
  CountersignedEvent,
  DeadlineExtendedEvent,
  PledgeAmendedEvent,
  RoundOpenedEvent,
  RoundOverdueEvent,
  UnitDecisionEvent,
} from '@epw/contracts';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PrismaService, type PrismaTx } from '../prisma.service';

const ENTITY = 'SigningRound';

/** Read model of pledge-signing rounds; the write methods are the workflow's activities' only path
 * into PostgreSQL, each idempotent under the event's key. */
@Injectable()
export class SigningRoundRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  findById(id: string) {
    return this.prisma.signingRound.findUnique({
      where: { id },
      include: { cycle: { include: { cluster: true, pledge: true } } },
    });
  }

  listSignatures(roundId: string, includeInvalidated: boolean) {
    return this.prisma.pledgeSignature.findMany({
      where: { roundId, ...(includeInvalidated ? {} : { invalidatedAt: null }) },
      include: { unit: true },
      orderBy: [{ actedAt: 'asc' }],
    });
  }

  /** The people who acted on a round (signers, the head), with a position when their unit's staff
   * list has a person of the same name: the signed copy's completion certificate names them. */
  async actorsOf(
    userIds: string[],
  ): Promise<{ id: string; fullName: string; unitId: string | null; position: string | null }[]> {
    const users = await this.prisma.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, fullName: true, unitId: true },
    });
    const people = await this.prisma.person.findMany({
      where: {
        OR: users.flatMap((u) => (u.unitId ? [{ unitId: u.unitId, fullName: u.fullName }] : [])),
        position: { not: null },
      },
      select: { unitId: true, fullName: true, position: true },
    });
    return users.map((u) => ({
      ...u,
      position:
        people.find((p) => p.unitId === u.unitId && p.fullName === u.fullName)?.position ?? null,
    }));
  }

  recordRoundOpened(e: RoundOpenedEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'pledge-signing.opened', {
        cycleId: e.cycleId,
        deadlineAt: e.deadlineAt,
        version: e.version,
        contentHash: e.contentHash,
        items: e.items,
      }),
      async (tx, at) => {
        await this.createVersion(tx, e, null);
        await tx.signingRound.create({
          data: {
            id: e.roundId,
            cycleId: e.cycleId,
            status: 'OPEN',
            deadlineAt: new Date(e.deadlineAt),
            openedById: e.actorUserId,
            openedAt: at,
          },
        });
        await tx.emulationCycle.update({ where: { id: e.cycleId }, data: { status: 'ACTIVE' } });
      },
      { lockAfterWrite: true },
    );
  }

  recordUnitDecision(e: UnitDecisionEvent): Promise<Date> {
    const action = e.decision === 'SIGNED' ? 'pledge-signing.signed' : 'pledge-signing.declined';
    return this.audit.recordOnce(
      this.entry(e, action, {
        unitId: e.unitId,
        version: e.version,
        reason: e.reason,
        late: e.late,
      }),
      async (tx, at) => {
        await tx.pledgeSignature.create({
          data: {
            roundId: e.roundId,
            unitId: e.unitId,
            pledgeVersion: e.version,
            decision: e.decision,
            reason: e.reason ?? null,
            actorUserId: e.actorUserId ?? '',
            actedAt: at,
            late: e.late,
            eventKey: e.eventKey,
          },
        });
        // A new decision replaces the unit's earlier one for the same version (declined, then signed).
        await tx.pledgeSignature.updateMany({
          where: {
            roundId: e.roundId,
            unitId: e.unitId,
            invalidatedAt: null,
            NOT: { eventKey: e.eventKey },
          },
          data: { invalidatedAt: at, invalidatedByVersion: e.version },
        });
        await tx.signingRound.update({ where: { id: e.roundId }, data: { status: e.status } });
      },
      { lockAfterWrite: true },
    );
  }

  recordPledgeAmended(e: PledgeAmendedEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'pledge-signing.amended', {
        version: e.version,
        contentHash: e.contentHash,
        reason: e.reason,
        items: e.items,
        invalidatedUnitIds: e.invalidatedUnitIds,
      }),
      async (tx, at) => {
        await this.createVersion(tx, e, e.reason);
        await tx.pledgeSignature.updateMany({
          where: { roundId: e.roundId, invalidatedAt: null },
          data: { invalidatedAt: at, invalidatedByVersion: e.version },
        });
        await tx.signingRound.update({ where: { id: e.roundId }, data: { status: e.status } });
      },
      { lockAfterWrite: true },
    );
  }

  recordDeadlineExtended(e: DeadlineExtendedEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'pledge-signing.deadline-extended', {
        deadlineAt: e.deadlineAt,
        reason: e.reason,
      }),
      async (tx) => {
        await tx.signingRound.update({
          where: { id: e.roundId },
          data: { deadlineAt: new Date(e.deadlineAt) },
        });
      },
      { lockAfterWrite: true },
    );
  }

  recordRoundOverdue(e: RoundOverdueEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'pledge-signing.overdue', { missingUnitIds: e.missingUnitIds }),
      async (tx, at) => {
        await tx.signingRound.update({
          where: { id: e.roundId },
          data: { status: e.status, overdueAt: at, missingUnitIds: e.missingUnitIds },
        });
      },
      { lockAfterWrite: true },
    );
  }

  recordCountersigned(e: CountersignedEvent): Promise<Date> {
    return this.audit.recordOnce(
      this.entry(e, 'pledge-signing.countersigned', { version: e.version }),
      async (tx, at) => {
        await tx.signingRound.update({
          where: { id: e.roundId },
          data: {
            status: 'EFFECTIVE',
            countersignedById: e.actorUserId,
            countersignedAt: at,
            effectiveVersion: e.version,
          },
        });
        await tx.pledge.update({ where: { cycleId: e.cycleId }, data: { effectiveAt: at } });
      },
      { lockAfterWrite: true },
    );
  }

  /** The pledge's next version (its items in order) becomes its current one. */
  private async createVersion(
    tx: PrismaTx,
    e: {
      cycleId: string;
      version: number;
      items: string[];
      contentHash: string;
      actorUserId: string | null;
    },
    reason: string | null,
  ): Promise<void> {
    const pledge = await tx.pledge.findUniqueOrThrow({ where: { cycleId: e.cycleId } });
    await tx.pledgeVersion.create({
      data: {
        pledgeId: pledge.id,
        version: e.version,
        contentHash: e.contentHash,
        reason,
        createdById: e.actorUserId,
        items: { create: e.items.map((text, position) => ({ position, text })) },
      },
    });
    await tx.pledge.update({ where: { id: pledge.id }, data: { currentVersion: e.version } });
  }

  private entry(
    e: { eventKey: string; roundId: string; actorUserId: string | null },
    action: string,
    payload: Record<string, unknown>,
  ) {
    return {
      eventKey: e.eventKey,
      actorUserId: e.actorUserId,
      action,
      entityType: ENTITY,
      entityId: e.roundId,
      payload,
    };
  }
}
