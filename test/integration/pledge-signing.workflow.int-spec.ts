import {
  Client,
  Connection,
  WorkflowUpdateFailedError,
  WithStartWorkflowOperation,
  WorkflowUpdateStage,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  PLEDGE_SIGNING_WORKFLOW_TYPE,
  countersignPledgeUpdate,
  signPledgeUpdate,
  signingStatusQuery,
  type PledgeSigningActivities,
  type PledgeSigningInput,
  type PledgeSigningResult,
} from '@epw/contracts';
import type { Actor } from '@epw/domain';
import { testConfig, uniqueSuffix, waitFor } from '@epw/testing';
import { WORKFLOWS_ENTRY, webpackConfigHook } from '../../apps/worker/src/temporal/workflow-source';

/** Activities that remember what they were asked to persist; the first write of each unit decision
 * fails once, as a database hiccup would, to prove retries record it exactly once. */
function fakeActivities() {
  const recorded: { name: string; eventKey: string; missing?: string[] }[] = [];
  const failedOnce = new Set<string>();
  const at = () => new Date().toISOString();
  const record = (name: string) => (e: { eventKey: string; missingUnitIds?: string[] }) => {
    if (!recorded.some((r) => r.eventKey === e.eventKey)) {
      recorded.push({ name, eventKey: e.eventKey, missing: e.missingUnitIds });
    }
    return Promise.resolve({ recordedAt: at() });
  };
  const activities: PledgeSigningActivities = {
    recordRoundOpened: record('opened'),
    recordUnitDecision: async (e) => {
      if (!failedOnce.has(e.eventKey)) {
        failedOnce.add(e.eventKey);
        throw ApplicationFailure.retryable('database hiccup');
      }
      return record('decision')(e);
    },
    recordPledgeAmended: record('amended'),
    recordRoundOverdue: record('overdue'),
    recordCountersigned: record('countersigned'),
    recordDeadlineExtended: record('extended'),
  };
  return { activities, recorded };
}

/** What a whole three-unit round records, in order: its opening, three signatures, the countersign. */
const WHOLE_ROUND = ['opened', 'decision', 'decision', 'decision', 'countersigned'];

const signer = (unit: string): Actor => ({
  userId: `user-${unit}`,
  unitId: unit,
  roles: ['UNIT_SIGNER'],
});

