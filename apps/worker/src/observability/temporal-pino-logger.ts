import type { Logger as TemporalLogger, LogLevel, LogMetadata } from '@temporalio/common';
import pino from 'pino';
import { traceLogFields, tracingRuntime } from '@epw/observability';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal SDK's logger (Runtime.install): its own messages and the workflows' and
 * activities' `log` calls as JSON lines like the rest of the worker's (pino, context "Temporal").
 * Workflow and activity lines carry trace_id and span_id: the OpenTelemetry interceptors add them
 * to the log attributes (workflows) or they come from the active span (activities).
 */
export function temporalPinoLogger(level: string): TemporalLogger {
  const logger = pino({
    level,
    ...(tracingRuntime() ? { mixin: traceLogFields } : {}),
  }).child({ context: 'Temporal' });
  const at =
    (lvl: LogLevel) =>
    (message: string, meta?: LogMetadata): void =>
      logger[LEVELS[lvl]](meta ?? {}, message);
  return {
    log: (lvl, message, meta) => at(lvl)(message, meta),
    trace: at('TRACE'),
    debug: at('DEBUG'),
    info: at('INFO'),
    warn: at('WARN'),
    error: at('ERROR'),
  };
}
