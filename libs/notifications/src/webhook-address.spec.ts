import {
  assertPublicWebhookTarget,
  internalAddressKind,
  WebhookTargetRefusedError,
} from './webhook-address';

describe(internalAddressKind.name, () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.10.20', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['not an address', 'invalid'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(internalAddressKind(address)).toBe(kind);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.4.4'])(
    'lets the public address %s through',
    (address) => {
      expect(internalAddressKind(address)).toBeNull();
    },
  );
});

describe(assertPublicWebhookTarget.name, () => {
  const resolvesTo =
    (...addresses: string[]) =>
    () =>
      Promise.resolve(addresses);

  it('accepts a host whose every address is public', async () => {
    await expect(
      assertPublicWebhookTarget(
        'https://hooks.example.vn/x',
        [],
        resolvesTo('93.184.215.14', '2606:4700::1'),
      ),
    ).resolves.toBeUndefined();
  });

  it('refuses a host with any internal address, naming it', async () => {
    await expect(
      assertPublicWebhookTarget(
        'https://mixed.example.vn/',
        [],
        resolvesTo('93.184.215.14', '10.0.0.5'),
      ),
    ).rejects.toThrow('mixed.example.vn is a private address (10.0.0.5)');
  });

  it('refuses address literals without resolving, in every spelling the URL parser knows', async () => {
    const resolve = jest.fn(resolvesTo('93.184.215.14'));
    for (const url of [
      'http://127.0.0.1:6379/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:5432/',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://[::ffff:7f00:1]/',
    ]) {
      await expect(assertPublicWebhookTarget(url, [], resolve)).rejects.toBeInstanceOf(
        WebhookTargetRefusedError,
      );
    }
    expect(resolve).not.toHaveBeenCalled();
  });

  it('refuses names that do not resolve and schemes other than http(s)', async () => {
    const fails = () => Promise.reject(Object.assign(new Error('nx'), { code: 'ENOTFOUND' }));
    await expect(assertPublicWebhookTarget('https://nowhere.invalid/', [], fails)).rejects.toThrow(
      'does not resolve (ENOTFOUND)',
    );
    await expect(assertPublicWebhookTarget('ftp://example.vn/', [], fails)).rejects.toThrow(
      'only http and https',
    );
  });

  it('lets the allow-listed hosts through (local sinks of tests)', async () => {
    await expect(
      assertPublicWebhookTarget('http://127.0.0.1:9999/hook', ['127.0.0.1'], resolvesTo()),
    ).resolves.toBeUndefined();
    await expect(
      assertPublicWebhookTarget(
        'http://localhost:9999/hook',
        ['127.0.0.1'],
        resolvesTo('127.0.0.1'),
      ),
    ).rejects.toThrow('localhost is a loopback address');
  });
});
