import type { WorkflowClientInterceptor } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, WorkerOptions } from '@temporalio/worker';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import { tracingRuntime } from './tracing';

/** The workflow interceptor modules of the Temporal OpenTelemetry package (they run inside the
 * workflow sandbox and are bundled with the workflow code). */
export const WORKFLOW_TRACING_INTERCEPTOR_MODULES: readonly string[] = [
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
];

/** The Temporal client's tracing interceptor (a span per start, Update, signal and query, whose
 * context travels to the workflow in the headers), or none when tracing is off. */
export function temporalClientTracingInterceptors(): WorkflowClientInterceptor[] {
  return tracingRuntime() ? [new OpenTelemetryWorkflowClientInterceptor()] : [];
}

/**
 * The worker's tracing options: activity spans (children of the workflow's StartActivity span,
 * parents of the activity's SQL spans), the workflow interceptors when the worker bundles the
 * workflow code at start, and the sink through which the workflow sandbox hands its spans out.
 * The prebuilt bundle always contains the workflow interceptors (bundle-workflows.ts), so the
 * sink is registered even when tracing is off: it then drops the spans.
 */
export function temporalWorkerTracingOptions(
  bundledAtStart: boolean,
): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  const tracing = tracingRuntime();
  if (!tracing) {
    const dropSpans: InjectedSinks<OpenTelemetrySinks> = {
      exporter: { export: { fn: () => undefined } },
    };
    return { sinks: dropSpans };
  }
  const sinks: InjectedSinks<OpenTelemetrySinks> = {
    exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource),
  };
  return {
    sinks,
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
      ...(bundledAtStart ? { workflowModules: [...WORKFLOW_TRACING_INTERCEPTOR_MODULES] } : {}),
    },
  };
}
