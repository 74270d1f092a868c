import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** One stored version of a rule set. */
export interface RuleSetRecord {
  id: string;
  code: string;
  version: number;
  name: string;
  content: unknown;
  createdById: string | null;
  createdAt: Date;
}

/** Versioned rule sets: rules are data, and a new version never changes an earlier one. */
@Injectable()
export class RuleSetRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Every version, by code, the newest version first. */
  list(): Promise<RuleSetRecord[]> {
    return this.prisma.ruleSet.findMany({ orderBy: [{ code: 'asc' }, { version: 'desc' }] });
  }

  /**
   * Stores the next version of the rule set `code` (1 when it is new), audited as
   * `rule-set.created`. The audit lock is taken before the version is read, so two concurrent
   * publications of one code get consecutive versions.
   */
  async createVersion(
    actorUserId: string,
    input: { code: string; name: string; content: Record<string, unknown> },
  ): Promise<RuleSetRecord> {
    const id = randomUUID();
    // The version is known only under the lock: the write completes the payload before the
    // entry is appended.
    const payload: Record<string, unknown> = { code: input.code, version: null, name: input.name };
    await this.audit.recordOnce(
      {
        eventKey: `rule-set.created:${id}`,
        actorUserId,
        action: 'rule-set.created',
        entityType: 'RuleSet',
        entityId: id,
        payload,
      },
      async (tx) => {
        const last = await tx.ruleSet.findFirst({
          where: { code: input.code },
          orderBy: { version: 'desc' },
          select: { version: true },
        });
        const version = (last?.version ?? 0) + 1;
        payload['version'] = version;
        payload['content'] = input.content;
        await tx.ruleSet.create({
          data: {
            id,
            code: input.code,
            version,
            name: input.name,
            content: input.content as Prisma.InputJsonValue,
            createdById: actorUserId,
          },
        });
      },
    );
    return this.prisma.ruleSet.findUniqueOrThrow({ where: { id } });
  }
}
