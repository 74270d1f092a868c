import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTx } from '../prisma.service';
import { AUDIT_GENESIS_HASH, computeAuditHash } from './audit-hash';

/** Every audited write takes this transaction-scoped lock, so the chain has one order. */
const AUDIT_CHAIN_LOCK = 727_001;

export interface AuditEntry {
  eventKey: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAtId: string | null;
  reason: 'edited' | 'missing-or-reordered' | null;
}

@Injectable()
export class AuditLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Applies `write` and appends its audit entry in one transaction, at most once per eventKey.
   * Returns when the event was recorded: now, or the original time if it was recorded before
   * (an activity retried after its transaction committed, or a concurrent duplicate).
   *
   * The chain needs one order, so appending takes a transaction-scoped lock. By default it is
   * taken first, which also serializes `write` with every other audited write (what an
   * administrator's check-then-write or a serial number counter relies on). `lockAfterWrite`
   * takes it after `write`, for the link and the commit only: for the workflows' records, whose
   * writes touch only their own rows in the order their workflow decided.
   *
   * `repeatFailsAtEntry` (with `lockAfterWrite`) skips the look-up for an earlier record, one
   * statement per record: a repeat then runs `write` again and fails at the entry's unique event
   * key, the transaction rolls back whatever `write` did, and the first record's time is returned,
   * as the look-up would have. Only for writes that can run again inside a transaction that is then
   * rolled back (a unique key of their own, or guarded updates): not for writes that throw a rule
   * on a repeat.
   */
  async recordOnce(
    entry: AuditEntry,
    write: (tx: PrismaTx, occurredAt: Date) => Promise<void>,
    opts: { lockAfterWrite?: boolean; repeatFailsAtEntry?: boolean } = {},
  ): Promise<Date> {
    const lookFirst = !(opts.lockAfterWrite && opts.repeatFailsAtEntry);
    const lock = (tx: PrismaTx) =>
      tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
    try {
      return await this.prisma.$transaction(async (tx) => {
        if (!opts.lockAfterWrite) await lock(tx);
        if (lookFirst) {
          const existing = await tx.auditLog.findUnique({
            where: { eventKey: entry.eventKey },
            select: { occurredAt: true },
          });
          if (existing) return existing.occurredAt;
        }
        const occurredAt = new Date();
        await write(tx, occurredAt);
        if (opts.lockAfterWrite) await lock(tx);
        const last = await tx.auditLog.findFirst({
          orderBy: { id: 'desc' },
          select: { hash: true },
        });
        const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
        await tx.auditLog.create({
          data: {
            ...entry,
            payload: entry.payload as object,
            occurredAt,
            prevHash,
            hash: computeAuditHash(prevHash, { ...entry, occurredAt }),
          },
        });
        return occurredAt;
      });
    } catch (err) {
      // A concurrent transaction with the same eventKey committed first (or, without the look-up,
      // an earlier one did): its outcome stands.
      if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== 'P2002') throw err;
      const existing = await this.prisma.auditLog.findUnique({
        where: { eventKey: entry.eventKey },
        select: { occurredAt: true },
      });
      if (existing) return existing.occurredAt;
      throw err;
    }
  }

  /** Recomputes the chain: an edited row breaks its own hash, a deleted one breaks the link. */
  async verify(batchSize = 1000): Promise<AuditVerification> {
    let prevHash = AUDIT_GENESIS_HASH;
    let checked = 0;
    let cursor: bigint | undefined;
    for (;;) {
      const rows = await this.prisma.auditLog.findMany({
        where: cursor === undefined ? {} : { id: { gt: cursor } },
        orderBy: { id: 'asc' },
        take: batchSize,
      });
      for (const row of rows) {
        if (row.prevHash !== prevHash) {
          return {
            ok: false,
            checked,
            brokenAtId: row.id.toString(),
            reason: 'missing-or-reordered',
          };
        }
        const expected = computeAuditHash(prevHash, row);
        if (expected !== row.hash) {
          return { ok: false, checked, brokenAtId: row.id.toString(), reason: 'edited' };
        }
        prevHash = row.hash;
        checked += 1;
      }
      if (rows.length < batchSize) return { ok: true, checked, brokenAtId: null, reason: null };
      cursor = rows[rows.length - 1]?.id;
    }
  }

  async listForEntity(entityType: string, entityId: string) {
    return this.prisma.auditLog.findMany({
      where: { entityType, entityId },
      orderBy: { id: 'asc' },
    });
  }
}
