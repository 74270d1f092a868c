import { HOLIDAY_DATES_TTL_MS, forgetHolidayDates, holidayDates } from './holiday-dates';

describe('the holiday dates read once a minute', () => {
  beforeEach(() => forgetHolidayDates());

  it('reads once within the interval, again after it, and at once after a change', async () => {
    const load = jest.fn(() => Promise.resolve(['2026-09-02']));
    expect(await holidayDates(load, 1_000)).toEqual(['2026-09-02']);
    expect(await holidayDates(load, 1_000 + HOLIDAY_DATES_TTL_MS - 1)).toEqual(['2026-09-02']);
    expect(load).toHaveBeenCalledTimes(1);
    await holidayDates(load, 1_000 + HOLIDAY_DATES_TTL_MS);
    expect(load).toHaveBeenCalledTimes(2);
    forgetHolidayDates();
    await holidayDates(load, 1_000 + HOLIDAY_DATES_TTL_MS);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed read', async () => {
    const failing = jest.fn(
      (): Promise<string[]> => Promise.reject(new Error('connection refused')),
    );
    await expect(holidayDates(failing, 5_000)).rejects.toThrow('connection refused');
    const load = jest.fn(() => Promise.resolve(['2026-04-30']));
    expect(await holidayDates(load, 5_001)).toEqual(['2026-04-30']);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
