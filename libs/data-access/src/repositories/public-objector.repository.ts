import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PrismaService } from '../prisma.service';

/** Where a nomination stands for the public posting page: open to objections or not. */
export interface PostingState {
  nominationId: string;
  /** In its public posting period now (status POSTED, the period not over). */
  open: boolean;
}

/** The person behind an objection filed from the public posting page (no account). */
export interface PublicObjectorRecord {
  objectionId: string;
  nominationId: string;
  name: string;
  contact: string;
  filedAt: Date;
}

export interface NewPublicObjector {
  objectionId: string;
  nominationId: string;
  name: string;
  contact: string;
}

/** Objections from the public (công khai): who filed them and how to reach them. */
@Injectable()
export class PublicObjectorRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The nomination as the public posting sees it; null when there is no such nomination. */
  async findPostingState(nominationId: string, now: Date): Promise<PostingState | null> {
    const n = await this.prisma.nomination.findUnique({
      where: { id: nominationId },
      select: { id: true, status: true, postedUntil: true },
    });
    if (!n) return null;
    return {
      nominationId: n.id,
      open: n.status === 'POSTED' && n.postedUntil !== null && n.postedUntil > now,
    };
  }

  /**
   * Records who filed a public objection (its Objection row is written by the nomination
   * workflow), audited as `nomination.public-objector-recorded`. The contact stays out of the
   * append-only audit payload: it is personal data the board may have to erase.
   */
  async record(o: NewPublicObjector): Promise<PublicObjectorRecord> {
    const eventKey = `nomination.public-objector-recorded:${o.objectionId}`;
    const filedAt = await this.audit.recordOnce(
      {
        eventKey,
        actorUserId: null,
        action: 'nomination.public-objector-recorded',
        entityType: 'Nomination',
        entityId: o.nominationId,
        payload: { objectionId: o.objectionId, objectorName: o.name },
      },
      async (tx, at) => {
        await tx.publicObjector.create({ data: { ...o, filedAt: at, eventKey } });
      },
    );
    return { ...o, filedAt };
  }

  /** The public objectors of these objections (those filed by account holders have none). */
  listByObjections(objectionIds: string[]): Promise<PublicObjectorRecord[]> {
    if (objectionIds.length === 0) return Promise.resolve([]);
    return this.prisma.publicObjector.findMany({
      where: { objectionId: { in: objectionIds } },
      select: { objectionId: true, nominationId: true, name: true, contact: true, filedAt: true },
    });
  }
}
