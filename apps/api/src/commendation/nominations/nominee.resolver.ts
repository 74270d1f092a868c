import { Injectable } from '@nestjs/common';
import {
  NominationSubmissionRepository,
  type NomineeRef,
  type ProposerUnitRecord,
} from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { RequestValidationException } from '../../common/request-validation.exception';

/** Who or what is nominated, as a nomination or a proposal list's entry names it. */
export interface NomineeChoice {
  nomineeKind: 'UNIT' | 'PERSON' | 'INITIATIVE';
  nomineeUnitId?: string;
  nomineePersonId?: string;
  nomineeInitiativeId?: string;
}

/**
 * Who an organisation nominates: a collective, an individual or a model of its subtree (itself or
 * an organisation beneath it, by path prefix), so a committee's office proposes its base
 * organisations, which need no login of their own. The nominee's unit is the one the achievement
 * belongs to (quotas, the cluster step and "never approves itself" count by it).
 */
@Injectable()
export class NomineeResolver {
  constructor(private readonly repo: NominationSubmissionRepository) {}

  async resolve(unitId: string, dto: NomineeChoice): Promise<NomineeRef> {
    const need = (field: string) =>
      new RequestValidationException([
        {
          field,
          rule: 'isUuid',
          message: `${field} is required for nomineeKind ${dto.nomineeKind}`,
        },
      ]);
    const proposer = await this.repo.findUnit(unitId);
    if (!proposer) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    if (dto.nomineeKind === 'UNIT') {
      if (!dto.nomineeUnitId) throw need('nomineeUnitId');
      const unit =
        dto.nomineeUnitId === unitId ? proposer : await this.repo.findUnit(dto.nomineeUnitId);
      this.assertInSubtree(proposer, unit);
      return {
        kind: 'UNIT',
        key: `unit:${unit.id}`,
        name: unit.name,
        unitId: unit.id,
        nomineeUnitId: unit.id,
      };
    }
    if (dto.nomineeKind === 'PERSON') {
      if (!dto.nomineePersonId) throw need('nomineePersonId');
      const person = await this.repo.findPerson(dto.nomineePersonId);
      if (!person) throw new DomainException(DomainErrorCode.NotFound, { entity: 'cá nhân' });
      await this.assertUnitInSubtree(proposer, person.unitId);
      return {
        kind: 'PERSON',
        key: `person:${person.id}`,
        name: person.fullName,
        unitId: person.unitId,
        nomineePersonId: person.id,
      };
    }
    if (!dto.nomineeInitiativeId) throw need('nomineeInitiativeId');
    const initiative = await this.repo.findInitiative(dto.nomineeInitiativeId);
    if (!initiative) throw new DomainException(DomainErrorCode.NotFound, { entity: 'mô hình' });
    await this.assertUnitInSubtree(proposer, initiative.registeredByUnitId);
    return {
      kind: 'INITIATIVE',
      key: `initiative:${initiative.id}`,
      name: initiative.title,
      unitId: initiative.registeredByUnitId,
      nomineeInitiativeId: initiative.id,
    };
  }

  private async assertUnitInSubtree(proposer: ProposerUnitRecord, unitId: string): Promise<void> {
    if (unitId === proposer.id) return;
    this.assertInSubtree(proposer, await this.repo.findUnit(unitId));
  }

  /**
   * The nominee's unit must be the proposer or beneath it. A unit not placed in the organisation
   * tree (no path) has no subtree: it nominates only itself, refused as before with
   * NOT_PROPOSER_UNIT; a placed one is told the nominee lies outside its subtree.
   */
  private assertInSubtree(
    proposer: ProposerUnitRecord,
    unit: ProposerUnitRecord | null,
  ): asserts unit is ProposerUnitRecord {
    if (unit && (unit.id === proposer.id || isBeneath(proposer, unit))) return;
    if (!proposer.path) throw new DomainException(DomainErrorCode.NotProposerUnit);
    if (!unit) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    throw new DomainException(DomainErrorCode.OutsideSubtree, {
      unit: unit.name,
      scope: proposer.name,
    });
  }
}

const isBeneath = (ancestor: ProposerUnitRecord, unit: ProposerUnitRecord): boolean =>
  ancestor.path.length > 0 && unit.path.startsWith(ancestor.path);
