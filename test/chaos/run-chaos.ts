/* The long chaos run: `npm run chaos -- --trials 200 [--seed N] [--lanes N] [--faults a,b] [--only i,j] [--out DIR]`.
 * Writes <out>/<date>.json (the whole report) and <date>.md (a summary); exits 1 on a violation. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { runChaos } from './chaos-runner';
import { ROOT } from './chaos-system';
import { renderSummary } from './report-summary';
import { FAULT_KINDS, type FaultKind } from './trial-plan';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  // The replay workers log every state change at INFO: keep warnings and errors only.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const trials = Number(arg('trials') ?? '200');
  const seed = Number(arg('seed') ?? Date.now() % 2_147_483_647);
  const lanes = Number(arg('lanes') ?? '5');
  const only = arg('only')?.split(',').map(Number);
  const faults = arg('faults')?.split(',') as FaultKind[] | undefined;
  const unknown = faults?.filter((f) => !FAULT_KINDS.includes(f));
  if (unknown?.length)
    throw new Error(`unknown faults ${unknown.join(', ')}: ${FAULT_KINDS.join(', ')}`);
  const out = path.resolve(arg('out') ?? path.join(ROOT, 'test', 'chaos', 'results'));
  if (![trials, seed, lanes].every(Number.isInteger) || trials < 1 || lanes < 1) {
    throw new Error(
      'usage: npm run chaos -- [--trials N] [--seed N] [--lanes N] [--faults a,b] [--only i,j] [--out DIR]',
    );
  }
  const t0 = Date.now();
  const report = await runChaos({
    seed,
    trials,
    lanes,
    faults,
    only,
    portOffset: Number(process.env['CHAOS_PORT_OFFSET'] ?? '0'),
    log: (line) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`),
  });
  mkdirSync(out, { recursive: true });
  const day = report.startedAt.slice(0, 10);
  let base = path.join(out, day);
  if (existsSync(`${base}.json`))
    base = path.join(out, `${day}-${report.startedAt.slice(11, 16).replace(':', '')}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, renderSummary(report));
  console.log(
    `chaos: ${report.trials} trials, ${report.totals.violations} violations, seed ${report.seed}, ` +
      `${(report.durationMs / 1000).toFixed(0)} s → ${path.relative(ROOT, base)}.{json,md}`,
  );
  process.exitCode = report.totals.violations === 0 ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
