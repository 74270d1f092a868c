import type { RuleSetContent } from '@epw/domain';
import { DEFAULT_RULE_SET } from '@epw/domain';
import {
  createFixtureCluster,
  demoPledgeItems,
  uniqueSuffix,
  waitFor,
  type FixtureCluster,
  type FixtureUnit,
} from '@epw/testing';
import { recordHistory } from '../support/record-history';
import { startTestSystem, terminateCycles, type TestSystem } from '../support/test-system';

interface Phase {
  phase: string;
  status: string;
  opensOn: string;
  closesOn: string;
  closesAt: string;
}
interface Run {
  phases: Phase[];
  completed: boolean;
}
interface Problem {
  status: number;
  code: string;
  detail: string;
}
interface Compliance {
  closed: boolean;
  registeredCount: number;
  targetMet: boolean;
  pendingLate: string[];
  missingAtDeadline: string[];
}
interface NotOpened {
  opened: boolean;
  closed: boolean;
  deadlineAt: string | null;
  eligibleCount?: number;
  voted?: string[];
  selfSubmitted?: string[];
}
interface AssessmentStatus {
  assignment: Record<string, string[]>;
  expectedPeerCount: number;
  peerSubmitted: unknown[];
}
interface Outcome {
  ranking: { unitId: string; rank: number; finalScore: number; peerCount: number }[];
  divergent: { assessorUnitId: string; subjectUnitId: string }[];
  acclaimedUnitIds: string[];
  minutes: string | null;
  electedHeadUnitId: string | null;
  electedDeputyUnitId: string | null;
  election: { carriedOver: boolean } | null;
  completedAt: string | null;
}

const YEAR_SECONDS = 150;
const scaleFor = (periodDays: number, seconds: number) => (periodDays * 86_400) / seconds;

/** A calendar compressed into real seconds, with windows wide enough for the scripted users. */
const testRules: RuleSetContent = {
  ...DEFAULT_RULE_SET,
  crossAssessment: { mode: 'K_REVIEWERS', reviewersPerUnit: 3 },
  calendar: {
    phases: [
      { phase: 'PLEDGE_SIGNING', opensAtFraction: 0, durationWorkingDays: 10 },
      { phase: 'REGISTRATION', opensAtFraction: 0, durationWorkingDays: 30 },
      { phase: 'INTERIM_REVIEW', opensAtFraction: 0.22, durationWorkingDays: 15 },
      { phase: 'FINAL_REVIEW', opensAtFraction: 0.4, durationWorkingDays: 65 },
      { phase: 'VOTE', opensAtFraction: 0.72, durationWorkingDays: 20 },
      { phase: 'NOMINATION', opensAtFraction: 0.82, durationWorkingDays: 5 },
      { phase: 'COMMENDATION', opensAtFraction: 0.86, durationWorkingDays: 5 },
      { phase: 'ELECTION', opensAtFraction: 0.88, durationWorkingDays: 20 },
    ],
  },
};

