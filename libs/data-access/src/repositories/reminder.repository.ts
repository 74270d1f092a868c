import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DeadlineKind, DeadlineSpec } from '@epw/contracts';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Channel, Role } from '../generated/prisma/enums';
import { databaseErrorKind } from '../database-errors';
import { PrismaService } from '../prisma.service';

/** Who must act on each kind of deadline. */
const ROLE_FOR: Record<DeadlineKind, Role> = {
  NOMINATION_STEP: 'UNIT_SIGNER',
  PLEDGE_SIGNING: 'UNIT_SIGNER',
  REGISTRATION: 'UNIT_OFFICER',
  FINAL_REVIEW: 'UNIT_OFFICER',
  VOTE: 'UNIT_SIGNER',
  ELECTION: 'UNIT_SIGNER',
};

export interface Recipient {
  userId: string;
  email: string | null;
  locale: string;
  channels: Channel[];
  webhookUrl: string | null;
  quietFrom: string | null;
  quietTo: string | null;
}

/** Each user as a recipient by their notification preference; without one: in the app, and by
 * e-mail when they have an address. */
export function asRecipients(
  users: readonly { id: string; email: string | null; locale: string }[],
  prefs: readonly Pick<Recipient, 'userId' | 'channels' | 'webhookUrl' | 'quietFrom' | 'quietTo'>[],
): Recipient[] {
  return users.map((u) => {
    const p = prefs.find((x) => x.userId === u.id);
    return {
      userId: u.id,
      email: u.email,
      locale: u.locale,
      channels: p?.channels ?? (u.email ? ['IN_APP', 'EMAIL'] : ['IN_APP']),
      webhookUrl: p?.webhookUrl ?? null,
      quietFrom: p?.quietFrom ?? null,
      quietTo: p?.quietTo ?? null,
    };
  });
}

