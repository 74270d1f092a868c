import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnitRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DirectoryMapper } from './directory.mapper';
import type { CreateUnitDto, UnitDto, UnitQueryDto, UpdateUnitDto } from './dto/unit.dto';
import { onUniqueConflict } from './unique-conflict';

/** Units (member units and deciding authorities): listed, created and edited by administrators. */
@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitRepository) {}

  async list(q: UnitQueryDto): Promise<UnitDto[]> {
    const rows = await this.units.list({ kind: q.kind, search: q.search });
    return rows.map((r) => DirectoryMapper.unit(r));
  }

  async getOrFail(id: string): Promise<UnitDto> {
    const row = await this.units.findById(id);
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    return DirectoryMapper.unit(row);
  }

  async create(user: AuthenticatedUser, dto: CreateUnitDto): Promise<UnitDto> {
    if (await this.units.codeTaken(dto.code))
      throw new DomainException(DomainErrorCode.UnitCodeTaken, { code: dto.code });
    const id = randomUUID();
    await onUniqueConflict(
      () =>
        this.units.recordCreated(
          user.userId,
          {
            id,
            code: dto.code,
            name: dto.name,
            kind: dto.kind ?? 'MEMBER',
            level: dto.level ?? null,
            headcount: dto.headcount ?? null,
          },
          { ...dto },
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
    await this.units.recordUpdated(user.userId, before, dto, changes);
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
