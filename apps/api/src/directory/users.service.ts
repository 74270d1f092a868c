import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { UnitRepository, UserRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DirectoryMapper } from './directory.mapper';
import type { CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { onUniqueConflict } from './unique-conflict';
import { changedFields } from './units.service';

/** Accounts: created, edited, deactivated and given a new password by administrators. Passwords
 * are hashed as the login verifies them (argon2id, @node-rs/argon2 defaults). */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
  ) {}

  async list(q: UserQueryDto): Promise<UserDto[]> {
    const rows = await this.users.listForDirectory({
      unitId: q.unitId,
      role: q.role,
      active: q.active,
      search: q.search,
    });
    return rows.map((r) => DirectoryMapper.user(r));
  }

  async getOrFail(id: string): Promise<UserDto> {
    const row = await this.users.findForDirectory(id);
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'người dùng' });
    return DirectoryMapper.user(row);
  }

  async create(admin: AuthenticatedUser, dto: CreateUserDto): Promise<UserDto> {
    if (await this.users.usernameTaken(dto.username))
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
      () => this.users.recordCreated(admin.userId, { id, ...audited, passwordHash }, audited),
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
    // Deactivating ends the user's sessions: their refresh tokens stop working.
    const deactivated = before.active && dto.active === false;
    await this.users.recordUpdated(admin.userId, before, dto, changes, deactivated);
    return this.getOrFail(id);
  }

  /** A new password set by an administrator; every session of the user ends. */
  async resetPassword(admin: AuthenticatedUser, id: string, password: string): Promise<void> {
    const user = await this.getOrFail(id);
    const passwordHash = await hash(password);
    await this.users.recordPasswordReset(admin.userId, user, passwordHash);
  }

  private async assertUnitExists(unitId: string): Promise<void> {
    if (!(await this.units.exists(unitId)))
      // Bad input rather than a missing resource: the problem names the field.
      throw new DomainException(DomainErrorCode.ValidationFailed, {
        field: 'unitId',
        rule: 'unitExists',
      });
  }
}
