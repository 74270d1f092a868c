import { addCalendarDays } from './vietnam-time';
import { VIETNAM_PUBLIC_HOLIDAYS_2026, WorkingDayCalendar } from './working-day-calendar';

const vn2026 = new WorkingDayCalendar(VIETNAM_PUBLIC_HOLIDAYS_2026);
const noHolidays = new WorkingDayCalendar([]);

describe(WorkingDayCalendar.name, () => {
  describe('isWorkingDay', () => {
    it.each([
      ['2026-01-02', true, 'a Friday'],
      ['2026-01-05', true, 'a Monday'],
      ['2026-01-03', false, 'a Saturday'],
      ['2026-01-04', false, 'a Sunday'],
      ['2026-01-01', false, 'New Year holiday'],
      ['2026-02-18', false, 'a weekday of Tết'],
      ['2026-04-27', false, 'the observed Hùng Kings day'],
      ['2026-09-02', false, 'National Day'],
      ['2026-02-23', true, 'the first Monday after Tết'],
    ])('treats %s as %s (%s)', (date, expected) => {
      expect(vn2026.isWorkingDay(date)).toBe(expected);
    });

    it('treats a weekday as working when it is not in the holiday list', () => {
      expect(noHolidays.isWorkingDay('2026-01-01')).toBe(true);
    });

    it('computes weekdays across years, including leap days', () => {
      expect(noHolidays.isWorkingDay('2024-02-29')).toBe(true); // Thursday
      expect(noHolidays.isWorkingDay('2028-02-26')).toBe(false); // Saturday
      expect(noHolidays.isWorkingDay('1999-12-31')).toBe(true); // Friday
    });

    it('rejects a string that is not a calendar date', () => {
      expect(() => vn2026.isWorkingDay('2026-02-30')).toThrow(RangeError);
      expect(() => vn2026.isWorkingDay('26-1-2')).toThrow(RangeError);
    });
  });

  it('rejects a holiday list with an invalid date', () => {
    expect(() => new WorkingDayCalendar(['2026-01-01', '2026-13-01'])).toThrow(RangeError);
  });

  it('accepts any iterable of holidays and ignores duplicates', () => {
    const calendar = new WorkingDayCalendar(new Set(['2026-01-05', '2026-01-05']));
    expect(calendar.nextWorkingDay('2026-01-05')).toBe('2026-01-06');
  });

  describe('nextWorkingDay', () => {
    it('returns a working day itself when inclusive', () => {
      expect(vn2026.nextWorkingDay('2026-01-02')).toBe('2026-01-02');
    });

    it('moves strictly forward when not inclusive', () => {
      expect(vn2026.nextWorkingDay('2026-01-02', false)).toBe('2026-01-05');
    });

    it('skips a holiday and then a weekend', () => {
      expect(vn2026.nextWorkingDay('2026-01-01')).toBe('2026-01-02');
      expect(vn2026.nextWorkingDay('2026-04-30')).toBe('2026-05-04');
    });

    it('skips the whole of Tết, weekends on both sides included', () => {
      expect(vn2026.nextWorkingDay('2026-02-14')).toBe('2026-02-23');
      expect(vn2026.nextWorkingDay('2026-02-13', false)).toBe('2026-02-23');
    });
  });

  describe('previousWorkingDay', () => {
    it('moves back over Tết and weekends', () => {
      expect(vn2026.previousWorkingDay('2026-02-22')).toBe('2026-02-13');
      expect(vn2026.previousWorkingDay('2026-02-23', false)).toBe('2026-02-13');
      expect(vn2026.previousWorkingDay('2026-02-23')).toBe('2026-02-23');
    });
  });

  describe('addWorkingDays', () => {
    it('counts working days after the start, not the start itself', () => {
      expect(vn2026.addWorkingDays('2026-01-05', 1)).toBe('2026-01-06');
      expect(vn2026.addWorkingDays('2026-01-05', 5)).toBe('2026-01-12');
    });

    it('snaps to the next working day when n is 0', () => {
      expect(vn2026.addWorkingDays('2026-01-02', 0)).toBe('2026-01-02');
      expect(vn2026.addWorkingDays('2026-01-03', 0)).toBe('2026-01-05');
    });

    it('counts from a non-working day as if from the working day before it', () => {
      expect(vn2026.addWorkingDays('2026-01-03', 1)).toBe('2026-01-05');
    });

    it('jumps over Tết spanning two weekends', () => {
      expect(vn2026.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
      expect(vn2026.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23');
      expect(noHolidays.addWorkingDays('2026-02-13', 1)).toBe('2026-02-16');
    });

    it('jumps over 30/4, 1/5 and the observed Hùng Kings day', () => {
      expect(vn2026.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
      expect(vn2026.addWorkingDays('2026-04-29', 1)).toBe('2026-05-04');
    });

    it('jumps over National Day', () => {
      expect(vn2026.addWorkingDays('2026-08-31', 1)).toBe('2026-09-03');
    });

    it('crosses a year boundary', () => {
      expect(vn2026.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    });

    it.each([-1, 1.5, Number.NaN])('rejects n = %s', (n) => {
      expect(() => vn2026.addWorkingDays('2026-01-05', n)).toThrow(RangeError);
    });
  });

  describe('subtractWorkingDays', () => {
    it('counts working days before the start, not the start itself', () => {
      expect(vn2026.subtractWorkingDays('2026-01-07', 1)).toBe('2026-01-06');
      expect(vn2026.subtractWorkingDays('2026-01-05', 1)).toBe('2026-01-02');
    });

    it('snaps to the previous working day when n is 0', () => {
      expect(vn2026.subtractWorkingDays('2026-01-03', 0)).toBe('2026-01-02');
      expect(vn2026.subtractWorkingDays('2026-01-06', 0)).toBe('2026-01-06');
    });

    it('skips holidays going backwards', () => {
      expect(vn2026.subtractWorkingDays('2026-02-23', 1)).toBe('2026-02-13');
      expect(vn2026.subtractWorkingDays('2026-05-04', 2)).toBe('2026-04-28');
      expect(vn2026.subtractWorkingDays('2026-01-05', 2)).toBe('2025-12-31');
    });

    it('rejects a negative n', () => {
      expect(() => vn2026.subtractWorkingDays('2026-01-05', -2)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days in (from, to]', () => {
      expect(vn2026.workingDaysBetween('2026-01-05', '2026-01-09')).toBe(4);
      expect(vn2026.workingDaysBetween('2026-01-02', '2026-01-31')).toBe(20);
    });

    it('counts a whole Tết fortnight as very few working days', () => {
      expect(vn2026.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    });

    it('returns 0 when to is not after from', () => {
      expect(vn2026.workingDaysBetween('2026-01-05', '2026-01-05')).toBe(0);
      expect(vn2026.workingDaysBetween('2026-01-09', '2026-01-05')).toBe(0);
    });

    it('finds 250 working days in 2026', () => {
      expect(vn2026.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
    });

    it('inverts addWorkingDays and subtractWorkingDays', () => {
      for (let offset = 0; offset < 60; offset += 3) {
        const start = addCalendarDays('2026-01-01', offset);
        for (const n of [1, 2, 5, 10, 23]) {
          const end = vn2026.addWorkingDays(start, n);
          expect(vn2026.workingDaysBetween(start, end)).toBe(n);
          expect(vn2026.subtractWorkingDays(end, n)).toBe(vn2026.previousWorkingDay(start));
        }
      }
    });
  });
});

describe('VIETNAM_PUBLIC_HOLIDAYS_2026', () => {
  it('lists 11 distinct weekdays of 2026, Tết included', () => {
    expect(new Set(VIETNAM_PUBLIC_HOLIDAYS_2026).size).toBe(11);
    for (const day of VIETNAM_PUBLIC_HOLIDAYS_2026) {
      expect(day.startsWith('2026-')).toBe(true);
      expect(noHolidays.isWorkingDay(day)).toBe(true);
    }
    expect(VIETNAM_PUBLIC_HOLIDAYS_2026).toEqual(
      expect.arrayContaining(['2026-02-16', '2026-02-20', '2026-04-27', '2026-09-01']),
    );
  });
});
