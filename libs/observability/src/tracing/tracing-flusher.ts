import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { tracingRuntime } from './tracing';

/** Writes out the spans still batched when the application shuts down (last phase). */
@Injectable()
export class TracingFlusher implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await tracingRuntime()?.spanProcessor.forceFlush();
  }
}
