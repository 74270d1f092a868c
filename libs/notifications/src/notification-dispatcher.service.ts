import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  EventNotificationRepository,
  NotificationInboxRepository,
  ReminderRepository,
  type Recipient,
} from '@epw/data-access';
import { eventText, type NotificationKind } from './event-notices';
import {
  deliveryJobId,
  type ChannelName,
  type DeliveryJob,
  type EventJob,
  type ReminderJob,
} from './queue-names';
import { QueuesService } from './queues.service';
import { notificationLink } from './notification-link';
import { quietDelayMs } from './quiet-hours';
import { EmailSender } from './senders/email.sender';
import { WebhookSender } from './senders/webhook.sender';
import { reminderName } from './task-names';
import { escalationText, reminderText, type MessageText } from './templates';
import { notifyInboxChanged } from './user-events';

/** A claim older than this belonged to an attempt that died (worker killed): take it over. */
const STALE_CLAIM_MS = 60_000;

export type ReminderOutcome = 'queued' | 'acted' | 'stale' | 'none-late';
export type DeliveryOutcome = 'sent' | 'duplicate';
export type EventOutcome = 'queued' | 'no-recipient';

type DeadlineRow = NonNullable<Awaited<ReturnType<ReminderRepository['findDeadline']>>>;

const NOMINATION_ID = /^nomination-([0-9a-f-]{36})-/;

