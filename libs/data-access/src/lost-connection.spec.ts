import { spawnSync } from 'node:child_process';
import { isLostConnection } from './lost-connection';

describe('isLostConnection', () => {
  it('recognizes a connection PostgreSQL or the network dropped', () => {
    expect(isLostConnection(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isLostConnection(
        Object.assign(new Error('terminating connection due to administrator command'), {
          code: '57P01',
        }),
      ),
    ).toBe(true);
    expect(
      isLostConnection(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })),
    ).toBe(true);
  });

  it('leaves every other error to end the process', () => {
    expect(
      isLostConnection(new Error('Unique constraint failed on the fields: (`eventKey`)')),
    ).toBe(false);
    expect(isLostConnection(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(
      false,
    );
    expect(
      isLostConnection(new TypeError("Cannot read properties of undefined (reading 'id')")),
    ).toBe(false);
    expect(isLostConnection('Connection terminated')).toBe(false);
    expect(isLostConnection(null)).toBe(false);
  });
});

describe('surviveLostConnectionRejections', () => {
  /** Runs a Node process that installs the handler, then leaves `error` unhandled. */
  const run = (error: string) =>
    spawnSync(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '-e',
        `require(${JSON.stringify(require.resolve('./lost-connection'))}).surviveLostConnectionRejections((m) => console.log('WARN ' + m));
         Promise.reject(${error});
         setTimeout(() => console.log('still running'), 50);`,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );

  it('keeps the process up after a rollback on a lost connection, with a warning', () => {
    const r = run(`new Error('Connection terminated unexpectedly')`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('WARN unhandled rejection after a lost database connection');
    expect(r.stdout).toContain('still running');
  });

  it('still ends the process on any other unhandled rejection', () => {
    const r = run(`new Error('a bug')`);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('a bug');
    expect(r.stdout).not.toContain('still running');
  });
});
