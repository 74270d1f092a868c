import { DefaultLogger, Runtime } from '@temporalio/worker';

// Integration tests drive real services and durable timers: allow them time, bounded.
jest.setTimeout(120_000);

// The SDK logs every worker state change at INFO; tests only want warnings and errors.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed for this module registry
}
