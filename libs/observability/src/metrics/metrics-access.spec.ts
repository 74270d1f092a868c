import { metricsAccess } from './metrics-access';

describe(metricsAccess.name, () => {
  it('serves direct requests from this machine when no token is set', () => {
    expect(metricsAccess(null, {}, '127.0.0.1')).toBe('allowed');
    expect(metricsAccess(null, {}, '::1')).toBe('allowed');
    expect(metricsAccess(null, {}, '::ffff:127.0.0.1')).toBe('allowed');
  });

  it('refuses other machines and requests forwarded by a local proxy when no token is set', () => {
    expect(metricsAccess(null, {}, '10.0.0.5')).toBe('forbidden');
    expect(metricsAccess(null, {}, undefined)).toBe('forbidden');
    expect(metricsAccess(null, { 'x-forwarded-for': '203.0.113.9' }, '127.0.0.1')).toBe(
      'forbidden',
    );
    expect(metricsAccess(null, { forwarded: 'for=203.0.113.9' }, '127.0.0.1')).toBe('forbidden');
  });

  it('requires the bearer token from everyone once one is set', () => {
    const token = 'a-metrics-token-of-32-characters';
    expect(metricsAccess(token, { authorization: `Bearer ${token}` }, '10.0.0.5')).toBe('allowed');
    expect(metricsAccess(token, {}, '127.0.0.1')).toBe('unauthorized');
    expect(metricsAccess(token, { authorization: `Bearer ${token}x` }, '127.0.0.1')).toBe(
      'unauthorized',
    );
    expect(metricsAccess(token, { authorization: `Basic ${token}` }, '127.0.0.1')).toBe(
      'unauthorized',
    );
  });
});
