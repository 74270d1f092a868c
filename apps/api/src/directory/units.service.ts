import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository, PrismaService, type Prisma } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DirectoryMapper } from './directory.mapper';
import type { CreateUnitDto, UnitDto, UnitQueryDto, UpdateUnitDto } from './dto/unit.dto';
import { onUniqueConflict } from './unique-conflict';

const withUserCount = { _count: { select: { users: true } } } as const;

/** Units (member units and deciding authorities): listed, created and edited by administrators. */
@Injectable()
export class UnitsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  async list(q: UnitQueryDto): Promise<UnitDto[]> {
    const where: Prisma.UnitWhereInput = {
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.search
        ? {
            OR: [
              { code: { contains: q.search, mode: 'insensitive' } },
              { name: { contains: q.search, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const rows = await this.prisma.unit.findMany({
      where,
      include: withUserCount,
      orderBy: [{ kind: 'asc' }, { code: 'asc' }],
    });
    return rows.map((r) => DirectoryMapper.unit(r));
  }

  async getOrFail(id: string): Promise<UnitDto> {
    const row = await this.prisma.unit.findUnique({ where: { id }, include: withUserCount });
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    return DirectoryMapper.unit(row);
  }

  async create(user: AuthenticatedUser, dto: CreateUnitDto): Promise<UnitDto> {
    if (await this.prisma.unit.findUnique({ where: { code: dto.code }, select: { id: true } }))
      throw new DomainException(DomainErrorCode.UnitCodeTaken, { code: dto.code });
    const id = randomUUID();
    await onUniqueConflict(
      () =>
        this.audit.recordOnce(
          {
            eventKey: `unit-${id}/created`,
            actorUserId: user.userId,
            action: 'unit.created',
            entityType: 'Unit',
            entityId: id,
            payload: { ...dto },
          },
          async (tx) => {
            await tx.unit.create({
              data: {
                id,
                code: dto.code,
                name: dto.name,
                kind: dto.kind ?? 'MEMBER',
                level: dto.level ?? null,
                headcount: dto.headcount ?? null,
              },
            });
          },
        ),
      DomainErrorCode.UnitCodeTaken,
      { code: dto.code },
    );
    return this.getOrFail(id);
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateUnitDto): Promise<UnitDto> {
    const before = await this.getOrFail(id);
    const changes = changedFields(before, dto);
    if (Object.keys(changes).length === 0) return before;
    await this.audit.recordOnce(
      {
        eventKey: `unit-${id}/updated-${randomUUID()}`,
        actorUserId: user.userId,
        action: 'unit.updated',
        entityType: 'Unit',
        entityId: id,
        payload: { code: before.code, changes },
      },
      async (tx) => {
        await tx.unit.update({ where: { id }, data: dto });
      },
    );
    return this.getOrFail(id);
  }
}

/** The fields `patch` changes, with their old and new values (the audit entry's payload). */
export function changedFields<T extends object>(
  before: T,
  patch: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = (before as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
