import type { UserRepository } from '@epw/data-access';
import { AuthService } from './auth.service';
import type { LoginThrottleService } from './login-throttle.service';
import type { SecondFactorService } from './second-factor/second-factor.service';
import type { TokenService } from './token.service';

describe('AuthService.login and the failed-login throttle', () => {
  const throttle = {
    begin: jest.fn(() => Promise.resolve()),
    succeeded: jest.fn(() => Promise.resolve()),
    abandoned: jest.fn(() => Promise.resolve()),
  };
  beforeEach(() => jest.clearAllMocks());

  it('gives the slot back when the database fails: an outage is not a wrong password', async () => {
    const users = {
      findByUsername: jest.fn(() => Promise.reject(new Error('Connection terminated'))),
    };
    const auth = new AuthService(
      users as unknown as UserRepository,
      {} as TokenService,
      throttle as unknown as LoginThrottleService,
      {} as SecondFactorService,
    );
    await expect(auth.login('duk-yt.signer', 'demo-2026', '10.0.0.1')).rejects.toThrow(
      'Connection terminated',
    );
    expect(throttle.begin).toHaveBeenCalledWith('duk-yt.signer', '10.0.0.1');
    expect(throttle.abandoned).toHaveBeenCalledWith('duk-yt.signer', '10.0.0.1');
    expect(throttle.succeeded).not.toHaveBeenCalled();
  });

  it('keeps the slot of an unknown user (a failure)', async () => {
    const users = { findByUsername: jest.fn(() => Promise.resolve(null)) };
    const auth = new AuthService(
      users as unknown as UserRepository,
      {} as TokenService,
      throttle as unknown as LoginThrottleService,
      {} as SecondFactorService,
    );
    await expect(auth.login('nobody', 'x', '10.0.0.1')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(throttle.abandoned).not.toHaveBeenCalled();
    expect(throttle.succeeded).not.toHaveBeenCalled();
  });
});
