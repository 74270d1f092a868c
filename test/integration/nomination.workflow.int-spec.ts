import {
  Client,
  Connection,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { tsToMs } from '@temporalio/common/lib/time';
import {
  DefaultLogger,
  NativeConnection,
  Worker,
  bundleWorkflowCode,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import {
  DECISION_WORKFLOW_TYPE,
  NOMINATION_WORKFLOW_TYPE,
  castCouncilBallotUpdate,
  deadlineIdOf,
  decisionIssuedSignal,
  decisionWorkflowId,
  fileObjectionUpdate,
  nominationStatusQuery,
  nominationWorkflowId,
  resolveObjectionUpdate,
  resubmitNominationUpdate,
  stepActionUpdate,
  withdrawNominationUpdate,
  type ClockActivities,
  type ClockSpec,
  type DecisionIssued,
  type IssuedAward,
  type NominationActivities,
  type NominationResult,
  type NominationWorkflowInput,
  type ReminderActivities,
  type StepOpenedEvent,
  type StepTransition,
} from '@epw/contracts';
import {
  CycleClock,
  toVietnamDate,
  type Actor,
  type NominationStatus,
  type NominationView,
  type ResolvedStep,
} from '@epw/domain';
import { BallotSeal } from '@epw/temporal';
import { testConfig, uniqueSuffix, waitFor } from '@epw/testing';
import { WORKFLOWS_ENTRY, webpackConfigHook } from '../../apps/worker/src/temporal/workflow-source';
import { recordHistory } from '../support/record-history';

type Acts = NominationActivities & ReminderActivities & ClockActivities;
type Name = keyof Acts;
type ArgOf<K extends Name> = Parameters<Acts[K]>[0];
type ResultOf<K extends Name> = Awaited<ReturnType<Acts[K]>>;
interface CallOf<K extends Name> {
  name: K;
  arg: ArgOf<K>;
  result: ResultOf<K>;
}
type AnyCall = { [K in Name]: CallOf<K> }[Name];

const DECISION_NUMBER = '15/QĐ-UBND';
const LONG = 60_000;
/** Seals ballots like the API and opens them like the recording activity. */
const SEAL = BallotSeal.fromConfig(testConfig());

/**
 * Activities that remember every call. Like the real ones, each write happens once per event key
 * and a repeated key gets the first answer back. A step is open for `durationOf(event)` ms from
 * the moment it is opened, so SLAs and postings pass in seconds.
 */
function fakeActivities(durationOf: (e: StepOpenedEvent) => number = () => LONG) {
  const calls: AnyCall[] = [];
  const firstAnswer = new Map<string, unknown>();
  const decision: { awards: IssuedAward[] } = { awards: [] };
  const transitions: StepTransition[] = [];
  const now = () => new Date().toISOString();

  const once =
    <K extends keyof NominationActivities>(name: K, answer: (arg: ArgOf<K>) => ResultOf<K>) =>
    (arg: ArgOf<K>): Promise<ResultOf<K>> => {
      const key = (arg as { eventKey: string }).eventKey;
      if (!firstAnswer.has(key)) firstAnswer.set(key, answer(arg));
      const result = firstAnswer.get(key) as ResultOf<K>;
      calls.push({ name, arg, result } as AnyCall);
      return Promise.resolve(result);
    };
  const note =
    <K extends keyof ReminderActivities>(name: K) =>
    (arg: ArgOf<K>): Promise<void> => {
      calls.push({ name, arg, result: undefined } as AnyCall);
      return Promise.resolve();
    };
  const recordedAt = () => ({ recordedAt: now() });
  /** The anonymous tallies (counts per vote), as the real activity keeps them. */
  const tallies = new Map<string, { approvals: number; rejections: number }>();
  const voteKey = (v: { nominationId: string; stepIndex: number; round: number }) =>
    `${v.nominationId}/${v.stepIndex}/${v.round}`;

  const activities: Acts = {
    openNominationStep: once('openNominationStep', (e) => {
      const openedAt = Date.now();
      return {
        openedAt: new Date(openedAt).toISOString(),
        dueAt: new Date(openedAt + durationOf(e)).toISOString(),
      };
    }),
    recordNominationAction: once('recordNominationAction', recordedAt),
    recordObjection: once('recordObjection', recordedAt),
    recordObjectionResolution: once('recordObjectionResolution', recordedAt),
    recordCouncilBallot: once('recordCouncilBallot', (e) => {
      const approve =
        e.sealedBallot !== undefined
          ? SEAL.open(
              { nominationId: e.nominationId, memberUserId: e.memberUserId },
              e.sealedBallot,
            )
          : e.approve;
      const t = tallies.get(voteKey(e)) ?? { approvals: 0, rejections: 0 };
      tallies.set(voteKey(e), {
        approvals: t.approvals + (approve ? 1 : 0),
        rejections: t.rejections + (approve ? 0 : 1),
      });
      return recordedAt();
    }),
    countCouncilVote: (v) => {
      const result = tallies.get(voteKey(v)) ?? { approvals: 0, rejections: 0 };
      calls.push({ name: 'countCouncilVote', arg: v, result });
      return Promise.resolve(result);
    },
    recordCouncilResult: once('recordCouncilResult', recordedAt),
    issueDecision: once('issueDecision', () => ({
      number: DECISION_NUMBER,
      signedOn: '2026-12-01',
      awards: decision.awards,
    })),
    // The batched opening is its three parts, recorded as such (the real one is the same three
    // idempotent calls in one activity).
    advanceNominationStep: async (t) => {
      transitions.push(t);
      if (t.closeDeadlineId) await activities.closeDeadline({ deadlineId: t.closeDeadlineId });
      const opened = await activities.openNominationStep(t.open);
      if (t.deadline) await activities.scheduleDeadline({ ...t.deadline, dueAt: opened.dueAt });
      return opened;
    },
    scheduleDeadline: note('scheduleDeadline'),
    escalateDeadline: note('escalateDeadline'),
    closeDeadline: note('closeDeadline'),
    currentTime: () => {
      const result = now();
      calls.push({ name: 'currentTime', arg: undefined, result });
      return Promise.resolve(result);
    },
  };
  const of = <K extends Name>(name: K): CallOf<K>[] =>
    calls.filter((c) => c.name === name) as CallOf<K>[];
  /** Every event key the nomination activities were called with, in order. */
  const eventKeys = () =>
    calls.flatMap((c) =>
      c.arg && typeof c.arg === 'object' && 'eventKey' in c.arg ? [c.arg.eventKey] : [],
    );
  /** The length each step was opened for, in the order they were opened. */
  const openDurations = () =>
    of('openNominationStep').map((c) => Date.parse(c.result.dueAt) - Date.parse(c.result.openedAt));
  return { activities, calls, of, eventKeys, openDurations, decision, transitions };
}
type Fake = ReturnType<typeof fakeActivities>;

const CLOCK: ClockSpec = (() => {
  const c = CycleClock.real('2026-01-01');
  return { periodStart: c.periodStart, epochMs: c.epochMs, scale: c.scale };
})();

const signer = (unit: string): Actor => ({
  userId: `signer-${unit}`,
  unitId: `u-${unit}`,
  roles: ['UNIT_SIGNER'],
});
const officer: Actor = { userId: 'officer-P', unitId: 'u-P', roles: ['UNIT_OFFICER'] };
const reviewer: Actor = { userId: 'reviewer', unitId: 'u-AUTH', roles: ['REVIEWER'] };
const citizen: Actor = { userId: 'citizen', unitId: null, roles: [] };
const member = (userId: string): Actor => ({
  userId,
  unitId: `u-${userId}`,
  roles: ['COUNCIL_MEMBER'],
});

const unitHead: ResolvedStep = {
  key: 'unit-head',
  kind: 'APPROVAL',
  actor: 'PROPOSER_HEAD',
  title: { vi: 'Thủ trưởng đơn vị trình', en: "Unit head's sign-off" },
  slaWorkingDays: 3,
  actorUnitId: 'u-P',
  actorUnitName: 'Proposer',
  actorRole: 'UNIT_SIGNER',
};
const appraisal: ResolvedStep = {
  key: 'appraisal',
  kind: 'APPROVAL',
  actor: 'AUTHORITY_BOARD',
  title: { vi: 'Thẩm định hồ sơ', en: 'Dossier appraisal' },
  slaWorkingDays: 10,
  actorUnitId: 'u-AUTH',
  actorUnitName: 'Authority',
  actorRole: 'REVIEWER',
};
/** The posting period is 5 working days, the board's time to answer objections 3. */
const posting: ResolvedStep = {
  key: 'posting',
  kind: 'POSTING',
  actor: 'AUTHORITY_BOARD',
  title: { vi: 'Công khai danh sách đề nghị', en: 'Public posting' },
  slaWorkingDays: 3,
  postingWorkingDays: 5,
  actorUnitId: 'u-AUTH',
  actorUnitName: 'Authority',
  actorRole: 'REVIEWER',
};
const councilVote: ResolvedStep = {
  key: 'council-vote',
  kind: 'COUNCIL_VOTE',
  actor: 'AUTHORITY_COUNCIL',
  title: { vi: 'Hội đồng Thi đua – Khen thưởng bỏ phiếu', en: 'Council vote' },
  slaWorkingDays: 5,
  thresholdPercent: 60,
  actorUnitId: 'u-AUTH',
  actorUnitName: 'Authority',
  actorRole: 'COUNCIL_MEMBER',
  councilMemberUserIds: ['m1', 'm2', 'm3'],
};

const isPostingPeriod = (e: StepOpenedEvent) => e.status === 'POSTED' && e.workingDays === 5;

describe('nominationWorkflow and decisionWorkflow on the Temporal dev server', () => {
  const config = testConfig();
  const suffix = uniqueSuffix();
  const started: string[] = [];
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let client: Client;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    connection = await Connection.connect({ address: config.temporal.address });
    nativeConnection = await NativeConnection.connect({ address: config.temporal.address });
    client = new Client({ connection, namespace: config.temporal.namespace });
    // One bundle for every test's worker: bundling is the slow part of starting one.
    bundle = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_ENTRY,
      webpackConfigHook,
      logger: new DefaultLogger('WARN'),
    });
  });

  afterAll(async () => {
    await Promise.all(
      started.map((id) =>
        client.workflow
          .getHandle(id)
          .terminate('test finished')
          .catch(() => undefined),
      ),
    );
    await connection?.close();
    await nativeConnection?.close();
  });

  async function withWorker<T>(fake: Fake, fn: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({
      connection: nativeConnection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      workflowBundle: bundle,
      activities: fake.activities,
    });
    return worker.runUntil(fn());
  }

  function input(nominationId: string, steps: ResolvedStep[]): NominationWorkflowInput {
    return {
      init: {
        nominationId,
        formCode: 'BK-UBND',
        formName: 'Bằng khen của Chủ tịch UBND Thành phố',
        nomineeName: 'Nguyễn Văn A',
        nomineeUnitId: 'u-P',
        proposerUnitId: 'u-P',
        authorityUnitId: 'u-AUTH',
        steps,
      },
      clock: CLOCK,
      reminders: { offsetsWorkingDays: [3, 1] },
      authorityName: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    };
  }

  async function startNomination(key: string, steps: ResolvedStep[]) {
    const nominationId = `${suffix}-${key}`;
    const workflowId = nominationWorkflowId(nominationId);
    started.push(workflowId);
    const handle = await client.workflow.start(NOMINATION_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: config.temporal.taskQueue,
      args: [input(nominationId, steps)],
    });
    return { handle, workflowId, nominationId };
  }

  /** Durations of the timers the workflow started, in order. */
  async function timersOf(handle: WorkflowHandle): Promise<number[]> {
    const history = await handle.fetchHistory();
    return (history.events ?? []).flatMap((e) =>
      e.timerStartedEventAttributes
        ? [tsToMs(e.timerStartedEventAttributes.startToFireTimeout)]
        : [],
    );
  }

  /** Waits until the step is open in the workflow, its wait (the n-th timer) started. */
  function opened(
    handle: WorkflowHandle,
    at: { key: string; status: NominationStatus; round?: number; timers: number },
  ): Promise<NominationView> {
    return waitFor(
      async () => {
        const view = await handle.query(nominationStatusQuery);
        const open =
          view.status === at.status &&
          view.currentStep?.key === at.key &&
          view.currentStep.dueAt !== null &&
          view.round === (at.round ?? 1);
        return open && (await timersOf(handle)).length >= at.timers ? view : undefined;
      },
      { description: `${at.key} ${at.status} (timer ${at.timers})` },
    );
  }

  const statusOf = (handle: WorkflowHandle, status: NominationStatus) =>
    waitFor(
      async () => {
        const view = await handle.query(nominationStatusQuery);
        return view.status === status ? view : undefined;
      },
      { description: `status ${status}` },
    );

  const approve = (handle: WorkflowHandle, stepKey: string, actor: Actor, reason?: string) =>
    handle.executeUpdate(stepActionUpdate, {
      args: [{ actor, stepKey, decision: 'APPROVE', ...(reason ? { reason } : {}) }],
    });

  /** The ApplicationFailure behind an Update its validator refused. */
  async function refusal(update: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await update.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }

  const decided = (key: string): DecisionIssued => ({
    decisionId: `decision-${key}`,
    number: DECISION_NUMBER,
    signedOn: '2026-12-01',
    awardId: `award-${key}`,
  });

  /** Each wait lasted as long as its step was opened for, not counted from the run's start. */
  function expectTimersOfSteps(timers: number[], durations: number[]): void {
    expect(timers).toHaveLength(durations.length);
    timers.forEach((t, i) => {
      expect(t).toBeLessThanOrEqual(durations[i]);
      expect(t).toBeGreaterThan(durations[i] - 5_000);
    });
  }

  const actionsOf = (fake: Fake) =>
    fake
      .of('recordNominationAction')
      .map(({ arg }) => [
        arg.action,
        arg.stepKey,
        arg.round,
        arg.status,
        arg.nextStepKey,
        arg.reason,
      ]);

  it('climbs unit head → appraisal → posting → council vote, then takes the decision', async () => {
    const fake = fakeActivities((e) => (isPostingPeriod(e) ? 2_000 : LONG));
    const { handle, workflowId, nominationId } = await startNomination('A', [
      unitHead,
      appraisal,
      posting,
      councilVote,
    ]);
    let awaiting: NominationView | undefined;
    const result = await withWorker(fake, async () => {
      await opened(handle, { key: 'unit-head', status: 'IN_REVIEW', timers: 1 });
      const afterUnitHead = await approve(handle, 'unit-head', signer('P'));
      expect(afterUnitHead.history.at(-1)).toMatchObject({
        stepKey: 'unit-head',
        action: 'APPROVE',
        actorUserId: 'signer-P',
      });

      await opened(handle, { key: 'appraisal', status: 'IN_REVIEW', timers: 2 });
      await approve(handle, 'appraisal', reviewer, 'Hồ sơ đầy đủ');

      await opened(handle, { key: 'posting', status: 'POSTED', timers: 3 });
      await handle.executeUpdate(fileObjectionUpdate, {
        args: [{ actor: citizen, objectionId: 'o-1', text: 'Đề nghị xem lại thành tích' }],
      });
      const resolved = await handle.executeUpdate(resolveObjectionUpdate, {
        args: [
          { actor: reviewer, objectionId: 'o-1', upheld: false, resolution: 'Không có cơ sở' },
        ],
      });
      expect(resolved.objections).toEqual([
        {
          id: 'o-1',
          text: 'Đề nghị xem lại thành tích',
          filedBy: 'citizen',
          upheld: false,
          resolution: 'Không có cơ sở',
        },
      ]);

      await opened(handle, { key: 'council-vote', status: 'VOTING', timers: 4 });
      // Sealed like the API seals them: the Update carries who voted, never how.
      const ballot = (actor: Actor, memberUserId: string, yes: boolean) =>
        handle.executeUpdate(castCouncilBallotUpdate, {
          args: [
            {
              actor,
              memberUserId,
              sealedBallot: SEAL.seal({ nominationId, memberUserId }, yes),
              written: actor.userId !== memberUserId,
            },
          ],
        });
      await ballot(member('m1'), 'm1', true);
      const secret = await ballot(member('m2'), 'm2', true);
      expect(secret.council).toEqual({ eligibleCount: 3, voted: ['m1', 'm2'] });
      expect(JSON.stringify(secret)).not.toContain('"approve"');
      // m3 is away: m1 records m3's written ballot against.
      await ballot(member('m1'), 'm3', false);

      // The vote's result is in the view at once, and stamped once its activity recorded it.
      awaiting = await waitFor(
        async () => {
          const view = await handle.query(nominationStatusQuery);
          return view.status === 'AWAITING_DECISION' && view.history.at(-1)?.at ? view : undefined;
        },
        { description: 'the recorded vote result' },
      );
      await handle.signal(decisionIssuedSignal, decided('A'));
      const done = (await handle.result()) as NominationResult;
      expect(await handle.query(nominationStatusQuery)).toMatchObject({
        status: 'AWARDED',
        decision: decided('A'),
        currentStep: null,
      });
      expectTimersOfSteps(await timersOf(handle), fake.openDurations());
      return done;
    });

    expect(result).toEqual({ status: 'AWARDED', closedReason: null, awardId: 'award-A' });
    expect(awaiting).toMatchObject({
      nominationId,
      status: 'AWAITING_DECISION',
      round: 1,
      stepIndex: 4,
      currentStep: null,
      council: null,
      postingOpen: false,
      decision: null,
    });
    expect(awaiting?.history.map((h) => [h.stepKey, h.action, h.actorUserId])).toEqual([
      ['unit-head', 'APPROVE', 'signer-P'],
      ['appraisal', 'APPROVE', 'reviewer'],
      ['posting', 'OBJECTION', 'citizen'],
      ['posting', 'OBJECTION_DISMISSED', 'reviewer'],
      ['posting', 'POSTING_COMPLETED', null],
      ['council-vote', 'VOTE_PASSED', null],
    ]);
    // Every entry carries the time its activity persisted it.
    expect(awaiting?.history.filter((h) => Number.isNaN(Date.parse(h.at)))).toEqual([]);

    const keys = fake.eventKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => k.startsWith(`${workflowId}/`))).toBe(true);
    expect(
      fake
        .of('openNominationStep')
        .map(({ arg }) => [arg.stepIndex, arg.stepKey, arg.round, arg.status, arg.workingDays]),
    ).toEqual([
      [0, 'unit-head', 1, 'IN_REVIEW', 3],
      [1, 'appraisal', 1, 'IN_REVIEW', 10],
      [2, 'posting', 1, 'POSTED', 5],
      [3, 'council-vote', 1, 'VOTING', 5],
    ]);
    expect(actionsOf(fake)).toEqual([
      ['APPROVE', 'unit-head', 1, 'IN_REVIEW', 'appraisal', null],
      ['APPROVE', 'appraisal', 1, 'IN_REVIEW', 'posting', 'Hồ sơ đầy đủ'],
      ['POSTING_COMPLETED', 'posting', 1, 'IN_REVIEW', 'council-vote', null],
      ['VOTE_PASSED', 'council-vote', 1, 'AWAITING_DECISION', null, '2/3'],
      ['AWARDED', 'decision', 1, 'AWARDED', null, DECISION_NUMBER],
    ]);
    expect(fake.of('recordObjection').map(({ arg }) => [arg.objectionId, arg.text])).toEqual([
      ['o-1', 'Đề nghị xem lại thành tích'],
    ]);
    expect(
      fake.of('recordObjectionResolution').map(({ arg }) => [arg.objectionId, arg.upheld]),
    ).toEqual([['o-1', false]]);
    expect(
      fake
        .of('recordCouncilBallot')
        .map(({ arg }) => [arg.memberUserId, arg.approve, arg.written, arg.actorUserId]),
    ).toEqual([
      ['m1', undefined, false, 'm1'],
      ['m2', undefined, false, 'm2'],
      ['m3', undefined, true, 'm1'],
    ]);
    // Counted from the anonymous tally, once, for the vote step of round 1.
    expect(fake.of('countCouncilVote').map(({ arg, result }) => [arg, result])).toEqual([
      [
        { nominationId, stepIndex: 3, round: 1 },
        { approvals: 2, rejections: 1 },
      ],
    ]);

    const [councilResult] = fake.of('recordCouncilResult');
    expect(councilResult.arg.tally).toEqual({
      eligibleCount: 3,
      ballotsCast: 3,
      writtenBallots: 1,
      approvals: 2,
      thresholdPercent: 60,
      passed: true,
    });
    const [clockRead] = fake.of('currentTime');
    const heldOn = toVietnamDate(
      new CycleClock(CLOCK.periodStart, CLOCK.epochMs, CLOCK.scale).toCalendarInstant(
        Date.parse(clockRead.result),
      ),
    );
    const [y, m, d] = heldOn.split('-');
    expect(councilResult.arg.minutes.split('\n')).toEqual(
      expect.arrayContaining([
        'Hội đồng Thi đua – Khen thưởng Ủy ban nhân dân Thành phố Hồ Chí Minh',
        'Đối tượng: Nguyễn Văn A',
        `Ngày kiểm phiếu: ${d}/${m}/${y}`,
        'Tổng số thành viên Hội đồng: 3',
        'Số phiếu thu về: 3 (trong đó bằng văn bản: 1)',
        'Số phiếu đồng ý: 2, đạt 66,7% tổng số thành viên',
        'Tỷ lệ cần đạt: 60% tổng số thành viên',
        'Kết quả: ĐẠT – đề nghị cấp có thẩm quyền quyết định khen thưởng.',
      ]),
    );

    // Approval steps and the vote have deadlines with reminders; the posting period has none.
    const deadline = (index: number) =>
      deadlineIdOf('NOMINATION_STEP', `${workflowId}-${index}-r1`);
    expect(
      fake
        .of('scheduleDeadline')
        .map(({ arg }) => [arg.deadlineId, arg.recipientUnitIds, arg.recipientRole]),
    ).toEqual([
      [deadline(0), ['u-P'], 'UNIT_SIGNER'],
      [deadline(1), ['u-AUTH'], 'REVIEWER'],
      [deadline(3), ['u-AUTH'], 'COUNCIL_MEMBER'],
    ]);
    expect(fake.of('scheduleDeadline')[1].arg).toMatchObject({
      kind: 'NOMINATION_STEP',
      escalateToUnitId: 'u-AUTH',
      escalateRole: 'AUTHORITY',
      offsetsWorkingDays: [3, 1],
      title: 'Bằng khen của Chủ tịch UBND Thành phố – Nguyễn Văn A: Thẩm định hồ sơ',
    });
    expect(fake.of('closeDeadline').map(({ arg }) => arg.deadlineId)).toEqual([
      deadline(0),
      deadline(1),
      deadline(3),
    ]);
    expect(fake.of('escalateDeadline')).toEqual([]);
    // Each opening is one activity that also closes the step left and schedules its own deadline;
    // only the last deadline is closed apart, when the chain ends.
    expect(
      fake.transitions.map((t) => [t.open.status, t.closeDeadlineId, t.deadline?.deadlineId]),
    ).toEqual([
      ['IN_REVIEW', null, deadline(0)],
      ['IN_REVIEW', deadline(0), deadline(1)],
      ['POSTED', deadline(1), undefined],
      ['VOTING', null, deadline(3)],
    ]);

    await recordHistory(client, workflowId, 'commendation', 'nomination-posted-voted-awarded');
  });

  it('sends a returned dossier back to the same step, one round later, once the proposer resubmits', async () => {
    const fake = fakeActivities();
    const { handle, workflowId } = await startNomination('B', [unitHead, appraisal]);
    await withWorker(fake, async () => {
      await opened(handle, { key: 'unit-head', status: 'IN_REVIEW', timers: 1 });
      await approve(handle, 'unit-head', signer('P'));
      await opened(handle, { key: 'appraisal', status: 'IN_REVIEW', timers: 2 });

      const noReason = await refusal(
        handle.executeUpdate(stepActionUpdate, {
          args: [{ actor: reviewer, stepKey: 'appraisal', decision: 'RETURN', reason: '  ' }],
        }),
      );
      expect(noReason.type).toBe('REASON_REQUIRED');
      const returned = await handle.executeUpdate(stepActionUpdate, {
        args: [
          { actor: reviewer, stepKey: 'appraisal', decision: 'RETURN', reason: 'Thiếu biên bản' },
        ],
      });
      expect(returned).toMatchObject({ status: 'RETURNED', round: 1, stepIndex: 1 });

      await opened(handle, { key: 'appraisal', status: 'RETURNED', timers: 3 });
      const notProposer = await refusal(
        handle.executeUpdate(resubmitNominationUpdate, { args: [{ actor: reviewer }] }),
      );
      expect(notProposer.type).toBe('NOT_PROPOSER_UNIT');
      const resubmitted = await handle.executeUpdate(resubmitNominationUpdate, {
        args: [{ actor: officer, note: 'Đã bổ sung biên bản' }],
      });
      expect(resubmitted).toMatchObject({
        status: 'IN_REVIEW',
        round: 2,
        stepIndex: 1,
        currentStep: { key: 'appraisal' },
      });

      await opened(handle, { key: 'appraisal', status: 'IN_REVIEW', round: 2, timers: 4 });
      await approve(handle, 'appraisal', reviewer);
      await statusOf(handle, 'AWAITING_DECISION');
      await handle.signal(decisionIssuedSignal, decided('B'));
      expect(await handle.result()).toEqual({
        status: 'AWARDED',
        closedReason: null,
        awardId: 'award-B',
      });
      const view = await handle.query(nominationStatusQuery);
      expect(view.history.map((h) => [h.stepKey, h.round, h.action, h.reason])).toEqual([
        ['unit-head', 1, 'APPROVE', null],
        ['appraisal', 1, 'RETURN', 'Thiếu biên bản'],
        ['appraisal', 2, 'RESUBMIT', 'Đã bổ sung biên bản'],
        ['appraisal', 2, 'APPROVE', null],
        ['decision', 2, 'AWARDED', DECISION_NUMBER],
      ]);
      expectTimersOfSteps(await timersOf(handle), fake.openDurations());
    });

    const keys = fake.eventKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      fake
        .of('openNominationStep')
        .map(({ arg }) => [arg.stepIndex, arg.stepKey, arg.round, arg.status]),
    ).toEqual([
      [0, 'unit-head', 1, 'IN_REVIEW'],
      [1, 'appraisal', 1, 'IN_REVIEW'],
      [1, 'appraisal', 1, 'RETURNED'],
      [1, 'appraisal', 2, 'IN_REVIEW'],
    ]);
    expect(actionsOf(fake)).toEqual([
      ['APPROVE', 'unit-head', 1, 'IN_REVIEW', 'appraisal', null],
      ['RETURN', 'appraisal', 1, 'RETURNED', 'appraisal', 'Thiếu biên bản'],
      ['RESUBMIT', 'appraisal', 2, 'IN_REVIEW', 'appraisal', 'Đã bổ sung biên bản'],
      ['APPROVE', 'appraisal', 2, 'AWAITING_DECISION', null, null],
      ['AWARDED', 'decision', 2, 'AWARDED', null, DECISION_NUMBER],
    ]);
    expect(fake.of('recordNominationAction')[2].arg).toMatchObject({
      actorUserId: 'officer-P',
      actorUnitId: 'u-P',
    });
    // While returned, the proposing unit's officers are the ones reminded.
    const revision = deadlineIdOf('NOMINATION_STEP', `${workflowId}-1-r1-revision`);
    expect(
      fake
        .of('scheduleDeadline')
        .map(({ arg }) => [arg.deadlineId, arg.recipientUnitIds, arg.recipientRole]),
    ).toEqual([
      [deadlineIdOf('NOMINATION_STEP', `${workflowId}-0-r1`), ['u-P'], 'UNIT_SIGNER'],
      [deadlineIdOf('NOMINATION_STEP', `${workflowId}-1-r1`), ['u-AUTH'], 'REVIEWER'],
      [revision, ['u-P'], 'UNIT_OFFICER'],
      [deadlineIdOf('NOMINATION_STEP', `${workflowId}-1-r2`), ['u-AUTH'], 'REVIEWER'],
    ]);
    expect(fake.of('closeDeadline').map(({ arg }) => arg.deadlineId)).toContain(revision);

    await recordHistory(client, workflowId, 'commendation', 'nomination-returned-resubmitted');
  });

  it('opens the next step only after the record of the action that moved the nomination there', async () => {
    const fake = fakeActivities();
    // The appraisal's approval is written slowly, as when PostgreSQL restarts and the activity is
    // retried: held for up to 3 s, or until the posting is opened meanwhile (the bug this guards).
    const order: string[] = [];
    const record = fake.activities.recordNominationAction;
    fake.activities.recordNominationAction = async (e) => {
      if (e.stepKey === 'appraisal' && e.action === 'APPROVE') {
        await waitFor(() => order.includes('posting opened'), {
          timeoutMs: 3_000,
          description: 'the posting to open while the approval is written',
        }).catch(() => undefined);
        order.push('approval recorded');
      }
      return record(e);
    };
    const open = fake.activities.openNominationStep;
    fake.activities.openNominationStep = (e) => {
      if (e.stepKey === 'posting') order.push('posting opened');
      return open(e);
    };
    const { handle } = await startNomination('ORDER', [unitHead, appraisal, posting]);
    await withWorker(fake, async () => {
      await opened(handle, { key: 'unit-head', status: 'IN_REVIEW', timers: 1 });
      await approve(handle, 'unit-head', signer('P'));
      await opened(handle, { key: 'appraisal', status: 'IN_REVIEW', timers: 2 });
      await approve(handle, 'appraisal', reviewer);
      await opened(handle, { key: 'posting', status: 'POSTED', timers: 3 });
    });
    // PostgreSQL opens a step only while it has the nomination there: an opening written before
    // the approval would find the appraisal, and the posting would never be shown.
    expect(order).toEqual(['approval recorded', 'posting opened']);
    expect(
      fake.of('openNominationStep').map(({ arg }) => [arg.stepIndex, arg.stepKey, arg.status]),
    ).toEqual([
      [0, 'unit-head', 'IN_REVIEW'],
      [1, 'appraisal', 'IN_REVIEW'],
      [2, 'posting', 'POSTED'],
    ]);
  });

  it('escalates a step once when its SLA passes, and the step can still be approved', async () => {
    const fake = fakeActivities((e) => (e.stepKey === 'unit-head' ? 1_500 : LONG));
    const { handle, workflowId } = await startNomination('C', [unitHead, appraisal]);
    await withWorker(fake, async () => {
      const escalated = await waitFor(
        () => fake.of('recordNominationAction').find(({ arg }) => arg.action === 'ESCALATED'),
        { description: 'the escalation of the unit head step' },
      );
      expect(escalated.arg).toMatchObject({
        eventKey: `${workflowId}/escalated-0-r1`,
        stepKey: 'unit-head',
        actorUserId: null,
        status: 'IN_REVIEW',
        nextStepKey: 'unit-head',
        reason: null,
      });
      const view = await handle.query(nominationStatusQuery);
      expect(view.status).toBe('IN_REVIEW');
      expect(view.history.map((h) => [h.stepKey, h.action])).toEqual([['unit-head', 'ESCALATED']]);

      const approved = await approve(handle, 'unit-head', signer('P'));
      expect(approved.currentStep?.key).toBe('appraisal');
      await opened(handle, { key: 'appraisal', status: 'IN_REVIEW', timers: 2 });
      await approve(handle, 'appraisal', reviewer);
      await statusOf(handle, 'AWAITING_DECISION');
      // The appraisal opened well after the run started: its SLA still counts from its opening.
      expectTimersOfSteps(await timersOf(handle), fake.openDurations());
      await handle.signal(decisionIssuedSignal, decided('C'));
      expect(await handle.result()).toMatchObject({ status: 'AWARDED' });
    });
    const unitHeadDeadline = deadlineIdOf('NOMINATION_STEP', `${workflowId}-0-r1`);
    expect(fake.of('escalateDeadline').map(({ arg }) => arg.deadlineId)).toEqual([
      unitHeadDeadline,
    ]);
    expect(actionsOf(fake).map(([action, stepKey]) => [action, stepKey])).toEqual([
      ['ESCALATED', 'unit-head'],
      ['APPROVE', 'unit-head'],
      ['APPROVE', 'appraisal'],
      ['AWARDED', 'decision'],
    ]);
    expect(fake.of('closeDeadline').map(({ arg }) => arg.deadlineId)).toEqual([
      unitHeadDeadline,
      deadlineIdOf('NOMINATION_STEP', `${workflowId}-1-r1`),
    ]);
  });

  it('escalates a late revision apart from the late step it was returned from', async () => {
    const fake = fakeActivities((e) => (e.round === 1 ? 1_500 : LONG));
    const { handle, workflowId } = await startNomination('G', [unitHead]);
    const escalations = (n: number) =>
      waitFor(
        () => {
          const found = fake
            .of('recordNominationAction')
            .filter(({ arg }) => arg.action === 'ESCALATED');
          return found.length >= n ? found : undefined;
        },
        { description: `${n} escalations` },
      );
    await withWorker(fake, async () => {
      await escalations(1);
      await handle.executeUpdate(stepActionUpdate, {
        args: [{ actor: signer('P'), stepKey: 'unit-head', decision: 'RETURN', reason: 'Sửa lại' }],
      });
      await escalations(2);
      await handle.executeUpdate(resubmitNominationUpdate, { args: [{ actor: officer }] });
      await opened(handle, { key: 'unit-head', status: 'IN_REVIEW', round: 2, timers: 3 });
      await approve(handle, 'unit-head', signer('P'));
      await statusOf(handle, 'AWAITING_DECISION');
      await handle.signal(decisionIssuedSignal, decided('G'));
      expect(await handle.result()).toMatchObject({ status: 'AWARDED' });
    });
    expect(fake.of('escalateDeadline').map(({ arg }) => arg.deadlineId)).toEqual([
      deadlineIdOf('NOMINATION_STEP', `${workflowId}-0-r1`),
      deadlineIdOf('NOMINATION_STEP', `${workflowId}-0-r1-revision`),
    ]);
    expect(actionsOf(fake).map(([action, , round, status]) => [action, round, status])).toEqual([
      ['ESCALATED', 1, 'IN_REVIEW'],
      ['RETURN', 1, 'RETURNED'],
      ['ESCALATED', 1, 'RETURNED'],
      ['RESUBMIT', 2, 'IN_REVIEW'],
      ['APPROVE', 2, 'AWAITING_DECISION'],
      ['AWARDED', 2, 'AWARDED'],
    ]);
    // Both escalations are persisted: each has its own event key.
    const keys = fake.eventKeys();
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses an Update from the wrong unit in its validator: nothing recorded, nothing changed', async () => {
    const fake = fakeActivities();
    const { handle, workflowId } = await startNomination('D', [unitHead, appraisal]);
    await withWorker(fake, async () => {
      await opened(handle, { key: 'unit-head', status: 'IN_REVIEW', timers: 1 });
      await waitFor(() => fake.of('scheduleDeadline').length === 1, {
        description: 'the step deadline',
      });
      const callsBefore = fake.calls.length;
      const viewBefore = await handle.query(nominationStatusQuery);

      const wrongUnit = await refusal(approve(handle, 'unit-head', signer('X')));
      expect(wrongUnit.type).toBe('NOT_STEP_ACTOR');
      expect(wrongUnit.nonRetryable).toBe(true);
      expect(wrongUnit.details).toEqual([
        { step: 'Thủ trưởng đơn vị trình', role: 'UNIT_SIGNER', unit: 'Proposer' },
      ]);
      const notYet = await refusal(approve(handle, 'appraisal', reviewer));
      expect(notYet.type).toBe('NOMINATION_NOT_AT_STEP');

      expect(fake.calls).toHaveLength(callsBefore);
      expect(await handle.query(nominationStatusQuery)).toEqual(viewBefore);
      const history = await handle.fetchHistory();
      expect(
        history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes),
      ).toEqual([]);

      // The proposer can still withdraw it.
      await handle.executeUpdate(withdrawNominationUpdate, {
        args: [{ actor: officer, reason: 'Đơn vị rút đề nghị' }],
      });
      expect(await handle.result()).toEqual({
        status: 'WITHDRAWN',
        closedReason: 'Đơn vị rút đề nghị',
        awardId: null,
      });
    });
    expect(actionsOf(fake)).toEqual([
      ['WITHDRAW', 'unit-head', 1, 'WITHDRAWN', null, 'Đơn vị rút đề nghị'],
    ]);
    expect(fake.of('closeDeadline').map(({ arg }) => arg.deadlineId)).toEqual([
      deadlineIdOf('NOMINATION_STEP', `${workflowId}-0-r1`),
    ]);
  });

  it('gives the board its own time to answer an objection left open by the end of the posting', async () => {
    const fake = fakeActivities((e) => (isPostingPeriod(e) ? 1_500 : LONG));
    const { handle, workflowId } = await startNomination('F', [posting, councilVote]);
    await withWorker(fake, async () => {
      await opened(handle, { key: 'posting', status: 'POSTED', timers: 1 });
      await handle.executeUpdate(fileObjectionUpdate, {
        args: [{ actor: citizen, objectionId: 'o-1', text: 'Cá nhân này từng bị kỷ luật' }],
      });
      const closed = await waitFor(
        async () => {
          const view = await handle.query(nominationStatusQuery);
          return !view.postingOpen && (await timersOf(handle)).length >= 2 ? view : undefined;
        },
        { description: 'the posting to close with the objection open' },
      );
      expect(closed).toMatchObject({ status: 'POSTED', currentStep: { key: 'posting' } });
      const late = await refusal(
        handle.executeUpdate(fileObjectionUpdate, {
          args: [{ actor: citizen, objectionId: 'o-2', text: 'Muộn' }],
        }),
      );
      expect(late.type).toBe('POSTING_CLOSED');
      const notBoard = await refusal(
        handle.executeUpdate(resolveObjectionUpdate, {
          args: [{ actor: member('m1'), objectionId: 'o-1', upheld: true, resolution: 'x' }],
        }),
      );
      expect(notBoard.type).toBe('NOT_STEP_ACTOR');

      await handle.executeUpdate(resolveObjectionUpdate, {
        args: [
          {
            actor: reviewer,
            objectionId: 'o-1',
            upheld: true,
            resolution: 'Đã bị kỷ luật khiển trách năm 2026',
          },
        ],
      });
      expect(await handle.result()).toEqual({
        status: 'REJECTED',
        closedReason: 'Ý kiến phản ánh được xác nhận: Đã bị kỷ luật khiển trách năm 2026',
        awardId: null,
      });
      expectTimersOfSteps(await timersOf(handle), fake.openDurations());
    });
    const opens = fake.of('openNominationStep');
    expect(opens.map(({ arg }) => [arg.stepKey, arg.status, arg.workingDays])).toEqual([
      ['posting', 'POSTED', 5],
      ['posting', 'POSTED', 3],
    ]);
    const keys = fake.eventKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(fake.of('escalateDeadline')).toEqual([]);
    expect(
      fake.of('scheduleDeadline').map(({ arg }) => [arg.deadlineId, arg.recipientRole]),
    ).toEqual([[deadlineIdOf('NOMINATION_STEP', `${workflowId}-0-r1`), 'REVIEWER']]);
    expect(actionsOf(fake)).toEqual([
      [
        'REJECT',
        'posting',
        1,
        'REJECTED',
        null,
        'Ý kiến phản ánh được xác nhận: Đã bị kỷ luật khiển trách năm 2026',
      ],
    ]);
    expect(fake.of('recordObjectionResolution').map(({ arg }) => arg.upheld)).toEqual([true]);
  });

  it('issues a decision once and tells each awarded nomination, even when one is gone', async () => {
    const fake = fakeActivities();
    const first = await startNomination('E1', [unitHead]);
    const second = await startNomination('E2', [unitHead]);
    const decisionId = `${suffix}-E`;
    const workflowId = decisionWorkflowId(decisionId);
    started.push(workflowId);
    const gone: IssuedAward = {
      nominationId: `${suffix}-E-gone`,
      awardId: 'award-gone',
      workflowId: nominationWorkflowId(`${suffix}-E-gone`),
    };
    fake.decision.awards = [
      { nominationId: first.nominationId, awardId: 'award-E1', workflowId: first.workflowId },
      gone,
      { nominationId: second.nominationId, awardId: 'award-E2', workflowId: second.workflowId },
    ];

    const outcome = await withWorker(fake, async () => {
      for (const n of [first, second]) {
        await opened(n.handle, { key: 'unit-head', status: 'IN_REVIEW', timers: 1 });
        await approve(n.handle, 'unit-head', signer('P'));
        await statusOf(n.handle, 'AWAITING_DECISION');
      }
      const decision = (await client.workflow.execute(DECISION_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: config.temporal.taskQueue,
        args: [{ decisionId, actorUserId: 'chairman' }],
      })) as { number: string; awards: IssuedAward[] };
      const results = [
        (await first.handle.result()) as NominationResult,
        (await second.handle.result()) as NominationResult,
      ];
      const views = [
        await first.handle.query(nominationStatusQuery),
        await second.handle.query(nominationStatusQuery),
      ];
      return { decision, results, views };
    });

    expect(outcome.decision).toEqual({ number: DECISION_NUMBER, awards: fake.decision.awards });
    expect(fake.of('issueDecision').map(({ arg }) => arg)).toEqual([
      { eventKey: `${workflowId}/issue`, decisionId, actorUserId: 'chairman' },
    ]);
    expect(outcome.results).toEqual([
      { status: 'AWARDED', closedReason: null, awardId: 'award-E1' },
      { status: 'AWARDED', closedReason: null, awardId: 'award-E2' },
    ]);
    expect(outcome.views.map((v) => v.decision)).toEqual([
      { decisionId, number: DECISION_NUMBER, signedOn: '2026-12-01', awardId: 'award-E1' },
      { decisionId, number: DECISION_NUMBER, signedOn: '2026-12-01', awardId: 'award-E2' },
    ]);
    expect(
      fake
        .of('recordNominationAction')
        .filter(({ arg }) => arg.action === 'AWARDED')
        .map(({ arg }) => [arg.nominationId, arg.reason])
        .sort(),
    ).toEqual([
      [first.nominationId, DECISION_NUMBER],
      [second.nominationId, DECISION_NUMBER],
    ]);
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const signals = (history.events ?? []).filter(
      (e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes,
    );
    expect(signals).toHaveLength(3);

    await recordHistory(client, workflowId, 'commendation', 'decision-issued');
  });
});