/** Deadlines (the source reminders are rebuilt from), who has acted, recipients, inbox and sent-log. */
@Injectable()
export class ReminderRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  async upsertDeadline(spec: DeadlineSpec, dueOn: string, reminderAts: Date[]) {
    const previous = await this.prisma.deadline.findUnique({ where: { id: spec.deadlineId } });
    const data = {
      kind: spec.kind,
      subjectId: spec.subjectId,
      cycleId: spec.cycleId,
      title: spec.title,
      dueOn: new Date(`${dueOn}T00:00:00Z`),
      dueAt: new Date(spec.dueAt),
      offsets: spec.offsetsWorkingDays,
      reminderAts,
      recipientUnitIds: spec.recipientUnitIds,
      escalateToUnitId: spec.escalateToUnitId,
      recipientRole: (spec.recipientRole ?? null) as Role | null,
      escalateRole: (spec.escalateRole ?? null) as Role | null,
    };
    // A deadline is created ACTIVE and an update keeps its status: a late or repeated schedule
    // (an activity attempt that outlived its timeout) never reopens a deadline already closed.
    const row = await this.prisma.deadline.upsert({
      where: { id: spec.deadlineId },
      create: { id: spec.deadlineId, ...data, status: 'ACTIVE' },
      update: data,
    });
    return { previous, row };
  }

  findDeadline(id: string) {
    return this.prisma.deadline.findUnique({ where: { id } });
  }

  activeDeadlines() {
    return this.prisma.deadline.findMany({ where: { status: 'ACTIVE' } });
  }

  /** Marks the deadline done and returns it as it now is, or null when there is none: one
   * statement (UPDATE … RETURNING). */
  async markDone(id: string) {
    try {
      return await this.prisma.deadline.update({ where: { id }, data: { status: 'DONE' } });
    } catch (err) {
      if (databaseErrorKind(err)?.kind === 'record-not-found') return null;
      throw err;
    }
  }

  async markEscalated(id: string): Promise<void> {
    await this.prisma.deadline.updateMany({
      where: { id, escalatedAt: null },
      data: { escalatedAt: new Date() },
    });
  }

  /** Re-checked at send time: a unit that acted gets no reminder. */
  async hasActed(
    kind: string,
    subjectId: string,
    cycleId: string | null,
    unitId: string,
  ): Promise<boolean> {
    switch (kind as DeadlineKind) {
      case 'PLEDGE_SIGNING':
        return (
          (await this.prisma.pledgeSignature.count({
            where: { roundId: subjectId, unitId, decision: 'SIGNED', invalidatedAt: null },
          })) > 0
        );
      case 'REGISTRATION':
        return (
          cycleId !== null &&
          (await this.prisma.registration.count({ where: { cycleId, unitId } })) > 0
        );
      case 'FINAL_REVIEW':
        return (
          cycleId !== null &&
          (await this.prisma.assessment.count({
            where: { cycleId, stage: 'FINAL', assessorUnitId: unitId, subjectUnitId: unitId },
          })) > 0
        );
      case 'VOTE':
      case 'ELECTION':
        return (
          cycleId !== null &&
          (await this.prisma.ballot.count({
            where: { cycleId, kind: kind as 'VOTE' | 'ELECTION', voterUnitId: unitId },
          })) > 0
        );
      default:
        return false;
    }
  }

  async unitsByIds(ids: string[]) {
    return this.prisma.unit.findMany({ where: { id: { in: ids } } });
  }

  /** The unit's users who act on this kind of deadline, with their channel preferences and the
   * unit's name: one query (a reminder run reads this for every unit it reminds). */
  async recipients(
    unitId: string,
    kind: string,
    role?: Role | null,
  ): Promise<{ unitName: string | null; recipients: Recipient[] }> {
    role ??= ROLE_FOR[kind as DeadlineKind] ?? 'UNIT_SIGNER';
    const rows = await this.prisma.$queryRaw<
      {
        unitName: string;
        userId: string | null;
        email: string | null;
        locale: string | null;
        channels: string[] | null;
        webhookUrl: string | null;
        quietFrom: string | null;
        quietTo: string | null;
      }[]
    >`
      SELECT un."name" AS "unitName", u."id"::text AS "userId", u."email", u."locale",
             p."channels"::text[] AS "channels", p."webhookUrl", p."quietFrom", p."quietTo"
      FROM "Unit" un
      LEFT JOIN "User" u
        ON u."unitId" = un."id" AND u."active" AND ${role}::"Role" = ANY (u."roles")
      LEFT JOIN "NotificationPreference" p ON p."userId" = u."id"
      WHERE un."id" = ${unitId}::uuid
      ORDER BY u."username"`;
    return {
      unitName: rows[0]?.unitName ?? null,
      recipients: rows.flatMap((r) =>
        r.userId === null
          ? []
          : [
              {
                userId: r.userId,
                email: r.email,
                locale: r.locale ?? 'vi',
                channels: (r.channels ?? (r.email ? ['IN_APP', 'EMAIL'] : ['IN_APP'])) as Channel[],
                webhookUrl: r.webhookUrl,
                quietFrom: r.quietFrom,
                quietTo: r.quietTo,
              },
            ],
      ),
    };
  }

  /** The signers of a unit (escalations go to the head unit's leadership). */
  async signers(unitId: string, role: Role = 'UNIT_SIGNER'): Promise<Recipient[]> {
    const users = await this.prisma.user.findMany({
      where: { unitId, active: true, roles: { has: role } },
    });
    return this.withPreferences(users);
  }

  /**
   * Inbox delivery: exactly once per dedup key, whatever the number of job runs. The inbox row and
   * its sent-log entry are one statement (one round trip, one transaction); true when this call
   * wrote the row.
   */
  async deliverInApp(n: {
    dedupKey: string;
    userId: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
  }): Promise<boolean> {
    const at = new Date();
    const [row] = await this.prisma.$queryRaw<{ created: number }[]>`
      WITH inbox AS (
        INSERT INTO "Notification" ("id", "userId", "kind", "title", "body", "link", "dedupKey", "createdAt")
        VALUES (gen_random_uuid(), ${n.userId}::uuid, ${n.kind}, ${n.title}, ${n.body}, ${n.link},
                ${n.dedupKey}, ${at})
        ON CONFLICT ("dedupKey") DO NOTHING
        RETURNING 1
      ), sent AS (
        INSERT INTO "DeliveryLog" ("id", "dedupKey", "channel", "userId", "status", "claimedAt", "sentAt")
        VALUES (gen_random_uuid(), ${n.dedupKey}, 'IN_APP'::"Channel", ${n.userId}::uuid, 'SENT', ${at}, ${at})
        ON CONFLICT ("dedupKey") DO NOTHING
      )
      SELECT count(*)::int AS created FROM inbox`;
    return row?.created === 1;
  }

  /**
   * Claims an external send. 'send': go ahead; 'done': already sent; 'busy': another attempt is
   * sending right now (retry later). A claim older than `staleMs` is taken over (that attempt died).
   */
  async claimDelivery(
    dedupKey: string,
    channel: Channel,
    userId: string,
    staleMs: number,
  ): Promise<'send' | 'done' | 'busy'> {
    const inserted = await this.prisma.deliveryLog.createMany({
      data: [{ dedupKey, channel, userId, status: 'SENDING' }],
      skipDuplicates: true,
    });
    if (inserted.count === 1) return 'send';
    const row = await this.prisma.deliveryLog.findUniqueOrThrow({ where: { dedupKey } });
    if (row.status === 'SENT') return 'done';
    const taken = await this.prisma.deliveryLog.updateMany({
      where: { dedupKey, status: 'SENDING', claimedAt: { lt: new Date(Date.now() - staleMs) } },
      data: { claimedAt: new Date(), attempts: { increment: 1 } },
    });
    return taken.count === 1 ? 'send' : 'busy';
  }

  async markSent(dedupKey: string): Promise<void> {
    await this.prisma.deliveryLog.update({
      where: { dedupKey },
      data: { status: 'SENT', sentAt: new Date(), error: null },
    });
  }

  async releaseClaim(dedupKey: string, error: string): Promise<void> {
    await this.prisma.deliveryLog.updateMany({
      where: { dedupKey, status: 'SENDING' },
      data: { claimedAt: new Date(0), error: error.slice(0, 1000) },
    });
  }

  private async withPreferences(
    users: { id: string; email: string | null; locale: string }[],
  ): Promise<Recipient[]> {
    const prefs = await this.prisma.notificationPreference.findMany({
      where: { userId: { in: users.map((u) => u.id) } },
    });
    return asRecipients(users, prefs);
  }

  /** An administrator sent a parked delivery or reminder again (the queues changed, not these
   * tables): audited as `dead-letter.retried` under the administrator. */
  async recordDeadLetterRetried(
    actorUserId: string,
    deadLetterId: string,
    payload: { queue: string; jobId: string | null; error: string; failedAt: string },
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `dead-letter.retried:${deadLetterId}:${randomUUID()}`,
        actorUserId,
        action: 'dead-letter.retried',
        entityType: 'DeadLetter',
        entityId: deadLetterId,
        payload,
      },
      async () => {},
    );
  }
}
