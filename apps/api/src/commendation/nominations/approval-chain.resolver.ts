import { Injectable } from '@nestjs/common';
import { NominationSubmissionRepository, type LoadedAwardFormRecord } from '@epw/data-access';
import { DomainErrorCode, DomainException, type ResolvedStep } from '@epw/domain';

/** The chain of an award form, with each step's acting unit (and council) for one nomination. */
@Injectable()
export class ApprovalChainResolver {
  constructor(private readonly repo: NominationSubmissionRepository) {}

  async resolve(
    form: LoadedAwardFormRecord,
    proposerUnitId: string,
    nomineeUnitId: string,
    year: number,
  ): Promise<ResolvedStep[]> {
    const proposer = await this.repo.findUnit(proposerUnitId);
    if (!proposer) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    const steps: ResolvedStep[] = [];
    for (const step of form.content.chain) {
      if (step.actor === 'PROPOSER_HEAD') {
        steps.push({
          ...step,
          actorUnitId: proposer.id,
          actorUnitName: proposer.name,
          actorRole: 'UNIT_SIGNER',
        });
      } else if (step.actor === 'CLUSTER_HEAD') {
        const head = await this.clusterHeadFor(nomineeUnitId, year);
        steps.push({
          ...step,
          actorUnitId: head.id,
          actorUnitName: head.name,
          actorRole: 'UNIT_SIGNER',
        });
      } else if (step.actor === 'AUTHORITY_BOARD') {
        steps.push({
          ...step,
          actorUnitId: form.authority.id,
          actorUnitName: form.authority.name,
          actorRole: 'REVIEWER',
        });
      } else {
        const members = await this.repo.councilMemberIds(form.authority.id);
        if (members.length === 0) {
          throw new DomainException(DomainErrorCode.AwardFormInvalid, {
            field: `chain.${step.key}`,
            rule: `${form.authority.name} has no council members`,
          });
        }
        steps.push({
          ...step,
          actorUnitId: form.authority.id,
          actorUnitName: form.authority.name,
          actorRole: 'COUNCIL_MEMBER',
          councilMemberUserIds: members,
        });
      }
    }
    return steps;
  }

  /** The cluster head reviews its members' nominations; for the head's own, the deputy does
   * (a unit never approves itself). */
  private async clusterHeadFor(
    unitId: string,
    year: number,
  ): Promise<{ id: string; name: string }> {
    const leaders = await this.repo.clusterLeadersOf(unitId, year);
    if (!leaders) throw new DomainException(DomainErrorCode.UnitNotMember, { unitId });
    const head = leaders.find((l) => l.role === 'HEAD');
    const deputy = leaders.find((l) => l.role === 'DEPUTY');
    const pick =
      head && head.unitId !== unitId ? head : deputy && deputy.unitId !== unitId ? deputy : null;
    if (!pick) throw new DomainException(DomainErrorCode.NotClusterHead);
    return pick.unit;
  }
}
