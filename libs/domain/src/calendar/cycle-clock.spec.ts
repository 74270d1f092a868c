import { CycleClock } from './cycle-clock';
import {
  addCalendarDays,
  endOfVietnamDay,
  formatVietnamDateTime,
  isCalendarDate,
  startOfVietnamDay,
  toVietnamDate,
} from './vietnam-time';

describe('Vietnam calendar dates', () => {
  it('a date starts at 00:00 in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(new Date(startOfVietnamDay('2026-10-15')).toISOString()).toBe(
      '2026-10-14T17:00:00.000Z',
    );
    expect(new Date(endOfVietnamDay('2026-10-31')).toISOString()).toBe('2026-10-31T16:59:59.999Z');
  });

  it('converts instants back to the Vietnamese date', () => {
    expect(toVietnamDate(Date.parse('2026-10-14T17:00:00Z'))).toBe('2026-10-15');
    expect(toVietnamDate(Date.parse('2026-10-14T16:59:59Z'))).toBe('2026-10-14');
    expect(formatVietnamDateTime(Date.parse('2026-10-14T17:30:00Z'))).toBe('15/10/2026 00:30');
  });

  it('rejects dates that do not exist', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
    expect(() => startOfVietnamDay('2026-02-30')).toThrow(RangeError);
  });

  it('adds calendar days across month ends', () => {
    expect(addCalendarDays('2026-01-30', 3)).toBe('2026-02-02');
  });
});

describe(CycleClock.name, () => {
  it('is the identity on the real calendar', () => {
    const clock = CycleClock.real('2026-01-01');
    expect(clock.deadlineOf('2026-08-31')).toBe(endOfVietnamDay('2026-08-31'));
  });

  it('scales an accelerated year into real minutes from its epoch', () => {
    const epoch = Date.parse('2026-11-21T08:00:00Z');
    const yearInTenMinutes = (365 * 24 * 60) / 10;
    const clock = new CycleClock('2026-01-01', epoch, yearInTenMinutes);
    const end = clock.deadlineOf('2026-12-31');
    expect(end - epoch).toBeGreaterThan(599_000);
    expect(end - epoch).toBeLessThanOrEqual(600_000);
    expect(toVietnamDate(clock.toCalendarInstant(epoch + 300_000))).toBe('2026-07-02');
    expect(clock.realDuration(1)).toBe(Math.round(86_400_000 / yearInTenMinutes));
  });

  it('refuses a scale below 1', () => {
    expect(() => new CycleClock('2026-01-01', 0, 0.5)).toThrow(RangeError);
  });
});
