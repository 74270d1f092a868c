import { Injectable } from '@nestjs/common';
import { NominationSubmissionRepository, type NomineeRef } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { RequestValidationException } from '../../common/request-validation.exception';
import type { CreateNominationDto } from './dto/nomination.dto';

/** Who a unit nominates: itself, one of its people, or a model it registered (never another
 * unit's). */
@Injectable()
export class NomineeResolver {
  constructor(private readonly repo: NominationSubmissionRepository) {}

  async resolve(unitId: string, dto: CreateNominationDto): Promise<NomineeRef> {
    const need = (field: string) =>
      new RequestValidationException([
        {
          field,
          rule: 'isUuid',
          message: `${field} is required for nomineeKind ${dto.nomineeKind}`,
        },
      ]);
    if (dto.nomineeKind === 'UNIT') {
      if (!dto.nomineeUnitId) throw need('nomineeUnitId');
      if (dto.nomineeUnitId !== unitId) throw new DomainException(DomainErrorCode.NotProposerUnit);
      const unit = await this.repo.findUnit(unitId);
      if (!unit) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
      return {
        kind: 'UNIT',
        key: `unit:${unit.id}`,
        name: unit.name,
        unitId,
        nomineeUnitId: unit.id,
      };
    }
    if (dto.nomineeKind === 'PERSON') {
      if (!dto.nomineePersonId) throw need('nomineePersonId');
      const person = await this.repo.findPerson(dto.nomineePersonId);
      if (!person) throw new DomainException(DomainErrorCode.NotFound, { entity: 'cá nhân' });
      if (person.unitId !== unitId) throw new DomainException(DomainErrorCode.NotProposerUnit);
      return {
        kind: 'PERSON',
        key: `person:${person.id}`,
        name: person.fullName,
        unitId,
        nomineePersonId: person.id,
      };
    }
    if (!dto.nomineeInitiativeId) throw need('nomineeInitiativeId');
    const initiative = await this.repo.findInitiative(dto.nomineeInitiativeId);
    if (!initiative) throw new DomainException(DomainErrorCode.NotFound, { entity: 'mô hình' });
    if (initiative.registeredByUnitId !== unitId)
      throw new DomainException(DomainErrorCode.NotProposerUnit);
    return {
      kind: 'INITIATIVE',
      key: `initiative:${initiative.id}`,
      name: initiative.title,
      unitId,
      nomineeInitiativeId: initiative.id,
    };
  }
}
