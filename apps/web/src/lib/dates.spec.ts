import { describe, expect, it } from '@jest/globals';
import { daysBetween, formatDate, formatDateTime, todayInVietnam, weekdayOf } from './dates';

describe('dates on the Vietnamese calendar', () => {
  it('shows calendar dates as DD/MM/YYYY without shifting them', () => {
    expect(formatDate('2026-09-02')).toBe('02/09/2026');
    expect(formatDate(null)).toBe('—');
  });

  it('shows instants on the Asia/Ho_Chi_Minh clock', () => {
    // 16:59:59.999Z on 15 Dec is the last moment of 15 Dec in Vietnam (UTC+7).
    expect(formatDateTime('2026-12-15T16:59:59.999Z')).toBe('23:59 15/12/2026');
    expect(formatDateTime('2026-12-15T17:00:00.000Z', { seconds: true })).toBe(
      '00:00:00 16/12/2026',
    );
  });

  it("knows Vietnam's date near midnight UTC", () => {
    expect(todayInVietnam(Date.parse('2026-12-31T18:00:00Z'))).toBe('2027-01-01');
  });

  it('names weekdays in both languages', () => {
    expect(weekdayOf('2026-09-02', 'vi')).toBe('Thứ tư');
    expect(weekdayOf('2026-09-02', 'en')).toBe('Wednesday');
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30);
  });
});
