import {
  type AwardPeriod,
  type AwardPeriodKind,
  awardPeriodKey,
  awardPeriodViolation,
  normalizeAwardPeriod,
  toVietnamDate,
} from '@epw/domain';
import { RequestValidationException } from '../../common/request-validation.exception';
import { wellFormedPeriod } from '../award-period.dto';
import type { CreateNominationDto } from './dto/nomination.dto';

/** The movement and period a nomination's achievement belongs to. */
export interface AchievementScopeOfNomination {
  movementCode: string | null;
  movementName: string | null;
  period: Required<AwardPeriod>;
}

/** What a cycle says of its movement and period. */
export interface CycleScope {
  startsOn: Date;
  endsOn: Date;
  movementCode: string;
  movementName: string;
  periodKind: AwardPeriodKind;
  periodLabel: string;
}

const refuse = (field: string, rule: string, message: string) =>
  new RequestValidationException([{ field, rule, message }]);

/**
 * The period a cycle runs for, from its label (`2026`, `2026-Q3`, `2021-2023`, as cycles are
 * created) or, for a label of another shape, from its dates.
 */
export function periodOfCycle(c: CycleScope): Required<AwardPeriod> {
  const startYear = c.startsOn.getUTCFullYear();
  const endYear = c.endsOn.getUTCFullYear();
  let period: AwardPeriod;
  if (c.periodKind === 'PHASE') {
    const m = /^(\d{4})-(\d{4})$/.exec(c.periodLabel);
    period = m
      ? { kind: 'PHASE', startYear: Number(m[1]), year: Number(m[2]) }
      : { kind: 'PHASE', startYear, year: endYear };
  } else if (c.periodKind === 'QUARTER') {
    const m = /^(\d{4})-Q([1-4])$/.exec(c.periodLabel);
    period = m
      ? { kind: 'QUARTER', year: Number(m[1]), quarter: Number(m[2]) }
      : { kind: 'QUARTER', year: startYear, quarter: Math.floor(c.startsOn.getUTCMonth() / 3) + 1 };
  } else {
    period = {
      kind: 'YEAR',
      year: /^\d{4}$/.test(c.periodLabel) ? Number(c.periodLabel) : startYear,
    };
  }
  // A cycle whose dates do not make a period (a "phase" within one year) counts as its first year.
  return awardPeriodViolation(period)
    ? normalizeAwardPeriod({ kind: 'YEAR', year: startYear })
    : normalizeAwardPeriod(period);
}

const samePeriod = (a: AwardPeriod, b: AwardPeriod) =>
  awardPeriodKey(normalizeAwardPeriod(a)) === awardPeriodKey(normalizeAwardPeriod(b));

/**
 * The movement and period of a nomination. A nomination of a cycle's results takes the cycle's
 * movement and period (what the request says of them must agree); otherwise the request's period,
 * or the year `year` (default: this year), under the request's movement if any. A period that is
 * not well-formed, or disagrees with the cycle or with `year`, is a 400 naming the field and rule.
 */
export function achievementScopeOf(
  dto: Pick<CreateNominationDto, 'year' | 'period' | 'movementCode' | 'movementName'>,
  cycle: CycleScope | null,
  now = Date.now(),
): AchievementScopeOfNomination {
  const requested = dto.period ? wellFormedPeriod(dto.period) : null;
  if (dto.movementName !== undefined && !dto.movementCode && !cycle) {
    throw refuse('movementCode', 'isDefined', 'movementCode is required with movementName');
  }
  if (cycle) {
    const period = periodOfCycle(cycle);
    const key = awardPeriodKey(period);
    if (requested && !samePeriod(requested, period)) {
      throw refuse('period', 'matchesCycle', `period must be the cycle's (${period.kind} ${key})`);
    }
    if (dto.year !== undefined && dto.year !== period.year) {
      throw refuse('year', 'matchesCycle', `year must be the cycle period's last year (${key})`);
    }
    if (dto.movementCode !== undefined && dto.movementCode !== cycle.movementCode) {
      throw refuse(
        'movementCode',
        'matchesCycle',
        `movementCode must be the cycle's (${cycle.movementCode})`,
      );
    }
    return { movementCode: cycle.movementCode, movementName: cycle.movementName, period };
  }
  if (requested && dto.year !== undefined && dto.year !== requested.year) {
    throw refuse('year', 'matchesPeriod', "year must be the period's last year (period.year)");
  }
  const period =
    requested ??
    wellFormedPeriod({ kind: 'YEAR', year: dto.year ?? Number(toVietnamDate(now).slice(0, 4)) });
  return {
    movementCode: dto.movementCode ?? null,
    movementName: dto.movementCode ? (dto.movementName ?? null) : null,
    period,
  };
}
