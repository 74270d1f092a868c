import { Injectable } from '@nestjs/common';
import { OrganisationTreeRepository, PersonRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException, administers, outsideSubtree } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ReadAccessService } from '../common/read-access.service';
import type { CreatePersonDto, PersonDto, UnitHeadcountDto } from './dto/person.dto';
import { toPersonDto } from './person.mapper';

/** The people of a unit (individual nominees) and its headcount (for quotas). */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PersonRepository,
    private readonly tree: OrganisationTreeRepository,
    private readonly access: ReadAccessService,
  ) {}

  /** The unit itself and the organisations above it read all its people; a unit acting on a
   * nomination's chain (or deciding it) only the people that nominations it reads name. An
   * organisation administrator outside the unit's subtree is told so (OUTSIDE_SUBTREE). */
  async list(user: AuthenticatedUser, unitId: string): Promise<PersonDto[]> {
    const unit = await this.tree.findNode(unitId);
    if (!unit) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    let readable: 'all' | string[];
    try {
      readable = await this.access.peopleOf(user, unitId);
    } catch (err) {
      if (user.roles.includes('ORG_ADMIN')) throw outsideSubtree(unit);
      throw err;
    }
    const rows = await this.people.listByUnit(unitId, readable === 'all' ? undefined : readable);
    return rows.map(toPersonDto);
  }

  async add(user: AuthenticatedUser, unitId: string, dto: CreatePersonDto): Promise<PersonDto> {
    await this.assertActsFor(user, unitId);
    // An administrator may name any unit: an unknown one is a 404, not a foreign-key failure.
    if (!(await this.people.unitExists(unitId)))
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    const person = await this.people.create(
      { unitId, fullName: dto.fullName, position: dto.position, birthYear: dto.birthYear },
      user.userId,
    );
    return toPersonDto(person);
  }

  async setHeadcount(
    user: AuthenticatedUser,
    unitId: string,
    headcount: number,
  ): Promise<UnitHeadcountDto> {
    await this.assertActsFor(user, unitId);
    return this.people.setHeadcount(unitId, headcount, user.userId);
  }

  /** Its own unit's officers, an administrator, or an organisation administrator of a unit in
   * their subtree (OUTSIDE_SUBTREE otherwise). */
  private async assertActsFor(user: AuthenticatedUser, unitId: string): Promise<void> {
    if (
      user.roles.includes('ORG_ADMIN') &&
      !user.roles.includes('ADMIN') &&
      user.unitId !== unitId
    ) {
      const unit = await this.tree.findNode(unitId);
      const actor = { roles: user.roles, unitPath: await this.tree.pathOfUnit(user.unitId) };
      if (unit && administers(actor, unit.path)) return;
      if (unit) throw outsideSubtree(unit);
    }
    assertOwnUnit(user, unitId);
  }
}

function assertOwnUnit(user: AuthenticatedUser, unitId: string): void {
  if (!user.roles.includes('ADMIN') && user.unitId !== unitId) {
    throw new DomainException(DomainErrorCode.WrongUnit);
  }
}
