import { DefaultLogger, type LogEntry } from '@temporalio/worker';

/** Warnings and errors of the Temporal SDK (failed activity attempts, which Temporal retries):
 * counted per kind instead of printed, so a run reports how often its work had to be retried. */
export const sdkProblems = { count: 0, kinds: new Map<string, number>() };

function kindOf(entry: LogEntry): string {
  const err = (entry.meta as { error?: { message?: string } } | undefined)?.error;
  const detail = err?.message ? `: ${err.message.split('\n')[0].slice(0, 120)}` : '';
  const activity = (entry.meta as { activityType?: string } | undefined)?.activityType;
  return `${entry.message}${activity ? ` (${activity})` : ''}${detail}`;
}

export function countingSdkLogger(): DefaultLogger {
  return new DefaultLogger('WARN', (entry) => {
    sdkProblems.count += 1;
    const kind = kindOf(entry);
    sdkProblems.kinds.set(kind, (sdkProblems.kinds.get(kind) ?? 0) + 1);
  });
}
