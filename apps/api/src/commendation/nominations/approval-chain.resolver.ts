import { Injectable } from '@nestjs/common';
import { NominationSubmissionRepository, type LoadedAwardFormRecord } from '@epw/data-access';
import { DomainErrorCode, DomainException, type ResolvedStep } from '@epw/domain';

/**
 * The chain of an award form, with each step's acting unit (and council) for one nomination,
 * resolved through the organisation tree: the proposer, its parent, the cluster (a step only when
 * the nominee's unit or the proposer is in one that year: otherwise skipped), and the deciding
 * organisation's board and council. The workflow walks the resolved steps as given.
 */
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
      } else if (step.actor === 'PARENT_ORG') {
        const parent = proposer.parentId ? await this.repo.findUnit(proposer.parentId) : null;
        if (!parent) {
          throw new DomainException(DomainErrorCode.AwardFormInvalid, {
            field: `chain.${step.key}`,
            rule: `${proposer.name} has no superior organisation (PARENT_ORG)`,
          });
        }
        steps.push({
          ...step,
          actorUnitId: parent.id,
          actorUnitName: parent.name,
          actorRole: 'UNIT_SIGNER',
        });
      } else if (step.actor === 'CLUSTER_HEAD') {
        const head = await this.clusterHeadFor(nomineeUnitId, proposer.id, year);
        // In no cluster that year: a cluster is one possible step, not the only path.
        if (!head) continue;
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

  /** The cluster head reviews its members' nominations; for the head's own (nominee or
   * proposer), the deputy does (a unit never approves itself). The nominee's unit's cluster
   * counts, else the proposer's; null when neither is in a cluster that year. */
  private async clusterHeadFor(
    nomineeUnitId: string,
    proposerUnitId: string,
    year: number,
  ): Promise<{ id: string; name: string } | null> {
    const leaders =
      (await this.repo.clusterLeadersOf(nomineeUnitId, year)) ??
      (proposerUnitId !== nomineeUnitId
        ? await this.repo.clusterLeadersOf(proposerUnitId, year)
        : null);
    if (!leaders) return null;
    const own = (unitId: string) => unitId === nomineeUnitId || unitId === proposerUnitId;
    const head = leaders.find((l) => l.role === 'HEAD');
    const deputy = leaders.find((l) => l.role === 'DEPUTY');
    const pick = head && !own(head.unitId) ? head : deputy && !own(deputy.unitId) ? deputy : null;
    if (!pick) throw new DomainException(DomainErrorCode.NotClusterHead);
    return pick.unit;
  }
}
