import type { WaitingTask } from '@epw/data-access';
import { byDeadline, countsOf, taskIdOf, toTaskDto } from './task.mapper';

const NOW = Date.parse('2026-06-01T00:00:00Z');

const waiting = (over: Partial<WaitingTask>): WaitingTask => ({
  kind: 'sign-pledge',
  deadline: null,
  since: new Date('2026-05-01T00:00:00Z'),
  cycle: {
    cycleId: 'c1',
    clusterId: 'k1',
    clusterCode: 'CTD-01',
    clusterName: 'Cụm thi đua số 1',
    movementCode: 'DVK',
    movementName: 'Phong trào thi đua "Dân vận khéo"',
    periodLabel: '2026',
  },
  nomination: null,
  unitId: 'u1',
  unitName: null,
  roundId: 'pledge-signing-CTD-01-DVK-2026',
  objectionId: null,
  decisionId: null,
  decisionNumber: null,
  note: null,
  count: 1,
  nominationIds: [],
  ...over,
});

describe('task.mapper', () => {
  it('names the movement, the period and the cluster, in the caller’s language', () => {
    const task = waiting({ deadline: new Date('2026-05-31T16:59:59Z') });
    const vi = toTaskDto(task, 'vi', NOW);
    expect(vi.title).toBe(
      'Ký giao ước thi đua – Phong trào thi đua "Dân vận khéo" 2026 (Cụm thi đua số 1)',
    );
    expect(vi).toMatchObject({ link: '/pledge', menu: '/pledge', section: 'unit', overdue: true });
    expect(toTaskDto(task, 'en', NOW).title).toMatch(/^Sign the emulation pledge – /);
  });

  it('names the form, the nominee and the step of a nomination, and links to it', () => {
    const dto = toTaskDto(
      waiting({
        kind: 'approve-step',
        cycle: null,
        roundId: null,
        nomination: {
          nominationId: 'n1',
          formCode: 'GK',
          formName: 'Giấy khen',
          nomineeName: 'Đảng ủy phường 1',
          year: 2026,
          movementName: null,
          stepKey: 'cluster',
          stepTitle: { vi: 'Cụm trưởng xét duyệt', en: 'Cluster head review' },
        },
      }),
      'vi',
      NOW,
    );
    expect(dto.title).toBe(
      'Xét duyệt hồ sơ – Cụm trưởng xét duyệt: Giấy khen – Đảng ủy phường 1 (2026)',
    );
    expect(dto).toMatchObject({ link: '/nominations/n1', menu: '/approvals', overdue: false });
    expect(dto.id).toBe('approve-step:n1');
  });

  it('sorts the oldest deadline first and tasks without one last', () => {
    const list = [
      waiting({ roundId: 'a', deadline: null }),
      waiting({ roundId: 'b', deadline: new Date('2026-07-01T00:00:00Z') }),
      waiting({ roundId: 'c', deadline: new Date('2026-06-15T00:00:00Z') }),
      waiting({ roundId: 'd', deadline: null, since: new Date('2026-04-01T00:00:00Z') }),
    ]
      .map((t) => toTaskDto(t, 'vi', NOW))
      .sort(byDeadline);
    expect(list.map((t) => t.entities.roundId)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('counts by kind, menu item and section, with the overdue ones', () => {
    const dtos = [
      waiting({ deadline: new Date('2026-01-01T00:00:00Z') }),
      waiting({ kind: 'register', roundId: null }),
    ].map((t) => toTaskDto(t, 'vi', NOW));
    expect(countsOf(dtos)).toEqual({
      total: 2,
      overdue: 1,
      byKind: [
        { key: 'sign-pledge', count: 1 },
        { key: 'register', count: 1 },
      ],
      byMenu: [
        { key: '/pledge', count: 1 },
        { key: '/registration', count: 1 },
      ],
      bySection: [{ key: 'unit', count: 2 }],
    });
    expect(taskIdOf(waiting({ kind: 'register', roundId: null }))).toBe('register:c1');
  });
});
