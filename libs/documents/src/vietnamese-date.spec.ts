import { documentTimestamp, vietnameseLongDate, vietnameseShortDate } from './vietnamese-date';

describe(vietnameseLongDate.name, () => {
  it('pads days below 10 and the months January and February only (Decree 30/2020)', () => {
    expect(vietnameseLongDate('2026-10-15')).toBe('ngày 15 tháng 10 năm 2026');
    expect(vietnameseLongDate('2026-03-05')).toBe('ngày 05 tháng 3 năm 2026');
    expect(vietnameseLongDate('2026-02-01')).toBe('ngày 01 tháng 02 năm 2026');
  });

  it('rejects a date that does not exist', () => {
    expect(() => vietnameseLongDate('2026-02-29')).toThrow(RangeError);
    expect(() => vietnameseLongDate('15/10/2026')).toThrow(RangeError);
  });
});

describe(vietnameseShortDate.name, () => {
  it('writes dd/mm/yyyy', () => {
    expect(vietnameseShortDate('2026-03-05')).toBe('05/03/2026');
  });
});

describe(documentTimestamp.name, () => {
  it('is midnight of the date in Vietnam', () => {
    expect(documentTimestamp('2026-10-15').toISOString()).toBe('2026-10-14T17:00:00.000Z');
  });
});
