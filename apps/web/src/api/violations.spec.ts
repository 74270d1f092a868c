import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { describeViolation } from './violations';

// A stand-in for i18next's t: the key and its values, so the test reads what was asked for.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('describeViolation', () => {
  it("keeps the API's English message for English", () => {
    const v = {
      field: 'reason',
      rule: 'isLength',
      message: 'reason must be longer than or equal to 10 characters',
    };
    expect(describeViolation(v, t, 'en')).toBe(v.message);
  });

  it('words length limits in Vietnamese with the limit from the message', () => {
    expect(
      describeViolation(
        {
          field: 'reason',
          rule: 'isLength',
          message: 'reason must be longer than or equal to 10 characters',
        },
        t,
        'vi',
      ),
    ).toBe('rules.minLength {"n":"10"}');
    expect(
      describeViolation(
        {
          field: 'name',
          rule: 'isLength',
          message: 'name must be shorter than or equal to 200 characters',
        },
        t,
        'vi',
      ),
    ).toBe('rules.maxLength {"n":"200"}');
  });

  it('words a refused signing certificate in Vietnamese, by its rule', () => {
    const v = {
      field: 'certificateBase64',
      rule: 'trustedIssuer',
      message: 'the certificate does not chain to a CA this deployment trusts (bad signature)',
    };
    expect(describeViolation(v, t, 'vi')).toBe('rules.trustedIssuer');
    expect(describeViolation(v, t, 'en')).toBe(v.message);
  });

  it('falls back to the API message for rules it does not know', () => {
    const v = { field: 'x', rule: 'somethingNew', message: 'x is odd' };
    expect(describeViolation(v, t, 'vi')).toBe('x is odd');
  });
});
