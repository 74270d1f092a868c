import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runChaos } from './chaos-runner';
import { ROOT } from './chaos-system';

/** Sized for the test command (about five minutes on two cores); `npm run chaos` runs longer. */
const TRIALS = Number(process.env['CHAOS_TRIALS'] ?? '50');
const LANES = Number(process.env['CHAOS_LANES'] ?? '5');
/** A new seed each run explores new fault points; CHAOS_SEED replays a run's plans. */
const SEED = Number(process.env['CHAOS_SEED'] ?? Date.now() % 2_147_483_647);

/**
 * Faults injected into an isolated copy of the system (its own Temporal dev server, Redis and
 * PostgreSQL on ports of their own; the shared services are never touched) while nominations run
 * through HTTP: worker SIGKILL and SIGSTOP past the BullMQ lock, API SIGKILL after an Update with
 * retries on the same Idempotency-Key, duplicate and reordered actions, Temporal, Redis and
 * PostgreSQL restarts, Redis FLUSHALL. Every trial's invariants are checked (see invariants.ts).
 */
describe('chaos: one fault per trial, invariants after each', () => {
  it(
    `keeps every invariant over ${TRIALS} seeded trials (seed ${SEED})`,
    async () => {
      const dataDir = path.join(ROOT, '.data', 'chaos-test');
      const report = await runChaos({
        seed: SEED,
        trials: TRIALS,
        lanes: LANES,
        dataDir,
        // Apart from `npm run chaos`'s ports, so both can run at once.
        portOffset: Number(process.env['CHAOS_PORT_OFFSET'] ?? '5'),
        log: (line) => process.stderr.write(`${line}\n`),
      });
      // The whole report (every trial's actions and timings) stays for a look after a failure.
      writeFileSync(path.join(dataDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
      const restarts = report.unexpectedExits.length;
      const summary =
        `seed ${SEED}: ${report.trials} trials, ${report.totals.violations} violations` +
        (restarts > 0 ? `, ${restarts} known third-party crash(es) restarted` : '');
      process.stderr.write(`chaos: ${summary} in ${(report.durationMs / 1000).toFixed(0)} s\n`);
      expect({ summary, violations: report.violations }).toEqual({ summary, violations: [] });
      expect(report.trialResults).toHaveLength(TRIALS);
    },
    20 * 60_000,
  );
});
