import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  validateAwardForm,
  type AwardFormContent,
} from '@epw/domain';

export interface LoadedAwardForm {
  id: string;
  version: number;
  content: AwardFormContent;
  authority: { id: string; code: string; name: string };
}

/** Award forms are versioned data: a nomination keeps the version it was submitted under. */
@Injectable()
export class AwardFormsService {
  constructor(private readonly prisma: PrismaService) {}

  async latest(code: string): Promise<LoadedAwardForm> {
    const row = await this.prisma.awardForm.findFirst({
      where: { code, active: true },
      orderBy: { version: 'desc' },
    });
    if (!row) throw new DomainException(DomainErrorCode.AwardFormNotFound, { code });
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

  async list() {
    const rows = await this.prisma.awardForm.findMany({
      where: { active: true },
      orderBy: [{ code: 'asc' }, { version: 'desc' }],
    });
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) if (!latest.has(r.code)) latest.set(r.code, r);
    const authorities = await this.prisma.unit.findMany({ where: { kind: 'AUTHORITY' } });
    const byId = new Map(authorities.map((a) => [a.id, a]));
    return [...latest.values()].map((r) => ({
      id: r.id,
      code: r.code,
      version: r.version,
      name: r.name,
      level: r.level,
      authority: byId.get(r.authorityUnitId)
        ? {
            id: r.authorityUnitId,
            code: byId.get(r.authorityUnitId)?.code,
            name: byId.get(r.authorityUnitId)?.name,
          }
        : null,
      content: r.content as unknown as AwardFormContent,
    }));
  }

  /** An administrator publishes a new version; running nominations keep theirs. */
  async publish(content: AwardFormContent, userId: string) {
    validateAwardForm(content);
    const authority = await this.prisma.unit.findFirst({
      where: { code: content.authorityCode, kind: 'AUTHORITY' },
    });
    if (!authority) {
      throw new DomainException(DomainErrorCode.AwardFormInvalid, {
        field: 'authorityCode',
        rule: 'an existing authority (GET /authorities)',
      });
    }
    return this.prisma.$transaction(async (tx) => {
      const last = await tx.awardForm.findFirst({
        where: { code: content.code },
        orderBy: { version: 'desc' },
      });
      return tx.awardForm.create({
        data: {
          code: content.code,
          version: (last?.version ?? 0) + 1,
          name: content.name.vi,
          level: content.level,
          authorityUnitId: authority.id,
          content: content as unknown as Prisma.InputJsonValue,
          createdById: userId,
        },
      });
    });
  }

  authorities() {
    return this.prisma.unit.findMany({
      where: { kind: 'AUTHORITY' },
      orderBy: { code: 'asc' },
      select: { id: true, code: true, name: true, level: true },
    });
  }
}
