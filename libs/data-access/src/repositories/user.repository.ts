import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { pathOf } from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Role } from '../generated/prisma/enums';
import { PrismaService } from '../prisma.service';
import { likeLiteral } from './like-literal';
import { RefreshTokenRepository } from './refresh-token.repository';

/** An account as the directory lists it, with its unit's code and name. */
export interface DirectoryUserRecord {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  unitId: string | null;
  roles: Role[];
  active: boolean;
  locale: string;
  createdAt: Date;
  /** The unit's code, name and place in the tree (its path: see Unit.path). */
  unit: { code: string; name: string; path: string } | null;
}

/** The fields of an account an administrator edits. */
export interface UserPatch {
  fullName?: string;
  email?: string | null;
  unitId?: string | null;
  roles?: Role[];
  active?: boolean;
}

const withUnit = { unit: { select: { code: true, name: true, path: true } } } as const;
const ENTITY = 'User';

/** A UUID as PostgreSQL's `uuid` type reads it (anything else is no account). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class UserRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  findByUsername(username: string) {
    return this.prisma.user.findUnique({ where: { username }, include: { unit: true } });
  }

  findById(id: string) {
    return this.prisma.user.findUnique({ where: { id }, include: { unit: true } });
  }

  /** What decides whether the account's access tokens still work, and whether it has a second
   * factor on: read on every authenticated request, so one statement (Prisma reads a relation
   * with a second query). */
  async findSessionState(
    id: string,
  ): Promise<{ active: boolean; tokenVersion: number; secondFactorEnabled: boolean } | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.prisma.$queryRaw<
      { active: boolean; tokenVersion: number; enabledAt: Date | null }[]
    >`
      SELECT u."active", u."tokenVersion", f."enabledAt"
      FROM "User" u LEFT JOIN "UserSecondFactor" f ON f."userId" = u."id"
      WHERE u."id" = ${id}::uuid`;
    const row = rows[0];
    return row
      ? {
          active: row.active,
          tokenVersion: row.tokenVersion,
          secondFactorEnabled: row.enabledAt !== null,
        }
      : null;
  }

  /** The unit's clusters in a year, with its role there (HEAD / DEPUTY / MEMBER). */
  clusterMembershipsOf(unitId: string, year: number) {
    return this.prisma.clusterMembership.findMany({
      where: { unitId, year },
      include: { cluster: { select: { code: true, name: true } } },
      orderBy: { cluster: { code: 'asc' } },
    });
  }

  /** Accounts by username (at most 500), filtered by unit, role, state, a search of username,
   * full name and e-mail, and the subtree their unit lies in (`within`: that unit or beneath). */
  listForDirectory(filter: {
    unitId?: string;
    role?: Role;
    active?: boolean;
    search?: string;
    within?: { id: string; path: string };
  }): Promise<DirectoryUserRecord[]> {
    return this.prisma.user.findMany({
      where: {
        ...(filter.within
          ? {
              unit: {
                OR: [{ id: filter.within.id }, { path: { startsWith: pathOf(filter.within) } }],
              },
            }
          : {}),
        ...(filter.unitId ? { unitId: filter.unitId } : {}),
        ...(filter.role ? { roles: { has: filter.role } } : {}),
        ...(filter.active !== undefined ? { active: filter.active } : {}),
        ...(filter.search
          ? {
              OR: [
                { username: { contains: likeLiteral(filter.search), mode: 'insensitive' } },
                { fullName: { contains: likeLiteral(filter.search), mode: 'insensitive' } },
                { email: { contains: likeLiteral(filter.search), mode: 'insensitive' } },
              ],
            }
          : {}),
      },
      include: withUnit,
      orderBy: { username: 'asc' },
      take: 500,
    });
  }

  findForDirectory(id: string): Promise<DirectoryUserRecord | null> {
    return this.prisma.user.findUnique({ where: { id }, include: withUnit });
  }

  async usernameTaken(username: string): Promise<boolean> {
    return (
      (await this.prisma.user.findUnique({ where: { username }, select: { id: true } })) !== null
    );
  }

  /** Creates the account, audited as `user.created` with `payload` (never the password, not
   * even hashed); a username taken meanwhile is the database's unique violation. */
  async recordCreated(
    actorUserId: string,
    user: Required<Omit<UserPatch, 'active'>> & {
      id: string;
      username: string;
      passwordHash: string;
    },
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `user-${user.id}/created`,
        actorUserId,
        action: 'user.created',
        entityType: ENTITY,
        entityId: user.id,
        payload,
      },
      async (tx) => {
        await tx.user.create({ data: user });
      },
    );
  }

  /**
   * Applies `patch`, audited as `user.updated`, or `user.deactivated` when it deactivates the
   * account: then its refresh tokens stop working and its token version moves on (every access
   * token already issued is refused at its next request) in the same transaction.
   */
  async recordUpdated(
    actorUserId: string,
    user: { id: string; username: string },
    patch: UserPatch,
    changes: Record<string, { from: unknown; to: unknown }>,
    deactivated: boolean,
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `user-${user.id}/updated-${randomUUID()}`,
        actorUserId,
        action: deactivated ? 'user.deactivated' : 'user.updated',
        entityType: ENTITY,
        entityId: user.id,
        payload: { username: user.username, changes },
      },
      async (tx, at) => {
        await tx.user.update({
          where: { id: user.id },
          data: deactivated ? { ...patch, tokenVersion: { increment: 1 } } : patch,
        });
        if (deactivated) await this.refreshTokens.revokeAllOfUser(tx, user.id, 'deactivated', at);
      },
    );
  }

  /** Sets a new password, audited as `user.password-reset`; every session of the user ends (its
   * refresh tokens are revoked, its access tokens refused from their next request). */
  async recordPasswordReset(
    actorUserId: string,
    user: { id: string; username: string },
    passwordHash: string,
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `user-${user.id}/password-reset-${randomUUID()}`,
        actorUserId,
        action: 'user.password-reset',
        entityType: ENTITY,
        entityId: user.id,
        payload: { username: user.username },
      },
      async (tx, at) => {
        await tx.user.update({
          where: { id: user.id },
          data: { passwordHash, tokenVersion: { increment: 1 } },
        });
        await this.refreshTokens.revokeAllOfUser(tx, user.id, 'password-reset', at);
      },
    );
  }
}
