import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import {
  AuditLogRepository,
  PrismaService,
  RefreshTokenRepository,
  type Prisma,
} from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DirectoryMapper } from './directory.mapper';
import type { CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { onUniqueConflict } from './unique-conflict';
import { changedFields } from './units.service';

const withUnit = { unit: { select: { code: true, name: true } } } as const;

/** Accounts: created, edited, deactivated and given a new password by administrators. Passwords
 * are hashed as the login verifies them (argon2id, @node-rs/argon2 defaults). */
@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  async list(q: UserQueryDto): Promise<UserDto[]> {
    const where: Prisma.UserWhereInput = {
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.role ? { roles: { has: q.role } } : {}),
      ...(q.active !== undefined ? { active: q.active } : {}),
      ...(q.search
        ? {
            OR: [
              { username: { contains: q.search, mode: 'insensitive' } },
              { fullName: { contains: q.search, mode: 'insensitive' } },
              { email: { contains: q.search, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const rows = await this.prisma.user.findMany({
      where,
      include: withUnit,
      orderBy: { username: 'asc' },
      take: 500,
    });
    return rows.map((r) => DirectoryMapper.user(r));
  }

  async getOrFail(id: string): Promise<UserDto> {
    const row = await this.prisma.user.findUnique({ where: { id }, include: withUnit });
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'người dùng' });
    return DirectoryMapper.user(row);
  }

  async create(admin: AuthenticatedUser, dto: CreateUserDto): Promise<UserDto> {
    if (await this.prisma.user.findUnique({ where: { username: dto.username } }))
      throw new DomainException(DomainErrorCode.UsernameTaken, { username: dto.username });
    if (dto.unitId) await this.assertUnitExists(dto.unitId);
    const id = randomUUID();
    const passwordHash = await hash(dto.password);
    // Never the password, not even hashed.
    const audited = {
      username: dto.username,
      fullName: dto.fullName,
      email: dto.email ?? null,
      unitId: dto.unitId ?? null,
      roles: dto.roles,
    };
    await onUniqueConflict(
      () =>
        this.audit.recordOnce(
          {
            eventKey: `user-${id}/created`,
            actorUserId: admin.userId,
            action: 'user.created',
            entityType: 'User',
            entityId: id,
            payload: audited,
          },
          async (tx) => {
            await tx.user.create({
              data: {
                id,
                username: dto.username,
                fullName: dto.fullName,
                email: dto.email ?? null,
                unitId: dto.unitId ?? null,
                roles: dto.roles,
                passwordHash,
              },
            });
          },
        ),
      DomainErrorCode.UsernameTaken,
      { username: dto.username },
    );
    return this.getOrFail(id);
  }

  /** An administrator never locks themselves out: their own ADMIN role and account stay. */
  async update(admin: AuthenticatedUser, id: string, dto: UpdateUserDto): Promise<UserDto> {
    const before = await this.getOrFail(id);
    if (
      id === admin.userId &&
      (dto.active === false || (dto.roles && !dto.roles.includes('ADMIN')))
    )
      throw new DomainException(DomainErrorCode.SelfLockout);
    if (dto.unitId) await this.assertUnitExists(dto.unitId);
    const changes = changedFields(before, dto);
    if (Object.keys(changes).length === 0) return before;
    const deactivated = before.active && dto.active === false;
    await this.audit.recordOnce(
      {
        eventKey: `user-${id}/updated-${randomUUID()}`,
        actorUserId: admin.userId,
        action: deactivated ? 'user.deactivated' : 'user.updated',
        entityType: 'User',
        entityId: id,
        payload: { username: before.username, changes },
      },
      async (tx, at) => {
        await tx.user.update({ where: { id }, data: dto });
        // A deactivated user keeps no session: their refresh tokens stop working now (an access
        // token already issued lives out its short lifetime).
        if (deactivated) await this.refreshTokens.revokeAllOfUser(tx, id, 'deactivated', at);
      },
    );
    return this.getOrFail(id);
  }

  /** A new password set by an administrator; every session of the user ends. */
  async resetPassword(admin: AuthenticatedUser, id: string, password: string): Promise<void> {
    const user = await this.getOrFail(id);
    const passwordHash = await hash(password);
    await this.audit.recordOnce(
      {
        eventKey: `user-${id}/password-reset-${randomUUID()}`,
        actorUserId: admin.userId,
        action: 'user.password-reset',
        entityType: 'User',
        entityId: id,
        payload: { username: user.username },
      },
      async (tx, at) => {
        await tx.user.update({ where: { id }, data: { passwordHash } });
        await this.refreshTokens.revokeAllOfUser(tx, id, 'password-reset', at);
      },
    );
  }

  private async assertUnitExists(unitId: string): Promise<void> {
    if (!(await this.prisma.unit.findUnique({ where: { id: unitId }, select: { id: true } })))
      // Bad input rather than a missing resource: the problem names the field.
      throw new DomainException(DomainErrorCode.ValidationFailed, {
        field: 'unitId',
        rule: 'unitExists',
      });
  }
}