/** BullMQ owns delivery: re-checks state before sending, fans out to the recipients' channels,
 * and sends each message at most once per channel (inbox rows and the sent-log are unique). */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger(NotificationDispatcher.name);

  constructor(
    private readonly repo: ReminderRepository,
    private readonly preferences: NotificationInboxRepository,
    private readonly queues: QueuesService,
    private readonly email: EmailSender,
    private readonly webhook: WebhookSender,
    private readonly events: EventNotificationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handleReminder(job: ReminderJob): Promise<ReminderOutcome> {
    const d = await this.repo.findDeadline(job.deadlineId);
    if (!d || d.status !== 'ACTIVE' || d.dueAt.getTime() !== job.dueAtMs) return 'stale';
    const publicUrl = this.config.notifications.publicUrl;
    const name = await this.nameOf(d);
    const title = (locale: string) => (locale === 'en' ? name.en : name.vi);
    if (job.kind === 'reminder' && job.unitId) {
      const unitId = job.unitId;
      if (await this.hasActed(d, unitId)) return 'acted';
      const { unitName, recipients } = await this.repo.recipients(unitId, d.kind, d.recipientRole);
      const dueOn = d.dueOn.toISOString().slice(0, 10);
      for (const r of recipients) {
        const text = reminderText(r.locale, {
          title: title(r.locale),
          dueOn,
          offset: job.offset,
          unitName: unitName ?? '',
          overdue: job.overdue === true,
        });
        await this.fanOut(
          r,
          `${d.id}/${job.dueAtMs}/r${job.offset}/${r.userId}`,
          'reminder',
          text,
          notificationLink(publicUrl, d, 'reminder'),
        );
      }
      // The unit may have acted while this ran, after the audit consumer closed its reminders:
      // close the ones just written too.
      if (await this.hasActed(d, unitId)) {
        for (const userId of await this.events.markRemindersDone([d.id], unitId, new Date()))
          await notifyInboxChanged(this.queues, userId);
      }
      return 'queued';
    }
    const late: string[] = [];
    for (const unitId of d.recipientUnitIds) {
      if (!(await this.repo.hasActed(d.kind, d.subjectId, d.cycleId, unitId))) late.push(unitId);
    }
    if (late.length === 0 || !d.escalateToUnitId) return 'none-late';
    const units = await this.repo.unitsByIds(late);
    for (const r of await this.repo.signers(d.escalateToUnitId, d.escalateRole ?? undefined)) {
      const text = escalationText(r.locale, {
        title: title(r.locale),
        dueOn: d.dueOn.toISOString().slice(0, 10),
        late: units.map((u) => ({ code: u.code, name: u.name })),
      });
      const link = notificationLink(publicUrl, d, 'escalation');
      await this.fanOut(r, `${d.id}/${job.dueAtMs}/esc/${r.userId}`, 'escalation', text, link);
    }
    return 'queued';
  }

  /** One event notice for one user, on the channels they chose (read when it is sent). */
  async handleEvent(job: EventJob): Promise<EventOutcome> {
    const [r] = await this.events.recipients([job.userId]);
    if (!r) return 'no-recipient';
    const base = `${this.config.notifications.publicUrl.replace(/\/+$/, '')}/app`;
    await this.fanOut(
      r,
      `event/${job.eventKey}/${job.userId}`,
      job.notice.kind,
      eventText(r.locale, job.notice),
      `${base}${job.path}`,
    );
    return 'queued';
  }

  /** Whether the unit has done the deadline's task (a nomination step: the dossier moved on). */
  private async hasActed(d: DeadlineRow, unitId: string): Promise<boolean> {
    if (d.kind === 'NOMINATION_STEP')
      return (await this.events.nominationStepPending(d.subjectId)) === false;
    return this.repo.hasActed(d.kind, d.subjectId, d.cycleId, unitId);
  }

  /** The reminder's name with its movement and cycle (or the dossier's movement and year). */
  private async nameOf(d: DeadlineRow) {
    if (d.cycleId) {
      const c = await this.events.cycle(d.cycleId);
      if (c) return reminderName(d, { kind: 'cycle', ...c });
    }
    const id = d.kind === 'NOMINATION_STEP' ? NOMINATION_ID.exec(d.subjectId)?.[1] : undefined;
    const n = id ? await this.events.nomination(id) : null;
    return reminderName(
      d,
      n ? { kind: 'nomination', movementName: n.movementName, year: n.year } : null,
    );
  }

  async deliver(job: DeliveryJob): Promise<DeliveryOutcome> {
    if (job.channel === 'IN_APP') {
      const created = await this.repo.deliverInApp({
        dedupKey: job.dedupKey,
        userId: job.userId,
        kind: job.kind,
        title: job.title,
        body: job.body,
        link: job.link,
      });
      if (created) await notifyInboxChanged(this.queues, job.userId);
      return created ? 'sent' : 'duplicate';
    }
    const claim = await this.repo.claimDelivery(
      job.dedupKey,
      job.channel,
      job.userId,
      STALE_CLAIM_MS,
    );
    if (claim === 'done') return 'duplicate';
    if (claim === 'busy')
      throw new Error(`delivery ${job.dedupKey} is being sent by another attempt`);
    try {
      if (job.channel === 'EMAIL') {
        await this.email.send(
          job.to ?? '',
          job.title,
          `${job.body}\n\n${job.link ?? ''}`,
          job.dedupKey,
        );
      } else {
        const url = job.to ?? '';
        await this.webhook.send(url, await this.webhookKey(job.userId, url), {
          type: `epw.${job.kind}`,
          dedupKey: job.dedupKey,
          userId: job.userId,
          title: job.title,
          body: job.body,
          link: job.link,
        });
      }
    } catch (err) {
      await this.repo.releaseClaim(job.dedupKey, (err as Error).message);
      throw err;
    }
    await this.repo.markSent(job.dedupKey);
    return 'sent';
  }

  /** The subscriber's own signing key (else WEBHOOK_SECRET) while `url` is still their webhook;
   * anything else cannot be sent, now or later. */
  private async webhookKey(userId: string, url: string): Promise<string> {
    const target = await this.preferences.findWebhookTarget(userId);
    if (target?.webhookUrl !== url)
      throw new UnrecoverableError(`webhook ${url} is no longer the subscriber's webhook URL`);
    const key = target.webhookSecret ?? this.config.notifications.webhookSecret;
    if (!key) {
      throw new UnrecoverableError(
        `webhook ${url} has no signing key: its owner must set the webhook URL again`,
      );
    }
    return key;
  }

  /** The inbox row is written here, once per dedup key (one statement; a second run of this job
   * finds it written); e-mail and webhooks go to their queues for rate limits, quiet hours and
   * retries. */
  private async fanOut(
    r: Recipient,
    base: string,
    kind: NotificationKind,
    text: MessageText,
    link: string,
  ): Promise<void> {
    for (const channel of r.channels as ChannelName[]) {
      const dedupKey = `${base}/${channel}`;
      if (channel === 'IN_APP') {
        await this.repo.deliverInApp({
          dedupKey,
          userId: r.userId,
          kind,
          title: text.title,
          body: text.body,
          link,
        });
        await notifyInboxChanged(this.queues, r.userId);
        continue;
      }
      const to = channel === 'EMAIL' ? r.email : r.webhookUrl;
      if (!to) continue;
      const delay = quietDelayMs(Date.now(), r.quietFrom, r.quietTo);
      await this.queues.deliveries[channel].add(
        'deliver',
        { dedupKey, channel, userId: r.userId, kind, title: text.title, body: text.body, link, to },
        { jobId: deliveryJobId(dedupKey), delay },
      );
    }
    this.logger.debug(`queued ${kind} ${base} on ${r.channels.join(',')}`);
  }
}
