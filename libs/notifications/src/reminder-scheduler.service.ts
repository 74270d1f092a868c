import { Injectable, Logger } from '@nestjs/common';
import type { DeadlineSpec } from '@epw/contracts';
import { CyclePlanner, ReminderRepository } from '@epw/data-access';
import { escalationJobId, reminderJobId } from './queue-names';
import { QueuesService } from './queues.service';
import { dueDateOf, planReminders } from './reminder-plan';

type DeadlineRow = NonNullable<Awaited<ReturnType<ReminderRepository['findDeadline']>>>;

/** Turns deadlines into delayed reminder jobs with ids from business keys: scheduling twice adds
 * nothing, moving a deadline replaces its jobs, and everything can be rebuilt from PostgreSQL. */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly queues: QueuesService,
    private readonly deadlines: ReminderRepository,
    private readonly planner: CyclePlanner,
  ) {}

  async schedule(spec: DeadlineSpec): Promise<void> {
    const dueAtMs = Date.parse(spec.dueAt);
    const plan = planReminders(
      dueAtMs,
      spec.offsetsWorkingDays,
      spec.clock,
      await this.planner.holidays(),
    );
    const { previous, row } = await this.deadlines.upsertDeadline(
      spec,
      dueDateOf(dueAtMs, spec.clock),
      plan.map((p) => new Date(p.atMs)),
    );
    if (
      previous &&
      (previous.dueAt.getTime() !== dueAtMs ||
        previous.recipientUnitIds.join() !== spec.recipientUnitIds.join())
    ) {
      await this.removeJobs(previous);
    }
    if (row.status !== 'ACTIVE') {
      this.logger.debug(`deadline ${row.id} is ${row.status}: no reminders`);
      return;
    }
    await this.enqueue(row);
  }

  async close(deadlineId: string): Promise<void> {
    const row = await this.deadlines.markDone(deadlineId);
    if (row) await this.removeJobs(row);
  }

  async escalate(deadlineId: string): Promise<void> {
    const row = await this.deadlines.findDeadline(deadlineId);
    if (!row || row.status !== 'ACTIVE' || !row.escalateToUnitId) return;
    await this.deadlines.markEscalated(deadlineId);
    await this.addEscalation(row);
  }

  /**
   * Rebuilds every pending job from PostgreSQL (after Redis lost data). Existing ids are no-ops;
   * reminders that fell due meanwhile are sent now, the sent-log stops doubles. A reminder lost
   * just before its deadline is still rebuilt for `graceMs` after the deadline (the caller passes
   * a few reconcile intervals: Redis may come back only after the deadline), never later.
   */
  async reconcile(graceMs = 0): Promise<number> {
    let jobs = 0;
    const now = Date.now();
    for (const row of await this.deadlines.activeDeadlines()) {
      jobs += await this.enqueue(row, graceMs);
      // An escalation is rebuilt for a day after it was raised; older ones were delivered or dead-lettered.
      if (row.escalatedAt && now - row.escalatedAt.getTime() < 24 * 3600_000) {
        await this.addEscalation(row);
        jobs += 1;
      }
    }
    return jobs;
  }

  /** Adds the deadline's reminder jobs; `graceMs` > 0 only for a rebuild (see reconcile). */
  private async enqueue(row: DeadlineRow, graceMs = 0): Promise<number> {
    const dueAtMs = row.dueAt.getTime();
    const now = Date.now();
    // A deadline scheduled when already past gets no reminders (escalation covers it); past the
    // grace, neither does a rebuilt one.
    if (dueAtMs + graceMs <= now || row.createdAt.getTime() >= dueAtMs) return 0;
    const overdue = dueAtMs <= now;
    const jobs = row.reminderAts.flatMap((at, i) => {
      // After the deadline only its last reminder is rebuilt: one overdue message, not one per
      // offset (earlier ones fell due while Redis was up and were rebuilt then if lost).
      if (overdue && i !== row.reminderAts.length - 1) return [];
      const offset = row.offsets.filter((n) => n > 0).sort((a, b) => b - a)[i] ?? 0;
      return row.recipientUnitIds.map((unitId) => ({
        name: 'reminder',
        data: {
          deadlineId: row.id,
          offset,
          dueAtMs,
          unitId,
          kind: 'reminder' as const,
          ...(overdue ? { overdue: true } : {}),
        },
        opts: {
          jobId: reminderJobId(row.id, unitId, offset, dueAtMs),
          delay: Math.max(0, at.getTime() - now),
        },
      }));
    });
    if (jobs.length > 0) await this.queues.reminders.addBulk(jobs);
    this.logger.debug(`deadline ${row.id}: ${jobs.length} reminder jobs`);
    return jobs.length;
  }

  private async addEscalation(row: DeadlineRow): Promise<void> {
    const dueAtMs = row.dueAt.getTime();
    await this.queues.reminders.add(
      'escalation',
      { deadlineId: row.id, offset: 0, dueAtMs, unitId: null, kind: 'escalation' },
      { jobId: escalationJobId(row.id, dueAtMs) },
    );
  }

  private async removeJobs(row: DeadlineRow): Promise<void> {
    const dueAtMs = row.dueAt.getTime();
    for (const unitId of row.recipientUnitIds) {
      for (const offset of row.offsets) {
        const job = await this.queues.reminders.getJob(
          reminderJobId(row.id, unitId, offset, dueAtMs),
        );
        if (job && !(await job.isCompleted()) && !(await job.isActive())) await job.remove();
      }
    }
  }
}
