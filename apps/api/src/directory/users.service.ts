import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { UnitRepository, UserRepository } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  administers,
  grantableRoles,
  isGlobalAdmin,
  outsideSubtree,
  pathOf,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DirectoryMapper } from './directory.mapper';
import type { CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { SubtreeAccess } from './subtree-access';
import { onUniqueConflict } from './unique-conflict';
import { changedFields } from './units.service';

/** Accounts: created, edited, deactivated and given a new password by administrators (an
 * organisation administrator: accounts of units in their subtree, never with the ADMIN role).
 * Passwords are hashed as the login verifies them (argon2id, @node-rs/argon2 defaults). */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly access: SubtreeAccess,
  ) {}

  /** Accounts the caller administers (an organisation administrator: of units in their subtree). */
  async list(admin: AuthenticatedUser, q: UserQueryDto): Promise<UserDto[]> {
    const scope = await this.access.scopeOf(admin);
    if (scope.kind === 'none') return [];
    const rows = await this.users.listForDirectory({
      unitId: q.unitId,
      role: q.role,
      active: q.active,
      search: q.search,
      within: scope.kind === 'subtree' ? scope.root : undefined,
    });
    return rows.map((r) => DirectoryMapper.user(r));
  }

  async getOrFail(id: string): Promise<UserDto> {
    const row = await this.users.findForDirectory(id);
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'người dùng' });
    return DirectoryMapper.user(row);
  }

  async create(admin: AuthenticatedUser, dto: CreateUserDto): Promise<UserDto> {
    // Outside the caller's subtree nothing else is answered, not even whether the name is taken.
    await this.assertMayAssign(admin, dto.unitId ?? null, dto.roles);
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

  /** An administrator never locks themselves out: their own ADMIN (an organisation
   * administrator: ORG_ADMIN) role and account stay. */
  async update(admin: AuthenticatedUser, id: string, dto: UpdateUserDto): Promise<UserDto> {
    const before = await this.assertAdministersAccount(admin, id);
    const ownRole = isGlobalAdmin(admin) ? 'ADMIN' : 'ORG_ADMIN';
    if (
      id === admin.userId &&
      (dto.active === false || (dto.roles && !dto.roles.includes(ownRole)))
    )
      throw new DomainException(DomainErrorCode.SelfLockout);
    if (dto.unitId) await this.assertUnitExists(dto.unitId);
    if (!isGlobalAdmin(admin))
      await this.assertMayAssign(
        admin,
        dto.unitId !== undefined ? dto.unitId : before.unitId,
        dto.roles ?? before.roles,
      );
    const changes = changedFields(before, dto);
    if (Object.keys(changes).length === 0) return before;
    // Deactivating ends the user's sessions: their refresh tokens stop working.
    const deactivated = before.active && dto.active === false;
    await this.users.recordUpdated(admin.userId, before, dto, changes, deactivated);
    return this.getOrFail(id);
  }

  /** A new password set by an administrator; every session of the user ends. */
  async resetPassword(admin: AuthenticatedUser, id: string, password: string): Promise<void> {
    const user = await this.assertAdministersAccount(admin, id);
    const passwordHash = await hash(password);
    await this.users.recordPasswordReset(admin.userId, user, passwordHash);
  }

  /** The account, if the caller administers it: the global administrator every account, an
   * organisation administrator those of units in their subtree that are not global ADMINs. */
  async assertAdministersAccount(admin: AuthenticatedUser, id: string): Promise<UserDto> {
    const row = await this.users.findForDirectory(id);
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'người dùng' });
    if (!isGlobalAdmin(admin)) {
      const actor = await this.access.actorOf(admin);
      const path = row.unitId && row.unit ? pathOf({ id: row.unitId, path: row.unit.path }) : null;
      if (!path || !administers(actor, path))
        throw outsideSubtree({ id: row.unitId ?? row.username, code: row.unit?.code });
      if (row.roles.includes('ADMIN'))
        throw new DomainException(DomainErrorCode.Forbidden, {
          reason: 'tài khoản quản trị hệ thống chỉ do quản trị viên hệ thống quản lý',
        });
    }
    return DirectoryMapper.user(row);
  }

  /** An organisation administrator gives accounts a unit in their subtree and any role but ADMIN. */
  private async assertMayAssign(
    admin: AuthenticatedUser,
    unitId: string | null,
    roles: readonly string[],
  ): Promise<void> {
    if (isGlobalAdmin(admin)) return;
    if (!unitId) throw outsideSubtree({ id: '—', code: '—' });
    await this.access.assertAdministersAll(admin, [unitId]);
    if (!grantableRoles(admin, roles))
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'chỉ quản trị viên hệ thống mới cấp được vai trò ADMIN',
      });
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
