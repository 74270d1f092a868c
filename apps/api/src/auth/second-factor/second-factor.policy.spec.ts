import {
  mustEnrolFirst,
  secondFactorRequiredFor,
  type SecondFactorPolicy,
  stepUpFresh,
} from './second-factor.policy';

const policy = (enforcement: SecondFactorPolicy['enforcement']): SecondFactorPolicy => ({
  enforcement,
  requiredRoles: ['ADMIN', 'ORG_ADMIN', 'AUTHORITY', 'COUNCIL_MEMBER', 'UNIT_SIGNER'],
  stepUpSeconds: 300,
});

describe('second-factor policy', () => {
  it('requires it of the listed roles unless enforcement is off', () => {
    expect(secondFactorRequiredFor(['UNIT_SIGNER'], policy('required'))).toBe(true);
    expect(secondFactorRequiredFor(['UNIT_OFFICER', 'COUNCIL_MEMBER'], policy('enrol'))).toBe(true);
    expect(secondFactorRequiredFor(['UNIT_OFFICER', 'REVIEWER'], policy('required'))).toBe(false);
    expect(secondFactorRequiredFor(['ADMIN'], policy('off'))).toBe(false);
  });

  it('keeps an account to its enrolment only when required and not yet enrolled', () => {
    expect(mustEnrolFirst(['AUTHORITY'], false, policy('required'))).toBe(true);
    expect(mustEnrolFirst(['AUTHORITY'], true, policy('required'))).toBe(false);
    expect(mustEnrolFirst(['AUTHORITY'], false, policy('enrol'))).toBe(false);
    expect(mustEnrolFirst(['UNIT_OFFICER'], false, policy('required'))).toBe(false);
  });

  it('counts a check as recent for the step-up window only', () => {
    const now = Date.UTC(2026, 11, 4, 8, 0, 0);
    const at = (secondsAgo: number) => now / 1000 - secondsAgo;
    expect(stepUpFresh(at(10), now, { stepUpSeconds: 300 })).toBe(true);
    expect(stepUpFresh(at(300), now, { stepUpSeconds: 300 })).toBe(true);
    expect(stepUpFresh(at(301), now, { stepUpSeconds: 300 })).toBe(false);
    expect(stepUpFresh(at(-5), now, { stepUpSeconds: 300 })).toBe(true);
    expect(stepUpFresh(undefined, now, { stepUpSeconds: 300 })).toBe(false);
  });
});
