import { waitFor } from '@epw/testing';
import { delay, type ActionRecord, type SendOptions } from './chaos-client';
import type { ChaosContext, TrialRun } from './chaos-context';
import type { TrialPlan } from './trial-plan';

/** One scripted HTTP action of a scenario. */
export interface ScriptedAction {
  label: string;
  user: string;
  path: () => string;
  body: Record<string, unknown>;
  key: string;
  /** Sent with its Idempotency-Key (the API derives the Workflow Update id from it). */
  keyed: boolean;
  /** The Update id the API derives from the key, when the action is an Update. */
  updateId?: string;
}

export interface ScenarioHooks {
  /** Whether Temporal (or PostgreSQL) shows the action arrived: the API-kill fault waits for it. */
  arrived(a: ScriptedAction): Promise<boolean>;
  /** After every answer (e.g. to learn an id the API made up). */
  answered?(a: ScriptedAction, r: ActionRecord): Promise<void>;
  /** Whether the action can be sent yet (e.g. its path needs an id). */
  ready?(a: ScriptedAction): boolean;
}

const PROCESS_FAULTS = new Set([
  'worker-kill',
  'api-kill',
  'temporal-restart',
  'redis-restart',
  'redis-flush',
  'postgres-restart',
  'worker-pause',
]);

export function newTrialRun(plan: TrialPlan, subjectId: string | null): TrialRun {
  return {
    plan,
    subjectId,
    workflowIds: [],
    decisionId: null,
    decisionNumber: '',
    outcome: 'not-started',
    actions: [],
    problems: [],
    notes: [],
    startedAt: Date.now(),
    finishedAt: 0,
    checkMs: 0,
  };
}

/**
 * Sends a scenario's actions in order and strikes with the trial's fault at its planned action:
 * process faults while the action is in flight (under the fault gate, until the system is back),
 * duplicates (the same request twice at once, again, then without its key), or a reorder (the
 * next action races this one).
 */
export class TrialDriver {
  private readonly done = new Set<number>();

  constructor(
    private readonly ctx: ChaosContext,
    private readonly t: TrialRun,
    private readonly actions: ScriptedAction[],
    private readonly hooks: ScenarioHooks,
  ) {}

  private get plan(): TrialPlan {
    return this.t.plan;
  }

  async send(a: ScriptedAction, opts: SendOptions = {}): Promise<ActionRecord> {
    const r = await this.ctx.http.send(this.plan.index, a.label, a.user, 'POST', a.path(), a.body, {
      // Unanswered actions are retried with the same key until answered. Actions without a key
      // (decision drafts, opening a round) are retried too: a retry that finds the first attempt
      // done is refused (409), which the scenario resolves by looking the record up.
      retry: true,
      ...(a.keyed ? { key: a.key } : {}),
      ...opts,
    });
    this.t.actions.push(r);
    await this.hooks.answered?.(a, r);
    return r;
  }

  /** The action at `i` (once), with the trial's fault if it strikes there. */
  async perform(i: number): Promise<ActionRecord | null> {
    if (this.done.has(i)) return null;
    const a = this.actions[i];
    if (this.hooks.ready && !this.hooks.ready(a)) return null;
    this.done.add(i);
    const { plan } = this;
    if (plan.point !== i || plan.duringIdle) return this.send(a);
    if (plan.fault === 'duplicates') return this.duplicated(a);
    if (plan.fault === 'reorder') return this.reordered(i);
    return this.withFault(a);
  }

  /** With an idle deadline, the fault may strike while it runs out instead. */
  idleFault(): Promise<void> {
    const { plan } = this;
    return plan.duringIdle && PROCESS_FAULTS.has(plan.fault)
      ? delay(plan.delayMs * 10).then(() =>
          this.ctx.gate.exclusive(plan.index, plan.fault, () => this.inject()),
        )
      : Promise.resolve();
  }

  /** The planned process fault, then back to a working system. Runs under the fault gate. */
  private async inject(): Promise<void> {
    const { sys } = this.ctx;
    switch (this.plan.fault) {
      case 'worker-kill':
        await sys.killWorker();
        await sys.startWorker();
        break;
      case 'api-kill':
        await sys.killApi();
        await sys.startApi();
        break;
      case 'temporal-restart':
        await sys.restartTemporal(this.plan.signal);
        await sys.waitApi();
        break;
      case 'redis-restart':
        await sys.restartRedis(this.plan.signal);
        await sys.waitApi();
        break;
      case 'redis-flush':
        await sys.flushRedis();
        break;
      case 'postgres-restart':
        await sys.restartPostgres();
        await sys.waitApi();
        break;
      case 'worker-pause':
        await sys.pauseWorker(this.ctx.queueLockMs + 1500);
        break;
      default:
        break;
    }
  }

  /** Sends the action and strikes while it is in flight. */
  private async withFault(a: ScriptedAction): Promise<ActionRecord> {
    const { plan } = this;
    let sending: Promise<ActionRecord> | undefined;
    await this.ctx.gate.exclusive(plan.index, plan.fault, async () => {
      let sent: () => void = () => undefined;
      const onWire = new Promise<void>((resolve) => (sent = resolve));
      sending = this.send(a, { onSent: () => sent() });
      await onWire;
      if (plan.fault === 'api-kill' && plan.onAccept) {
        // "Killed right after sending the Update": once Temporal has it (bounded; else now).
        await waitFor(() => this.hooks.arrived(a).catch(() => false), {
          timeoutMs: 10_000,
          intervalMs: 20,
          description: `${a.label} to reach Temporal`,
        }).catch(() => this.t.notes.push(`${a.label}: not seen in Temporal before the kill`));
      } else {
        await delay(plan.delayMs);
      }
      await this.inject();
    });
    if (!sending) throw new Error('unreachable: the action was not sent');
    return sending;
  }

  /** The same action twice at once and once more with its key, then once without a key. */
  private async duplicated(a: ScriptedAction): Promise<ActionRecord> {
    const [first, second] = await Promise.all([this.send(a), this.send(a)]);
    await this.send(a);
    const unkeyed = await this.send({ ...a, keyed: false }, { retry: false });
    if (unkeyed.outcome === 'acked' && a.keyed) {
      this.t.notes.push(`${a.label} without a key was accepted again (${unkeyed.status})`);
    }
    return first.outcome === 'acked' ? first : second;
  }

  /** The next action races this one (sent 0-40 ms later, with a key of its own). */
  private async reordered(i: number): Promise<ActionRecord> {
    const next = this.actions[i + 1];
    const early: ScriptedAction = {
      ...next,
      key: `${next.key}-early`,
      updateId: next.updateId?.replace(next.key, `${next.key}-early`),
    };
    const [r, n] = await Promise.all([
      this.send(this.actions[i]),
      delay(this.plan.delayMs % 40).then(() => this.send(early)),
    ]);
    if (n.outcome === 'acked') this.done.add(i + 1);
    return r;
  }
}
