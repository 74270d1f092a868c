import { ProblemDetailsFilter, isTransientBackendError } from './problem-details.filter';

describe('errors of a dependency that is down', () => {
  it('tells outages (503, retry) from bugs (500)', () => {
    const noPoller = Object.assign(new Error('no poller seen for task queue recently'), {
      code: 4,
    });
    expect(isTransientBackendError(noPoller)).toBe(true);
    expect(isTransientBackendError(new Error('Connection terminated unexpectedly'))).toBe(true);
    const queryBufferFull = new Error('Failed to query Workflow', {
      cause: { code: 8, details: 'consistent query buffer is full' },
    });
    expect(isTransientBackendError(queryBufferFull)).toBe(true);
    expect(
      isTransientBackendError(new Error('query failed', { cause: { code: 'ECONNREFUSED' } })),
    ).toBe(true);
    expect(
      isTransientBackendError(new TypeError("Cannot read properties of undefined ('x')")),
    ).toBe(false);
    expect(isTransientBackendError('a string')).toBe(false);
    const poolTimeout = Object.assign(new Error('Timed out fetching a new connection'), {
      code: 'P2024',
    });
    expect(isTransientBackendError(poolTimeout)).toBe(true);
    expect(
      isTransientBackendError(
        new Error('Transaction API error: Unable to start a transaction in the given time.'),
      ),
    ).toBe(true);
    const uniqueViolation = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
    expect(isTransientBackendError(uniqueViolation)).toBe(false);
  });

  it('answers 503 with Retry-After and a Vietnamese message', () => {
    const filter = new ProblemDetailsFilter();
    const problem = filter.toProblem(
      new Error('Connection terminated unexpectedly'),
      'vi',
      '/cycles/x/run',
    );
    expect(problem.status).toBe(503);
    expect(problem.code).toBe('SERVICE_UNAVAILABLE');
    expect(problem.detail).toContain('tạm thời gián đoạn');
    expect(problem.params).toEqual({ retryAfterSeconds: 5 });
    expect(filter.toProblem(new Error('bug'), 'en', '/x').status).toBe(500);
  });
});