describe('the yearly cycle on an accelerated calendar (real Temporal, PostgreSQL, Redis)', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  const suffix = uniqueSuffix();
  const ruleSetCode = `TEST-${suffix}`;
  const secondary: { cycleId: string; label: string }[] = [];

  beforeAll(async () => {
    sys = await startTestSystem();
    cluster = await createFixtureCluster(sys.prisma, suffix, [2021, 2026]);
    const res = await sys.http.as(cluster.admin, 'POST', '/rule-sets', {
      code: ruleSetCode,
      name: 'Lịch rút gọn cho kiểm thử',
      content: testRules,
    });
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    // Retire this test's deadlines so later test systems' reconcilers do not rebuild them.
    await sys?.prisma.deadline.updateMany({
      where: { id: { contains: suffix } },
      data: { status: 'CANCELLED' },
    });
    if (sys) {
      const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
      const code = cluster.clusterCode;
      await terminateCycles(sys.temporal, [
        `${code}-DVK-2026`,
        `${code}-TDYN-2021-2023`,
        `${code}-TDYN-2026-Q2`,
        `${code}-LICH-${year}`,
      ]);
    }
    await sys?.close();
  }, 60_000);

  const admin = () => cluster.admin;
  const as = <T>(user: string, method: string, path: string, body?: unknown) =>
    sys.http.as<T>(user, method, path, body);

  async function createAndStart(
    body: Record<string, unknown>,
    calendarScale: number,
  ): Promise<string> {
    const created = await as<{ id: string }>(admin(), 'POST', '/cycles', {
      clusterId: cluster.clusterId,
      pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(2026) },
      calendarScale,
      ...body,
    });
    expect(created.status).toBe(201);
    const started = await as<{ phases: Phase[] }>(
      admin(),
      'POST',
      `/cycles/${created.body.id}/start`,
      { ruleSetCode },
    );
    expect(started.status).toBe(201);
    expect(started.body.phases).toHaveLength(8);
    // Creating and starting the cycle are audited under the administrator who did it.
    const audit = await sys.prisma.auditLog.findMany({
      where: { entityId: created.body.id, action: { in: ['cycle.created', 'cycle.started'] } },
      select: { action: true, actorUserId: true },
    });
    expect(audit.map((e) => e.action).sort()).toEqual(['cycle.created', 'cycle.started']);
    expect(audit.every((e) => e.actorUserId !== null)).toBe(true);
    return created.body.id;
  }

  const run = async (cycleId: string) =>
    (await as<Run>(cluster.head.signer, 'GET', `/cycles/${cycleId}/run`)).body;
  const phaseIs = (cycleId: string, phase: string, status: string) =>
    waitFor(
      async () => (await run(cycleId)).phases.find((p) => p.phase === phase && p.status === status),
      { timeoutMs: 90_000, intervalMs: 200, description: `${phase} ${status}` },
    );

  const registration = (unit: FixtureUnit, extra: Record<string, unknown> = {}) => ({
    unitId: unit.id,
    titles: ['Tập thể lao động xuất sắc'],
    initiatives: [
      {
        kind: 'MODEL',
        field: 'Dân vận chính quyền',
        isNew: true,
        ownerType: 'COLLECTIVE',
        ownerName: unit.name,
        title: `Mô hình "Dân vận khéo" của ${unit.code}`,
        description: 'Tiếp nhận, giải quyết kiến nghị của người dân trong 24 giờ.',
        attachments: [{ name: 'bao-cao.pdf', url: 'https://files.example.vn/bao-cao.pdf' }],
      },
    ],
    ...extra,
  });

  /** Scores that rank units by their fixture position (unit 0 best), scaled by `quality`. */
  const scores = (quality: number) => ({
    C1: Math.round(20 * quality),
    C2: Math.round(30 * quality),
    C3: Math.round(25 * quality),
    C4: Math.round(15 * quality),
    C5: Math.round(10 * quality),
  });
  const qualityOf = (unitIndex: number) => 0.95 - unitIndex * 0.04;

  it('runs a whole accelerated year: signing, registration, reviews, ranking, vote, acclamation, election', async () => {
    // A second movement runs side by side: a 3-year phase and a quarter.
    secondary.push({
      label: 'phase 2021-2023',
      cycleId: await createAndStart(
        {
          movementCode: 'TDYN',
          movementName: 'Phong trào thi đua yêu nước',
          periodKind: 'PHASE',
          periodLabel: '2021-2023',
          startsOn: '2021-01-01',
          endsOn: '2023-12-31',
        },
        scaleFor(1095, 100),
      ),
    });
    secondary.push({
      label: 'quarter 2026-Q2',
      cycleId: await createAndStart(
        {
          movementCode: 'TDYN',
          movementName: 'Phong trào thi đua yêu nước',
          periodKind: 'QUARTER',
          periodLabel: '2026-Q2',
          startsOn: '2026-04-01',
          endsOn: '2026-06-30',
        },
        scaleFor(91, 100),
      ),
    });

    const cycleId = await createAndStart(
      {
        movementCode: 'DVK',
        movementName: 'Phong trào thi đua "Dân vận khéo"',
        periodKind: 'YEAR',
        periodLabel: '2026',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
      scaleFor(365, YEAR_SECONDS),
    );
    const again = await as<Problem>(admin(), 'POST', `/cycles/${cycleId}/start`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CYCLE_ALREADY_STARTED');
    const { units, head } = cluster;
    const roundId = `pledge-signing-${cluster.clusterCode}-DVK-2026`;

    // 1. Pledge signing, opened by the cycle itself.
    await phaseIs(cycleId, 'PLEDGE_SIGNING', 'OPEN');
    // Steps that have not opened yet read as such (200, not an error): nothing recorded, the
    // calendar's deadline, every member eligible.
    const calendar = await run(cycleId);
    const deadlineOf = (phase: string) => calendar.phases.find((p) => p.phase === phase)?.closesAt;
    const notYet = await Promise.all(
      ['vote', 'election', 'assessments/final'].map((path) =>
        as<NotOpened>(units[3].officer, 'GET', `/cycles/${cycleId}/${path}`),
      ),
    );
    expect(notYet.map((r) => [r.status, r.body.opened, r.body.closed])).toEqual([
      [200, false, false],
      [200, false, false],
      [200, false, false],
    ]);
    expect(notYet.map((r) => r.body.deadlineAt)).toEqual(
      ['VOTE', 'ELECTION', 'FINAL_REVIEW'].map(deadlineOf),
    );
    expect(notYet[0]?.body.eligibleCount).toBe(units.length);
    expect(notYet[0]?.body.voted).toEqual([]);
    expect(notYet[2]?.body.selfSubmitted).toEqual([]);
    await waitFor(
      async () => (await as(head.signer, 'GET', `/signing-rounds/${roundId}`)).status === 200,
      { description: 'the signing round' },
    );
    // In parallel: the phase's window is a few seconds of the accelerated calendar.
    const statuses1 = await Promise.all(
      units.map(
        async (unit) =>
          (
            await as(unit.signer, 'POST', `/signing-rounds/${roundId}/sign`, {
              unitId: unit.id,
              version: 1,
            })
          ).status,
      ),
    );
    expect(statuses1).toEqual(statuses1.map(() => 200));
    const effective = await as<{ status: string }>(
      head.signer,
      'POST',
      `/signing-rounds/${roundId}/countersign`,
      { version: 1 },
    );
    expect(effective.body.status).toBe('EFFECTIVE');

    // 2. Registration: 11 on time (one edits), one late with the head's approval.
    await phaseIs(cycleId, 'REGISTRATION', 'OPEN');
    const [editor, late] = [units[2], units[11]];
    // In parallel: the registration window is a few seconds of the accelerated calendar.
    const registered = await Promise.all(
      units
        .slice(0, 11)
        .map(
          async (unit) =>
            (await as(unit.officer, 'POST', `/cycles/${cycleId}/registrations`, registration(unit)))
              .status,
        ),
    );
    expect(registered).toEqual(Array(11).fill(200));
    const modelsOf = (unitId: string) =>
      sys.prisma.initiative.findMany({
        where: { registration: { cycleId, unitId } },
        orderBy: { position: 'asc' },
        select: { id: true, title: true, position: true },
      });
    const [firstModel] = await modelsOf(editor.id);
    expect(firstModel).toBeDefined();
    // The edit puts a new model first: the one registered before keeps its id (nominations and
    // awards name models by id), though its position changes.
    const newModel = {
      ...registration(editor).initiatives[0],
      kind: 'SOLUTION',
      title: `Giải pháp "Một cửa số" của ${editor.code}`,
    };
    const edited = await as<Compliance>(
      editor.officer,
      'POST',
      `/cycles/${cycleId}/registrations`,
      registration(editor, {
        titles: ['Tập thể lao động xuất sắc', 'Cờ thi đua'],
        initiatives: [newModel, ...registration(editor).initiatives],
      }),
    );
    expect(edited.status).toBe(200);
    const editedModels = await modelsOf(editor.id);
    expect(editedModels.map((m) => m.title)).toEqual([newModel.title, firstModel?.title]);
    expect(editedModels[1]?.id).toBe(firstModel?.id);
    expect(editedModels[0]?.id).not.toBe(firstModel?.id);
    const wrongUnit = await as<Problem>(
      units[0].officer,
      'POST',
      `/cycles/${cycleId}/registrations`,
      registration(units[1]),
    );
    expect(wrongUnit.body.code).toBe('WRONG_UNIT');
    const tooEarly = await as<Problem>(
      late.officer,
      'POST',
      `/cycles/${cycleId}/registrations/late`,
      { ...registration(late), reason: 'Đơn vị đang kiện toàn tổ chức' },
    );
    expect(tooEarly.body.code).toBe('REGISTRATION_OPEN');

    const closed = await waitFor(
      async () => {
        const c = (
          await as<Compliance>(head.signer, 'GET', `/cycles/${cycleId}/registrations/compliance`)
        ).body;
        return c.closed ? c : undefined;
      },
      { timeoutMs: 60_000, description: 'the registration deadline' },
    );
    expect(closed.registeredCount).toBe(11);
    expect(closed.targetMet).toBe(false);
    expect(closed.missingAtDeadline).toEqual([late.id]);

    const refusedEdit = await as<Problem>(
      editor.officer,
      'POST',
      `/cycles/${cycleId}/registrations`,
      registration(editor),
    );
    expect(refusedEdit.status).toBe(409);
    expect(refusedEdit.body.code).toBe('REGISTRATION_CLOSED');
    const lateDirect = await as<Problem>(
      late.officer,
      'POST',
      `/cycles/${cycleId}/registrations`,
      registration(late),
    );
    expect(lateDirect.body.code).toBe('REGISTRATION_CLOSED');
    const requested = await as<Compliance>(
      late.officer,
      'POST',
      `/cycles/${cycleId}/registrations/late`,
      { ...registration(late), reason: 'Đơn vị đang kiện toàn tổ chức nên đăng ký chậm' },
    );
    expect(requested.status).toBe(200);
    expect(requested.body.pendingLate).toEqual([late.id]);
    const notHead = await as<Problem>(
      units[0].signer,
      'POST',
      `/cycles/${cycleId}/registrations/${late.id}/late-decision`,
      { approve: true, note: 'Đồng ý' },
    );
    expect(notHead.body.code).toBe('NOT_CLUSTER_HEAD');
    const approved = await as<Compliance>(
      head.signer,
      'POST',
      `/cycles/${cycleId}/registrations/${late.id}/late-decision`,
      { approve: true, note: 'Đồng ý cho đăng ký muộn' },
    );
    expect(approved.body).toMatchObject({ registeredCount: 12, targetMet: true, pendingLate: [] });
    const rows = (
      await as<{ unitId: string; status: string; revision: number; initiatives: unknown[] }[]>(
        head.signer,
        'GET',
        `/cycles/${cycleId}/registrations`,
      )
    ).body;
    expect(rows).toHaveLength(12);
    expect(rows.find((r) => r.unitId === late.id)?.status).toBe('LATE_APPROVED');
    expect(rows.find((r) => r.unitId === editor.id)?.revision).toBe(2);

    // 3. Interim review (sơ kết): progress against the pledge and self-assessment.
    await phaseIs(cycleId, 'INTERIM_REVIEW', 'OPEN');
    for (const [i, unit] of units.slice(0, 3).entries()) {
      expect(
        (
          await as(unit.officer, 'POST', `/cycles/${cycleId}/assessments/interim/progress`, {
            unitId: unit.id,
            items: [{ itemIndex: 0, percent: 60 + i * 10, note: 'Đã quán triệt' }],
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await as(unit.officer, 'POST', `/cycles/${cycleId}/assessments/interim/self`, {
            unitId: unit.id,
            scores: scores(qualityOf(i)),
          })
        ).status,
      ).toBe(200);
    }
    const noCrossInInterim = await as<Problem>(
      units[0].officer,
      'POST',
      `/cycles/${cycleId}/assessments/final/peer`,
      { assessorUnitId: units[0].id, subjectUnitId: units[1].id, scores: scores(0.9) },
    );
    expect(noCrossInInterim.body.code).toBe('PHASE_NOT_OPEN');

    // 4. Final review (tổng kết): conflicts, self and cross assessment, never of oneself.
    await phaseIs(cycleId, 'FINAL_REVIEW', 'OPEN');
    const before = (
      await as<AssessmentStatus>(head.signer, 'GET', `/cycles/${cycleId}/assessments/final`)
    ).body;
    const conflicted = Object.entries(before.assignment).find(
      ([, assessors]) => assessors.length > 0,
    )!;
    const [conflictSubject, [conflictAssessor]] = [conflicted[0], conflicted[1]];
    const assessorUnit = units.find((u) => u.id === conflictAssessor)!;
    const declared = await as<AssessmentStatus>(
      assessorUnit.officer,
      'POST',
      `/cycles/${cycleId}/assessments/final/conflicts`,
      {
        assessorUnitId: assessorUnit.id,
        subjectUnitId: conflictSubject,
        reason: 'Lãnh đạo hai đơn vị có quan hệ gia đình',
      },
    );
    expect(declared.status).toBe(200);
    expect(declared.body.assignment[conflictSubject]).not.toContain(assessorUnit.id);
    const assignment = declared.body.assignment;
    for (const [subject, assessors] of Object.entries(assignment)) {
      expect(assessors).not.toContain(subject);
      expect(assessors).toHaveLength(3);
    }

    const selfScore = await as<Problem>(
      units[0].officer,
      'POST',
      `/cycles/${cycleId}/assessments/final/peer`,
      { assessorUnitId: units[0].id, subjectUnitId: units[0].id, scores: scores(1) },
    );
    expect(selfScore.body.code).toBe('SELF_SCORING_FORBIDDEN');
    const overMax = await as<Problem>(
      units[0].officer,
      'POST',
      `/cycles/${cycleId}/assessments/final/self`,
      { unitId: units[0].id, scores: { ...scores(0.9), C1: 21 } },
    );
    expect(overMax.status).toBe(400);
    expect(overMax.body.code).toBe('SCORES_INVALID');

    // In parallel: the phase's window is a few seconds of the accelerated calendar.
    const statuses2 = await Promise.all(
      units.map(
        async (unit, i) =>
          (
            await as(unit.officer, 'POST', `/cycles/${cycleId}/assessments/final/self`, {
              unitId: unit.id,
              scores: scores(qualityOf(i)),
            })
          ).status,
      ),
    );
    expect(statuses2).toEqual(statuses2.map(() => 200));
    let outlier: { assessor: string; subject: string } | undefined;
    for (const [subject, assessors] of Object.entries(assignment)) {
      const subjectIndex = units.findIndex((u) => u.id === subject);
      for (const assessor of assessors) {
        const assessorUnit = units.find((u) => u.id === assessor)!;
        // One assessor marks the last unit far above the others: the head must see it flagged.
        const isOutlier = subjectIndex === 11 && !outlier;
        if (isOutlier) outlier = { assessor, subject };
        const res = await as(
          assessorUnit.officer,
          'POST',
          `/cycles/${cycleId}/assessments/final/peer`,
          {
            assessorUnitId: assessor,
            subjectUnitId: subject,
            scores: scores(isOutlier ? 1 : qualityOf(subjectIndex)),
          },
        );
        expect(res.status).toBe(200);
      }
    }
    const notAssigned = units.find(
      (u) => u.id !== units[5].id && !assignment[units[5].id].includes(u.id),
    )!;
    const refused = await as<Problem>(
      notAssigned.officer,
      'POST',
      `/cycles/${cycleId}/assessments/final/peer`,
      { assessorUnitId: notAssigned.id, subjectUnitId: units[5].id, scores: scores(0.5) },
    );
    expect(refused.body.code).toBe('NOT_ASSIGNED');
    const lockedConflict = await as<Problem>(
      units[1].officer,
      'POST',
      `/cycles/${cycleId}/assessments/final/conflicts`,
      { assessorUnitId: units[1].id, subjectUnitId: units[4].id, reason: 'Quá muộn để khai báo' },
    );
    expect(lockedConflict.body.code).toBe('CONFLICTS_LOCKED');
    const status = (
      await as<AssessmentStatus>(head.signer, 'GET', `/cycles/${cycleId}/assessments/final`)
    ).body;
    expect(status.peerSubmitted).toHaveLength(status.expectedPeerCount);

    // 5. Vote (bình xét) over the ranking's top candidates; acclamation needs 50% of ALL members.
    await phaseIs(cycleId, 'VOTE', 'OPEN');
    const box = (await as<{ candidates: string[] }>(head.signer, 'GET', `/cycles/${cycleId}/vote`))
      .body;
    expect(box.candidates).toHaveLength(3);
    expect(box.candidates[0]).toBe(units[0].id);
    const [first, second] = box.candidates as [string, string];
    // In parallel: the phase's window is a few seconds of the accelerated calendar.
    const statuses3 = await Promise.all(
      units.slice(0, 6).map(
        async (unit) =>
          (
            await as(unit.signer, 'POST', `/cycles/${cycleId}/vote`, {
              voterUnitId: unit.id,
              approve: [first],
            })
          ).status,
      ),
    );
    expect(statuses3).toEqual(statuses3.map(() => 200));
    // In parallel: the phase's window is a few seconds of the accelerated calendar.
    const statuses4 = await Promise.all(
      units.slice(6, 10).map(
        async (unit) =>
          (
            await as(unit.signer, 'POST', `/cycles/${cycleId}/vote`, {
              voterUnitId: unit.id,
              approve: [second],
            })
          ).status,
      ),
    );
    expect(statuses4).toEqual(statuses4.map(() => 200));
    const twice = await as<Problem>(units[0].signer, 'POST', `/cycles/${cycleId}/vote`, {
      voterUnitId: units[0].id,
      approve: [first],
    });
    expect(twice.body.code).toBe('ALREADY_VOTED');
    const tooMany = await as<Problem>(units[10].signer, 'POST', `/cycles/${cycleId}/vote`, {
      voterUnitId: units[10].id,
      approve: [first, second],
    });
    expect(tooMany.body.code).toBe('TOO_MANY_CHOICES');
    // An absent member votes in writing; the head records it.
    const written = await as<{ writtenCount: number; voted: string[] }>(
      head.signer,
      'POST',
      `/cycles/${cycleId}/vote`,
      { voterUnitId: units[11].id, approve: [first], written: true },
    );
    expect(written.body.writtenCount).toBe(1);
    expect(written.body.voted).toHaveLength(11);

    // 6. Election of next year's head and deputy (rotation).
    await phaseIs(cycleId, 'ELECTION', 'OPEN');
    const [nextHead, nextDeputy] = [units[9], units[0]];
    // In parallel: the phase's window is a few seconds of the accelerated calendar.
    const statuses5 = await Promise.all(
      units.slice(0, 8).map(
        async (unit) =>
          (
            await as(unit.signer, 'POST', `/cycles/${cycleId}/election`, {
              voterUnitId: unit.id,
              headUnitId: nextHead.id,
              deputyUnitId: nextDeputy.id,
            })
          ).status,
      ),
    );
    expect(statuses5).toEqual(statuses5.map(() => 200));
    expect(
      (
        await as(units[8].signer, 'POST', `/cycles/${cycleId}/election`, {
          voterUnitId: units[8].id,
          headUnitId: units[3].id,
          deputyUnitId: units[4].id,
        })
      ).status,
    ).toBe(200);

    await waitFor(async () => (await run(cycleId)).completed, {
      timeoutMs: 90_000,
      intervalMs: 500,
      description: 'the year to end',
    });
    const outcome = (await as<Outcome>(head.signer, 'GET', `/cycles/${cycleId}/outcome`)).body;
    expect(outcome.ranking).toHaveLength(12);
    expect(outcome.ranking[0]).toMatchObject({ unitId: units[0].id, rank: 1, peerCount: 3 });
    expect(outcome.ranking.map((r) => r.rank)).toEqual(
      [...outcome.ranking.map((r) => r.rank)].sort((a, b) => a - b),
    );
    expect(outcome.divergent).toContainEqual(
      expect.objectContaining({
        assessorUnitId: outlier!.assessor,
        subjectUnitId: outlier!.subject,
      }),
    );
    expect(outcome.acclaimedUnitIds).toEqual([first]); // 7 of 12 ≥ 50%; the second has 4 of 12
    expect(outcome.minutes).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(outcome.minutes).toContain(units[0].name);
    expect(outcome).toMatchObject({
      electedHeadUnitId: nextHead.id,
      electedDeputyUnitId: nextDeputy.id,
    });
    const memberships = await sys.prisma.clusterMembership.findMany({
      where: { clusterId: cluster.clusterId, year: 2027 },
    });
    expect(memberships).toHaveLength(12);
    expect(memberships.find((m) => m.role === 'HEAD')?.unitId).toBe(nextHead.id);
    expect(memberships.find((m) => m.role === 'DEPUTY')?.unitId).toBe(nextDeputy.id);

    // Every workflow of the year keeps a small history.
    for (const id of [
      `emulation-cycle-${cluster.clusterCode}-DVK-2026`,
      `registration-${cluster.clusterCode}-DVK-2026`,
      `assessment-final-${cluster.clusterCode}-DVK-2026`,
      `vote-${cluster.clusterCode}-DVK-2026`,
      `election-${cluster.clusterCode}-DVK-2026`,
    ]) {
      const { historyLength } = await sys.temporal.workflow.getHandle(id).describe();
      expect(historyLength).toBeLessThan(2000);
    }
    const verify = await as<{ ok: boolean }>(admin(), 'GET', '/audit/verify');
    expect(verify.body.ok).toBe(true);

    const key = `${cluster.clusterCode}-DVK-2026`;
    await recordHistory(
      sys.temporal,
      `emulation-cycle-${key}`,
      'yearly-cycle',
      'emulation-cycle-year',
    );
    await recordHistory(
      sys.temporal,
      `registration-${key}`,
      'yearly-cycle',
      'registration-late-approved',
    );
    await recordHistory(
      sys.temporal,
      `assessment-interim-${key}`,
      'yearly-cycle',
      'assessment-interim',
    );
    await recordHistory(
      sys.temporal,
      `assessment-final-${key}`,
      'yearly-cycle',
      'assessment-final-with-conflict',
    );
    await recordHistory(sys.temporal, `vote-${key}`, 'yearly-cycle', 'vote-with-written-ballot');
    await recordHistory(sys.temporal, `election-${key}`, 'yearly-cycle', 'election-rotation');
  }, 300_000);

  it('runs a 3-year phase and a quarter of a second movement through their own calendars', async () => {
    expect(secondary).toHaveLength(2);
    for (const { cycleId, label } of secondary) {
      const done = await waitFor(
        async () => {
          const r = await run(cycleId);
          return r.completed ? r : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 500, description: `${label} to end` },
      );
      expect(done.phases.every((p) => p.status === 'CLOSED')).toBe(true);
      const outcome = (await as<Outcome>(cluster.head.signer, 'GET', `/cycles/${cycleId}/outcome`))
        .body;
      expect(outcome.completedAt).not.toBeNull();
      // Nobody voted in the election: the head carries over.
      expect(outcome.election?.carriedOver).toBe(true);
      expect(outcome.electedHeadUnitId).toBe(cluster.head.id);
    }
    const [phase, quarter] = await Promise.all(
      secondary.map(async (s) => (await run(s.cycleId)).phases),
    );
    const on = (phases: Phase[], code: string) => phases.find((p) => p.phase === code)!;
    expect(on(phase, 'REGISTRATION').opensOn.startsWith('2021-')).toBe(true);
    expect(on(phase, 'INTERIM_REVIEW').opensOn.startsWith('2021-')).toBe(true);
    expect(on(phase, 'FINAL_REVIEW').opensOn.startsWith('2022-')).toBe(true);
    expect(on(phase, 'ELECTION').closesOn.startsWith('2023-')).toBe(true);
    for (const p of quarter) {
      expect(p.opensOn >= '2026-04-01' && p.closesOn <= '2026-06-30').toBe(true);
    }
  });

  it('opens this year’s cycle from a Temporal Schedule', async () => {
    const body = {
      clusterId: cluster.clusterId,
      movementCode: 'LICH',
      movementName: 'Phong trào thi đua theo lịch',
      ruleSetCode,
      calendarScale: scaleFor(365, 600),
    };
    const created = await as<{ scheduleId: string }>(admin(), 'POST', '/schedules', body);
    expect(created.status).toBe(201);
    expect(created.body.scheduleId).toBe(`cycle-schedule-${cluster.clusterCode}-LICH`);
    const duplicate = await as<Problem>(admin(), 'POST', '/schedules', body);
    expect(duplicate.status).toBe(409);
    const forbidden = await as<Problem>(cluster.head.signer, 'POST', '/schedules', body);
    expect(forbidden.status).toBe(403);
    try {
      const spec = await sys.temporal.schedule.getHandle(created.body.scheduleId).describe();
      expect(spec.spec.timezone).toBe('Asia/Ho_Chi_Minh');

      expect(
        (await as(admin(), 'POST', `/schedules/${created.body.scheduleId}/trigger`)).status,
      ).toBe(202);
      const year = String(Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4)));
      const cycle = await waitFor(
        async () =>
          (await sys.prisma.emulationCycle.findFirst({
            where: {
              clusterId: cluster.clusterId,
              movementCode: 'LICH',
              periodLabel: year,
              workflowId: { not: null },
            },
          })) ?? undefined,
        { description: 'the scheduled cycle' },
      );
      const running = await waitFor(
        async () => {
          const d = await sys.temporal.workflow.getHandle(cycle.workflowId!).describe();
          return d.status.name === 'RUNNING' ? d : undefined;
        },
        { description: 'the scheduled cycle workflow' },
      );
      expect(running.type).toBe('emulationCycleWorkflow');
      expect(await sys.prisma.cyclePhase.count({ where: { cycleId: cycle.id } })).toBe(8);
      const firstRun = (await sys.temporal.schedule.getHandle(created.body.scheduleId).describe())
        .info.recentActions[0];
      if (firstRun)
        await sys.temporal.workflow.getHandle(firstRun.action.workflow.workflowId).result();
      // Triggered twice in a year, the schedule still makes one cycle.
      expect(
        (await as(admin(), 'POST', `/schedules/${created.body.scheduleId}/trigger`)).status,
      ).toBe(202);
      await waitFor(
        async () => {
          const runs = await sys.temporal.schedule.getHandle(created.body.scheduleId).describe();
          return runs.info.recentActions.length >= 2;
        },
        { description: 'the second scheduled action' },
      );
      expect(
        await sys.prisma.emulationCycle.count({
          where: { clusterId: cluster.clusterId, movementCode: 'LICH' },
        }),
      ).toBe(1);
      // Creating the schedule and each trigger are audited under the administrator.
      const actions = (
        await sys.prisma.auditLog.findMany({
          where: { entityId: created.body.scheduleId },
          select: { action: true, actorUserId: true },
        })
      ).map((e) => e.action);
      expect(actions.filter((x) => x === 'schedule.created')).toHaveLength(1);
      expect(actions.filter((x) => x === 'schedule.triggered')).toHaveLength(2);
    } finally {
      await sys.temporal.schedule.getHandle(created.body.scheduleId).delete();
    }
  });
});
