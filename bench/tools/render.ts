/* Re-renders a saved run's summary (bench/results/<stamp>.json → the Markdown `npm run bench`
 * printed), with the report's current sections, e.g. the reasons for missed targets:
 *
 *   node -r @swc-node/register bench/tools/render.ts bench/results/2026-12-05T0308.json [--write]
 *
 * The per-scenario profile summaries are taken back from the saved "Where the CPU goes" note.
 * --write replaces the run's .md next to its JSON (latest.md is left alone). */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchOptions } from '../harness/context';
import { profilesFromNote } from '../harness/profile-summary';
import { type MachineInfo, toMarkdown } from '../harness/report';
import type { ScenarioResult } from '../harness/result';

const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith('.json'));
if (!file) {
  console.error('usage: render.ts <bench/results/…json> [--write]');
  process.exit(2);
}
const saved = JSON.parse(readFileSync(file, 'utf8')) as {
  machine: MachineInfo;
  options: BenchOptions;
  results: ScenarioResult[];
  notes: string[];
};

const profiles = profilesFromNote(
  saved.notes,
  saved.results.map((r) => r.title),
);
const md = toMarkdown(saved.results, saved.machine, saved.options, saved.notes, profiles);
if (args.includes('--write')) writeFileSync(file.replace(/\.json$/, '.md'), md);
process.stdout.write(md);
