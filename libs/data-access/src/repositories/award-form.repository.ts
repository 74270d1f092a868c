import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AwardFormContent } from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export type AwardFormRecord = Prisma.AwardFormGetPayload<object>;

export interface AuthorityRecord {
  id: string;
  code: string;
  name: string;
  level: string | null;
}

/** The latest active version of a form, with its content and deciding authority. */
export interface LoadedAwardFormRecord {
  id: string;
  version: number;
  content: AwardFormContent;
  authority: { id: string; code: string; name: string };
}

/** The latest active version of a form as listed, with its authority when it still exists. */
export interface AwardFormListRecord {
  id: string;
  code: string;
  version: number;
  name: string;
  level: string;
  authority: { id: string; code: string; name: string } | null;
  content: AwardFormContent;
}

/** Award forms are versioned data: publishing adds a version; nominations keep theirs. */
@Injectable()
export class AwardFormRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  async findLatest(code: string): Promise<LoadedAwardFormRecord | null> {
    const row = await this.prisma.awardForm.findFirst({
      where: { code, active: true },
      orderBy: { version: 'desc' },
    });
    if (!row) return null;
    const authority = await this.prisma.unit.findUniqueOrThrow({
      where: { id: row.authorityUnitId },
    });
    return {
      id: row.id,
      version: row.version,
      content: row.content as unknown as AwardFormContent,
      authority: { id: authority.id, code: authority.code, name: authority.name },
    };
  }

  /** The content of one stored version (what a nomination was submitted under). */
  async findContentById(id: string): Promise<AwardFormContent | null> {
    const row = await this.prisma.awardForm.findUnique({
      where: { id },
      select: { content: true },
    });
    return row ? (row.content as unknown as AwardFormContent) : null;
  }

  /** The latest active version of every form, by code. */
  async listLatest(): Promise<AwardFormListRecord[]> {
    const rows = await this.prisma.awardForm.findMany({
      where: { active: true },
      orderBy: [{ code: 'asc' }, { version: 'desc' }],
    });
    const latest = new Map<string, AwardFormRecord>();
    for (const r of rows) if (!latest.has(r.code)) latest.set(r.code, r);
    // Any organisation may decide a form, not only units of kind AUTHORITY.
    const authorities = await this.prisma.unit.findMany({
      where: { id: { in: [...new Set([...latest.values()].map((r) => r.authorityUnitId))] } },
    });
    const byId = new Map(authorities.map((a) => [a.id, a]));
    return [...latest.values()].map((r) => {
      const a = byId.get(r.authorityUnitId);
      return {
        id: r.id,
        code: r.code,
        version: r.version,
        name: r.name,
        level: r.level,
        authority: a ? { id: r.authorityUnitId, code: a.code, name: a.name } : null,
        content: r.content as unknown as AwardFormContent,
      };
    });
  }

  /** The organisations that may decide forms: the authorities and every organisation of the tree
   * that has a level (those beneath the base propose but do not decide). */
  listAuthorities(): Promise<AuthorityRecord[]> {
    return this.prisma.unit.findMany({
      where: { OR: [{ kind: 'AUTHORITY' }, { level: { not: null }, orgKind: { not: null } }] },
      orderBy: { code: 'asc' },
      select: { id: true, code: true, name: true, level: true },
    });
  }

  /** The deciding organisation of a form: any unit (a party committee, a People's Committee, a
   * board, a cluster council), found by code. */
  findAuthorityByCode(code: string): Promise<{ id: string } | null> {
    return this.prisma.unit.findFirst({
      where: { code },
      select: { id: true },
    });
  }

  /**
   * Stores the next version of the form, audited as `award-form.published` with its version. The
   * audit lock, taken first, serializes publications: two of one code get consecutive versions.
   */
  async publish(input: {
    content: AwardFormContent;
    authorityUnitId: string;
    actorUserId: string;
  }): Promise<AwardFormRecord> {
    const { content } = input;
    const id = randomUUID();
    // The audit entry is appended after the write: the payload gets the version found under
    // the lock.
    const payload: Record<string, unknown> = {
      code: content.code,
      name: content.name.vi,
      level: content.level,
      authorityUnitId: input.authorityUnitId,
    };
    let created: AwardFormRecord | undefined;
    await this.audit.recordOnce(
      {
        eventKey: `award-form.published:${id}`,
        actorUserId: input.actorUserId,
        action: 'award-form.published',
        entityType: 'AwardForm',
        entityId: id,
        payload,
      },
      async (tx) => {
        const last = await tx.awardForm.findFirst({
          where: { code: content.code },
          orderBy: { version: 'desc' },
          select: { version: true },
        });
        const version = (last?.version ?? 0) + 1;
        payload['version'] = version;
        created = await tx.awardForm.create({
          data: {
            id,
            code: content.code,
            version,
            name: content.name.vi,
            level: content.level,
            authorityUnitId: input.authorityUnitId,
            content: content as unknown as Prisma.InputJsonValue,
            createdById: input.actorUserId,
          },
        });
      },
    );
    return created ?? this.prisma.awardForm.findUniqueOrThrow({ where: { id } });
  }
}
