import { Injectable } from '@nestjs/common';
import { OrganisationTreeRepository, PersonRepository } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  administers,
  outsideSubtree,
  readsUnit,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { CreatePersonDto, PersonDto, UnitHeadcountDto } from './dto/person.dto';
import { toPersonDto } from './person.mapper';

/** The people of a unit (individual nominees) and its headcount (for quotas). */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PersonRepository,
    private readonly tree: OrganisationTreeRepository,
  ) {}

  /** An organisation administrator alone reads the people of their subtree only; other roles
   * keep reading every unit's. */
  async list(user: AuthenticatedUser, unitId: string): Promise<PersonDto[]> {
    if (user.roles.includes('ORG_ADMIN')) {
      const unit = await this.tree.findNode(unitId);
      const actor = { roles: user.roles, unitPath: await this.tree.pathOfUnit(user.unitId) };
      if (unit && !readsUnit(actor, unit.path)) throw outsideSubtree(unit);
    }
    return (await this.people.listByUnit(unitId)).map(toPersonDto);
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
