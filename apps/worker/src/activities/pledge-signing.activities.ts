import { Injectable } from '@nestjs/common';
import type {
  CountersignedEvent,
  DeadlineExtendedEvent,
  PledgeAmendedEvent,
  PledgeSigningActivities,
  RecordedAt,
  RoundOpenedEvent,
  RoundOverdueEvent,
  UnitDecisionEvent,
} from '@epw/contracts';
import { SigningRoundRepository } from '@epw/data-access';

/** One side effect each: persist the accepted action and its audit entry (idempotent by eventKey). */
@Injectable()
export class PledgeSigningActivitiesImpl implements PledgeSigningActivities {
  constructor(private readonly rounds: SigningRoundRepository) {}

  async recordRoundOpened(event: RoundOpenedEvent): Promise<RecordedAt> {
    return recorded(await this.rounds.recordRoundOpened(event));
  }

  async recordUnitDecision(event: UnitDecisionEvent): Promise<RecordedAt> {
    return recorded(await this.rounds.recordUnitDecision(event));
  }

  async recordPledgeAmended(event: PledgeAmendedEvent): Promise<RecordedAt> {
    return recorded(await this.rounds.recordPledgeAmended(event));
  }

  async recordDeadlineExtended(event: DeadlineExtendedEvent): Promise<RecordedAt> {
    return recorded(await this.rounds.recordDeadlineExtended(event));
  }

  async recordRoundOverdue(event: RoundOverdueEvent): Promise<RecordedAt> {
    return recorded(await this.rounds.recordRoundOverdue(event));
  }

  async recordCountersigned(event: CountersignedEvent): Promise<RecordedAt> {
    return recorded(await this.rounds.recordCountersigned(event));
  }
}

function recorded(at: Date): RecordedAt {
  return { recordedAt: at.toISOString() };
}
