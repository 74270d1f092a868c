import { describe, expect, it } from '@jest/globals';
import type { Phase, SigningStatus } from '../api/types';
import { reconcilePhases } from './live-phases';

const phase = (p: Phase['phase'], status: Phase['status'], closesOn: string): Phase => ({
  phase: p,
  status,
  opensOn: '2026-01-01',
  closesOn,
  opensAt: '2025-12-31T17:00:00.000Z',
  closesAt: `${closesOn}T16:59:59.999Z`,
});

const round = (status: SigningStatus['status'], deadlineAt: string) =>
  ({ status, deadlineAt }) as SigningStatus;

describe('reconcilePhases', () => {
  const plan = [
    phase('PLEDGE_SIGNING', 'CLOSED', '2026-01-15'),
    phase('REGISTRATION', 'OPEN', '2026-01-31'),
    phase('NOMINATION', 'PENDING', '2026-09-30'),
  ];

  it("takes the signing round's own deadline and status over the plan", () => {
    const [signing] = reconcilePhases(plan, {
      signing: round('OPEN', '2026-12-15T16:59:59.999Z'),
    });
    expect(signing).toMatchObject({
      status: 'OPEN',
      closesAt: '2026-12-15T16:59:59.999Z',
      live: true,
    });
  });

  it('says "not open" for a step that has not started, even past its planned dates', () => {
    const [, registration] = reconcilePhases(plan, { compliance: null });
    expect(registration).toMatchObject({ status: 'PENDING', live: true });
  });

  it('closes a step whose live view is closed', () => {
    const [signing, registration] = reconcilePhases(plan, {
      signing: round('EFFECTIVE', '2026-02-01T16:59:59.999Z'),
      compliance: { closed: true, deadlineAt: '2026-02-10T16:59:59.999Z' } as never,
    });
    expect(signing?.status).toBe('CLOSED');
    expect(registration).toMatchObject({ status: 'CLOSED', closesAt: '2026-02-10T16:59:59.999Z' });
  });

  it('keeps the plan while a step is unknown and for phases without a workflow of their own', () => {
    const rows = reconcilePhases(plan, {});
    expect(rows.map((r) => [r.status, r.live])).toEqual([
      ['CLOSED', false],
      ['OPEN', false],
      ['PENDING', false],
    ]);
  });
});
