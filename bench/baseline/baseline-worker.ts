import path from 'node:path';
import { DefaultLogger, NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import type { AppConfig } from '@epw/config';
import { temporalDataConverter } from '@epw/temporal';
import { BASELINE_TASK_QUEUE, type BaselineActivities } from './baseline.messages';

/**
 * The raw baselines' Temporal worker: its own bundle (bench/baseline only), its own task queue,
 * and the product worker's cache and activity-slot settings, so the two differ only in what the
 * workflows do. `marks` holds when each workflow's activity ran.
 */
export class BaselineWorker {
  private running?: Promise<void>;

  private constructor(
    private readonly connection: NativeConnection,
    private readonly worker: Worker,
    readonly marks: Map<string, number>,
  ) {}

  static async start(config: AppConfig): Promise<BaselineWorker> {
    const { code } = await bundleWorkflowCode({
      workflowsPath: path.join(__dirname, 'baseline.workflows.ts'),
      logger: new DefaultLogger('WARN'),
    });
    const marks = new Map<string, number>();
    const activities: BaselineActivities = {
      mark: (key: string) => {
        marks.set(key, Date.now());
        return Promise.resolve();
      },
    };
    const connection = await NativeConnection.connect({ address: config.temporal.address });
    const worker = await Worker.create({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: BASELINE_TASK_QUEUE,
      // The bench's client (the test system's) encrypts payloads: same codec, same cost.
      dataConverter: temporalDataConverter(config),
      workflowBundle: { code },
      activities,
      maxCachedWorkflows: config.worker.maxCachedWorkflows,
      maxConcurrentActivityTaskExecutions: config.worker.maxConcurrentActivities,
    });
    const self = new BaselineWorker(connection, worker, marks);
    self.running = worker.run();
    return self;
  }

  async close(): Promise<void> {
    if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection.close();
  }
}