describe('pledgeSigningWorkflow on the Temporal dev server', () => {
  const config = testConfig();
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: config.temporal.address });
    nativeConnection = await NativeConnection.connect({ address: config.temporal.address });
    client = new Client({ connection, namespace: config.temporal.namespace });
  });

  afterAll(async () => {
    await connection?.close();
    await nativeConnection?.close();
  });

  function input(roundId: string, deadlineInMs: number): PledgeSigningInput {
    return {
      roundId,
      cycleId: 'c1',
      clusterCode: 'CTD-T',
      headUnitId: 'A',
      members: ['A', 'B', 'C'].map((u) => ({ unitId: u, unitCode: u, unitName: `Unit ${u}` })),
      pledge: { version: 1, items: ['Item'], contentHash: 'h1' },
      deadlineAt: new Date(Date.now() + deadlineInMs).toISOString(),
      openedBy: 'user-A',
    };
  }

  /** The round's options; the start itself is the caller's (plain, or with an Update). */
  const roundOptions = (roundId: string, deadlineInMs: number) => ({
    workflowId: roundId,
    taskQueue: config.temporal.taskQueue,
    args: [input(roundId, deadlineInMs)] as [PledgeSigningInput],
  });
  const startRound = (roundId: string, deadlineInMs: number) =>
    client.workflow.start(PLEDGE_SIGNING_WORKFLOW_TYPE, roundOptions(roundId, deadlineInMs));

  async function withWorker<T>(
    activities: PledgeSigningActivities,
    fn: () => Promise<T>,
  ): Promise<T> {
    const worker = await Worker.create({
      connection: nativeConnection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      workflowsPath: WORKFLOWS_ENTRY,
      bundlerOptions: { webpackConfigHook },
      activities: { ...activities, currentTime: () => Promise.resolve(new Date().toISOString()) },
    });
    return worker.runUntil(fn());
  }

  it('persists each accepted action once: rejected updates never reach activities, retried ones record once', async () => {
    const { activities, recorded } = fakeActivities();
    const roundId = `wf-test-${uniqueSuffix()}`;
    await withWorker(activities, async () => {
      const handle = await startRound(roundId, 3_600_000);

      // Same update id twice (a client retry): one decision, the same answer.
      const first = await handle.executeUpdate(signPledgeUpdate, {
        args: [{ actor: signer('B'), unitId: 'B', version: 1 }],
        updateId: 'sign-B-1',
      });
      const again = await handle.executeUpdate(signPledgeUpdate, {
        args: [{ actor: signer('B'), unitId: 'B', version: 1 }],
        updateId: 'sign-B-1',
      });
      expect(again).toEqual(first);

      // A validator rejection carries the domain code and writes nothing.
      const rejected = await handle
        .executeUpdate(signPledgeUpdate, {
          args: [{ actor: signer('B'), unitId: 'C', version: 1 }],
        })
        .catch((err: unknown) => err);
      expect(rejected).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(((rejected as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe(
        'WRONG_UNIT',
      );

      for (const u of ['A', 'C']) {
        await handle.executeUpdate(signPledgeUpdate, {
          args: [{ actor: signer(u), unitId: u, version: 1 }],
        });
      }
      const status = await handle.query(signingStatusQuery);
      expect(status).toMatchObject({ status: 'AWAITING_COUNTERSIGN', signedCount: 3 });
      expect(status.units.every((u) => u.at !== null && u.at !== '')).toBe(true);

      await handle.executeUpdate(countersignPledgeUpdate, {
        args: [{ actor: signer('A'), version: 1 }],
      });
      const result = (await handle.result()) as PledgeSigningResult;
      expect(result).toMatchObject({ roundId, effectiveVersion: 1, overdue: false });

      const history = await handle.fetchHistory();
      const accepted =
        history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
      expect(accepted).toHaveLength(4); // B, A, C, countersign: the duplicate and the rejection left no trace
    });
    expect(recorded.map((r) => r.name)).toEqual(WHOLE_ROUND);
  });

  it('records actions in the order it accepted them, even when an earlier record must be retried', async () => {
    // Every unit decision's first write fails (retried a second later). The countersign is
    // accepted while the last signature is still being written: its record must wait for it, or
    // the signature's "awaiting countersign" would land after, and over, "effective".
    const { activities, recorded } = fakeActivities();
    const roundId = `wf-test-${uniqueSuffix()}`;
    await withWorker(activities, async () => {
      const handle = await startRound(roundId, 3_600_000);
      for (const u of ['A', 'B']) {
        await handle.executeUpdate(signPledgeUpdate, {
          args: [{ actor: signer(u), unitId: u, version: 1 }],
        });
      }
      const lastSignature = await handle.startUpdate(signPledgeUpdate, {
        args: [{ actor: signer('C'), unitId: 'C', version: 1 }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      const countersign = await handle.startUpdate(countersignPledgeUpdate, {
        args: [{ actor: signer('A'), version: 1 }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      await Promise.all([lastSignature.result(), countersign.result()]);
      expect(await handle.result()).toMatchObject({ effectiveVersion: 1, overdue: false });
    });
    expect(recorded.map((r) => r.name)).toEqual(WHOLE_ROUND);
  });

  it('records the round before a signature that reached the workflow with its start', async () => {
    // As in PostgreSQL, a signature cannot be written before its round's row exists.
    const { activities, recorded } = fakeActivities();
    const recordDecision = activities.recordUnitDecision;
    activities.recordUnitDecision = (e) =>
      recorded.some((r) => r.name === 'opened')
        ? recordDecision(e)
        : Promise.reject(ApplicationFailure.retryable('round not recorded yet'));
    const roundId = `wf-test-${uniqueSuffix()}`;
    // Update-with-start: the signature reaches the workflow in its very first task.
    const start = new WithStartWorkflowOperation(PLEDGE_SIGNING_WORKFLOW_TYPE, {
      ...roundOptions(roundId, 3_600_000),
      workflowIdConflictPolicy: 'FAIL',
    });
    await withWorker(activities, async () => {
      const signed = await client.workflow.executeUpdateWithStart(signPledgeUpdate, {
        args: [{ actor: signer('B'), unitId: 'B', version: 1 }],
        startWorkflowOperation: start,
      });
      expect(signed.signedCount).toBe(1);
      await (await start.workflowHandle()).terminate('test done');
    });
    expect(recorded.map((r) => r.name)).toEqual(['opened', 'decision']);
  });

  it('fires the deadline once, recording who had not signed', async () => {
    const { activities, recorded } = fakeActivities();
    const roundId = `wf-test-${uniqueSuffix()}`;
    await withWorker(activities, async () => {
      const handle = await startRound(roundId, 2_000);
      await handle.executeUpdate(signPledgeUpdate, {
        args: [{ actor: signer('A'), unitId: 'A', version: 1 }],
      });
      const overdue = await waitFor(
        async () => {
          const s = await handle.query(signingStatusQuery);
          return s.status === 'OVERDUE' && s.overdueAt ? s : undefined;
        },
        { description: 'the overdue status' },
      );
      expect(overdue.missingAtDeadline).toEqual(['B', 'C']);
      for (const u of ['B', 'C']) {
        await handle.executeUpdate(signPledgeUpdate, {
          args: [{ actor: signer(u), unitId: u, version: 1 }],
        });
      }
      await handle.executeUpdate(countersignPledgeUpdate, {
        args: [{ actor: signer('A'), version: 1 }],
      });
      expect(await handle.result()).toMatchObject({ overdue: true });
    });
    const overdueEvents = recorded.filter((r) => r.name === 'overdue');
    expect(overdueEvents).toHaveLength(1);
    expect(overdueEvents[0]?.missing).toEqual(['B', 'C']);
  });
});
