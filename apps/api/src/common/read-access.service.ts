import { Injectable } from '@nestjs/common';
import { ReadScopeRepository, type ReadScope } from '@epw/data-access';
import { DomainErrorCode, DomainException, isGlobalAdmin } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** A nomination as read authorization sees it: who proposed it, whose achievement it is, who
 * decides it, and the resolved chain (`{ init: { steps: [{ actorUnitId }] } }`). */
export interface NominationParties {
  proposerUnitId: string;
  unitId: string;
  authorityUnitId: string;
  chain: unknown;
}

/**
 * Read authorization, in one place. Reads are as strict as writes: a caller reads what their
 * organisation takes part in, and what lies beneath it in the organisation tree.
 *
 * | resource | who reads it |
 * |---|---|
 * | everything | the global ADMIN |
 * | a nomination, its dossier and minutes | the units of its subtree's proposer and nominee (the unit itself and every organisation above it: ORG_ADMIN of its subtree included), every unit acting on a step of its chain, its deciding organisation |
 * | a unit's people | the unit and the organisations above it; others (chain actors) only the people named by nominations they read |
 * | a cluster's cycles and their records | the members of that year and the organisations above a member |
 * | a decision, its PDF and certificates | its deciding organisation; once issued, the units awarded and the organisations above them |
 * | an award (certificate) | its deciding organisation, the unit awarded and the organisations above it |
 * | a model | its unit and the organisations above it; others when a nomination they read names it |
 *
 * A single resource the caller may not read is refused with 403 and a reason, as every denial
 * of this API (DESIGN.md: "every denial is a 403 with a reason"); an unknown one is a 404. Lists
 * are filtered instead (`scopeOf` is handed to the repositories).
 */
@Injectable()
export class ReadAccessService {
  constructor(private readonly scopes: ReadScopeRepository) {}

  /** The caller's read scope: everything, their organisation and its subtree, or nothing. */
  async scopeOf(user: AuthenticatedUser): Promise<ReadScope> {
    if (isGlobalAdmin(user)) return { kind: 'all' };
    const path = user.unitId ? await this.scopes.pathOf(user.unitId) : null;
    return user.unitId && path ? { kind: 'unit', unitId: user.unitId, path } : { kind: 'none' };
  }

  /** Whether the scope contains one of these units (the unit itself or one beneath it). */
  async coversAny(scope: ReadScope, unitIds: string[]): Promise<boolean> {
    if (scope.kind === 'all') return true;
    if (scope.kind === 'none') return false;
    if (unitIds.includes(scope.unitId)) return true;
    return this.scopes.anyWithin(unitIds, scope.path);
  }

  async canReadNomination(scope: ReadScope, n: NominationParties): Promise<boolean> {
    if (scope.kind === 'all') return true;
    if (scope.kind === 'none') return false;
    if (n.authorityUnitId === scope.unitId) return true;
    if (stepUnitsOf(n.chain).includes(scope.unitId)) return true;
    return this.coversAny(scope, [n.proposerUnitId, n.unitId]);
  }

  async assertCanReadNomination(user: AuthenticatedUser, n: NominationParties): Promise<void> {
    if (await this.canReadNomination(await this.scopeOf(user), n)) return;
    throw refused('hồ sơ của đơn vị khác');
  }

  /** Members of the cluster in that year and the organisations above a member. */
  async assertCanReadCluster(
    user: AuthenticatedUser,
    clusterId: string,
    year: number,
  ): Promise<void> {
    const scope = await this.scopeOf(user);
    if (scope.kind === 'all') return;
    if (scope.kind === 'unit' && (await this.scopes.memberWithin(clusterId, year, scope.path)))
      return;
    throw refused('đơn vị không thuộc cụm thi đua này');
  }

  /** The clusters and years whose cycles the caller lists (undefined: every one). */
  async clusterYearsOf(
    user: AuthenticatedUser,
  ): Promise<{ clusterId: string; year: number }[] | undefined> {
    const scope = await this.scopeOf(user);
    if (scope.kind === 'all') return undefined;
    if (scope.kind === 'none') return [];
    return this.scopes.clusterYearsWithin(scope.path);
  }

  /**
   * Which people of a unit the caller reads: all of them (the unit, the organisations above it),
   * or those named by nominations the caller reads (a chain actor); refused when none.
   */
  async peopleOf(user: AuthenticatedUser, unitId: string): Promise<'all' | string[]> {
    const scope = await this.scopeOf(user);
    if (await this.coversAny(scope, [unitId])) return 'all';
    const named = await this.scopes.nominatedPeopleOf(unitId, scope);
    if (named.length > 0) return named;
    throw new DomainException(DomainErrorCode.Forbidden, { reason: 'cá nhân của đơn vị khác' });
  }

  /** A decision: its deciding organisation; the units awarded by it and those above them. */
  async assertCanReadDecision(
    user: AuthenticatedUser,
    d: { id: string; authorityUnitId: string },
  ): Promise<void> {
    const scope = await this.scopeOf(user);
    if (scope.kind === 'all') return;
    if (scope.kind === 'unit') {
      if (d.authorityUnitId === scope.unitId) return;
      if (await this.scopes.decisionAwardsWithin(d.id, scope.path)) return;
    }
    throw refused('quyết định của đơn vị khác');
  }

  /** An award: its deciding organisation, the unit awarded and the organisations above it. An
   * unknown award passes: the reader answers its own 404. */
  async assertCanReadAward(user: AuthenticatedUser, awardId: string): Promise<void> {
    const a = await this.scopes.findAwardParties(awardId);
    if (!a) return;
    const scope = await this.scopeOf(user);
    if (scope.kind === 'unit' && a.authorityUnitId === scope.unitId) return;
    if (await this.coversAny(scope, [a.unitId])) return;
    throw refused('khen thưởng của đơn vị khác');
  }

  /** A model: its unit and those above it, or a caller reading a nomination that names it. */
  async canReadModel(user: AuthenticatedUser, m: { id: string; unitId: string }): Promise<boolean> {
    const scope = await this.scopeOf(user);
    if (await this.coversAny(scope, [m.unitId])) return true;
    return this.scopes.readsNominationOfModel(m.id, scope);
  }
}

/** The units acting on the steps of a resolved chain. */
export function stepUnitsOf(chain: unknown): string[] {
  const steps = (chain as { init?: { steps?: { actorUnitId?: unknown }[] } } | null)?.init?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((s) => (typeof s.actorUnitId === 'string' ? [s.actorUnitId] : []));
}

const refused = (reason: string) => new DomainException(DomainErrorCode.Forbidden, { reason });
