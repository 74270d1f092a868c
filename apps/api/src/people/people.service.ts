import { Injectable } from '@nestjs/common';
import { PersonRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { CreatePersonDto, PersonDto, UnitHeadcountDto } from './dto/person.dto';
import { toPersonDto } from './person.mapper';

/** The people of a unit (individual nominees) and its headcount (for quotas). */
@Injectable()
export class PeopleService {
  constructor(private readonly people: PersonRepository) {}

  async list(unitId: string): Promise<PersonDto[]> {
    return (await this.people.listByUnit(unitId)).map(toPersonDto);
  }

  async add(user: AuthenticatedUser, unitId: string, dto: CreatePersonDto): Promise<PersonDto> {
    assertOwnUnit(user, unitId);
    // An administrator may name any unit: an unknown one is a 404, not a foreign-key failure.
    if (!(await this.people.unitExists(unitId)))
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    const person = await this.people.create(
      { unitId, fullName: dto.fullName, position: dto.position, birthYear: dto.birthYear },
      user.userId,
    );
    return toPersonDto(person);
  }

  setHeadcount(
    user: AuthenticatedUser,
    unitId: string,
    headcount: number,
  ): Promise<UnitHeadcountDto> {
    assertOwnUnit(user, unitId);
    return this.people.setHeadcount(unitId, headcount, user.userId);
  }
}

function assertOwnUnit(user: AuthenticatedUser, unitId: string): void {
  if (!user.roles.includes('ADMIN') && user.unitId !== unitId) {
    throw new DomainException(DomainErrorCode.WrongUnit);
  }
}
