import { CRON_PATTERN, reversedCronRange } from './cron-expression';

describe('cron expressions of schedules', () => {
  it.each(['0 0 1 1 *', '*/15 8-18/2 * * MON-FRI', '0,30 7 1-15 jan-mar 0', '59 23 31 12 7'])(
    'accepts %s',
    (cron) => {
      expect(CRON_PATTERN.test(cron)).toBe(true);
      expect(reversedCronRange(cron)).toBeNull();
    },
  );

  it.each([
    '0 0 1 1',
    '60 0 1 1 *',
    '0 24 * * *',
    '0 0 0 1 *',
    '0 0 1 13 *',
    '0 0 1 1 8',
    '* * * * * *',
  ])('refuses %s by its shape', (cron) => expect(CRON_PATTERN.test(cron)).toBe(false));

  it('names a range that runs backwards', () => {
    expect(reversedCronRange('0 0 5-1 * *')).toBe('5-1');
    expect(reversedCronRange('0 0 * DEC-JAN *')).toBe('DEC-JAN');
    expect(reversedCronRange('0 0 * * FRI-MON')).toBe('FRI-MON');
  });
});
