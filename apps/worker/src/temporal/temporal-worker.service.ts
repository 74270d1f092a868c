import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { temporalWorkerTracingOptions } from '@epw/observability';
import { temporalDataConverter } from '@epw/temporal';
import { ClockActivitiesImpl, CycleActivitiesImpl } from '../activities/cycle.activities';
import { PledgeSigningActivitiesImpl } from '../activities/pledge-signing.activities';
import { NominationActivitiesImpl } from '../activities/nomination.activities';
import { ReminderActivitiesImpl } from '../activities/reminder.activities';
import { workflowSource } from './workflow-source';

/** Owns the Temporal worker's lifecycle: starts polling at bootstrap, drains on shutdown. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pledgeSigning: PledgeSigningActivitiesImpl,
    private readonly cycle: CycleActivitiesImpl,
    private readonly clock: ClockActivitiesImpl,
    private readonly reminders: ReminderActivitiesImpl,
    private readonly nominations: NominationActivitiesImpl,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { temporal, worker } = this.config;
    this.connection = await NativeConnection.connect({ address: temporal.address });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      // Payloads encrypted with the API's codec: histories hold ciphertext.
      dataConverter: temporalDataConverter(this.config),
      ...workflowSource(this.config),
      // Activity spans, the workflow span sink (and workflow interceptors when bundling here).
      ...temporalWorkerTracingOptions(this.config.env !== 'production'),
      activities: {
        ...bindAll(this.pledgeSigning),
        ...bindAll(this.cycle),
        ...bindAll(this.clock),
        ...bindAll(this.reminders),
        ...bindAll(this.nominations),
      },
      maxCachedWorkflows: worker.maxCachedWorkflows,
      maxConcurrentActivityTaskExecutions: worker.maxConcurrentActivities,
      shutdownGraceTime: '10 seconds',
    });
    this.running = this.worker.run();
    this.running.catch((err: unknown) => {
      this.logger.error({ err }, 'Temporal worker stopped with an error');
      process.exitCode = 1;
    });
    this.logger.log(
      `Temporal worker polling ${temporal.address} namespace=${temporal.namespace} queue=${temporal.taskQueue} maxCachedWorkflows=${worker.maxCachedWorkflows}`,
    );
  }

  /** First shutdown phase: drain in-flight activities while their connections are still open. */
  async onModuleDestroy(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    this.logger.log('Temporal worker stopped');
  }
}

/** Activities are registered as plain functions; keep `this` bound to the injected instance. */
function bindAll<T extends object>(instance: T): Record<string, (...args: unknown[]) => unknown> {
  const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
  const out: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of Object.getOwnPropertyNames(proto)) {
    const fn = proto[name];
    if (name !== 'constructor' && typeof fn === 'function') {
      out[name] = (fn as (...args: unknown[]) => unknown).bind(instance);
    }
  }
  return out;
}
