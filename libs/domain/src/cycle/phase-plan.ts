import {
  type CalendarDate,
  addCalendarDays,
  isCalendarDate,
  startOfVietnamDay,
} from '../calendar/vietnam-time';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { PHASES, type PhaseCode, type PhaseTemplate, type PlannedPhase } from './rule-set.types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Absorbs binary-fraction noise such as 0.29 × 100 = 28.999999999999996, which would otherwise
 * open a phase a day early. */
const FLOOR_TOLERANCE = 1e-9;

function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/**
 * Lays the rule set's phase templates over one period (a year, a quarter, a multi-year phase).
 * Phases never leave the period: one that would open or close after its end is cut back to the
 * last day, because a cycle's work must be finished inside the cycle.
 */
export function planPhases(
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  templates: PhaseTemplate[],
  calendar: WorkingDayCalendar,
): PlannedPhase[] {
  if (!isCalendarDate(periodStart)) throw new RangeError(`not a calendar date: ${periodStart}`);
  if (!isCalendarDate(periodEnd)) throw new RangeError(`not a calendar date: ${periodEnd}`);
  if (periodEnd < periodStart) {
    throw new RangeError(`period ends (${periodEnd}) before it starts (${periodStart})`);
  }
  const periodDays =
    Math.round((startOfVietnamDay(periodEnd) - startOfVietnamDay(periodStart)) / DAY_MS) + 1;

  const seen = new Set<PhaseCode>();
  const planned = templates.map((template): PlannedPhase => {
    const { phase, opensAtFraction, durationWorkingDays } = template;
    if (!PHASES.includes(phase)) throw new RangeError(`unknown phase: ${String(phase)}`);
    if (seen.has(phase)) throw new RangeError(`phase ${phase} appears more than once`);
    seen.add(phase);
    if (!(opensAtFraction >= 0 && opensAtFraction <= 1)) {
      throw new RangeError(`phase ${phase}: opensAtFraction must be in [0, 1]`);
    }
    if (!Number.isInteger(durationWorkingDays) || durationWorkingDays < 1) {
      throw new RangeError(`phase ${phase}: durationWorkingDays must be an integer >= 1`);
    }

    const offset = Math.floor(opensAtFraction * (periodDays - 1) + FLOOR_TOLERANCE);
    const opens = calendar.nextWorkingDay(addCalendarDays(periodStart, offset));
    // The opening day is itself the first working day of the phase.
    const closes = calendar.addWorkingDays(opens, durationWorkingDays - 1);
    const opensOn = minDate(opens, periodEnd);
    const closesOn = maxDate(minDate(closes, periodEnd), opensOn);
    return { phase, opensOn, closesOn };
  });

  return planned.sort((a, b) =>
    a.opensOn === b.opensOn
      ? PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase)
      : a.opensOn < b.opensOn
        ? -1
        : 1,
  );
}
