import { describe, expect, it } from '@jest/globals';
import { ApiError, fieldErrorsFor, isProblem, toFormPath, valueAtPath } from './problem';

describe('toFormPath', () => {
  it('turns indexed API field names into dotted form paths', () => {
    expect(toFormPath('initiatives[0].attachments[12].url')).toBe(
      'initiatives.0.attachments.12.url',
    );
    expect(toFormPath('reason')).toBe('reason');
  });
});

describe('fieldErrorsFor', () => {
  const values = { reason: '', initiatives: [{ title: '', attachments: [{ url: 'x' }] }] };
  const hasField = (path: string) => valueAtPath(values, path) !== undefined;

  it('puts each violation next to the input it names and keeps the rest apart', () => {
    const { byField, unmatched } = fieldErrorsFor(
      [
        { field: 'initiatives[0].attachments[0].url', rule: 'isUrl', message: 'url must be a URL' },
        { field: 'reason', rule: 'length', message: 'too short' },
        { field: 'reason', rule: 'isString', message: 'must be text' },
        { field: 'unitId', rule: 'isUuid', message: 'unitId must be a UUID' },
      ],
      hasField,
    );
    expect(byField).toEqual({
      'initiatives.0.attachments.0.url': 'url must be a URL',
      reason: 'too short; must be text',
    });
    expect(unmatched.map((v) => v.field)).toEqual(['unitId']);
  });

  it('follows renames from API names to form paths', () => {
    const { byField } = fieldErrorsFor(
      [{ field: 'deadline', rule: 'matches', message: 'bad date' }],
      (path) => path === 'newDeadline',
      { deadline: 'newDeadline' },
    );
    expect(byField).toEqual({ newDeadline: 'bad date' });
  });

  it("puts a list element's violation on the input for the whole list", () => {
    const { byField } = fieldErrorsFor(
      [{ field: 'pledge.items[3]', rule: 'length', message: 'item 4 is too short' }],
      (path) => path === 'pledge.itemsText',
      { 'pledge.items': 'pledge.itemsText' },
    );
    expect(byField).toEqual({ 'pledge.itemsText': 'item 4 is too short' });
  });
});

describe(ApiError.name, () => {
  it('keeps the code, status and field errors of a problem', () => {
    const body = {
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'Dữ liệu không hợp lệ.',
      errors: [{ field: 'name', rule: 'length', message: 'name is too short' }],
    };
    expect(isProblem(body)).toBe(true);
    const error = new ApiError(body);
    expect([error.status, error.code, error.message, error.errors.length]).toEqual([
      400,
      'VALIDATION_FAILED',
      'Dữ liệu không hợp lệ.',
      1,
    ]);
    expect(isProblem({ message: 'no' })).toBe(false);
  });
});
