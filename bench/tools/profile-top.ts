/* Summarizes V8 CPU profiles (.cpuprofile): self time per package (node_modules/<pkg>, or our
 * folders), per function, and per profile (a process's main thread and each worker thread have one
 * under `node --cpu-prof`). Several files add up.
 *
 *   node -r @swc-node/register bench/tools/profile-top.ts [--top 40]
 *     [--windows <profile>.windows.json:<api|worker>[:<scenario>]] <file.cpuprofile>...
 *
 * --windows keeps only the samples inside the measured runs' windows that the bench wrote for that
 * process (see bench/harness/profiler.ts), on the profiles' own clock; with a scenario name (as the
 * bench logs it, e.g. "action"), only that scenario's runs. `npm run bench` prints the same summary,
 * shorter, per scenario. */
import { readFileSync } from 'node:fs';
import { summarizeProfiles, type ProfileWindow } from '../harness/profile-summary';

const args = process.argv.slice(2);
let top = 40;
let windows: ProfileWindow[] | null = null;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--windows') {
    const [file, name, scenario] = args[++i].split(':');
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ProfileWindow[]>;
    windows = (all[name] ?? []).filter((w) => scenario === undefined || w[2] === scenario);
  } else files.push(args[i]);
}
if (files.length === 0) {
  console.error(
    'usage: profile-top.ts [--top n] [--windows file.json:name[:scenario]] file.cpuprofile...',
  );
  process.exit(2);
}

const s = summarizeProfiles(files, windows);
const show = (title: string, rows: [string, number][]) => {
  console.log(`\n${title}`);
  for (const [k, v] of rows.slice(0, top)) {
    console.log(
      `${((100 * v) / s.busyUs).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`,
    );
  }
};
console.log(
  `busy ${(s.busyUs / 1000).toFixed(0)} ms sampled (idle ${(s.idleUs / 1000).toFixed(0)} ms left out)${windows ? ` in ${windows.length} window(s)` : ''}`,
);
show('busy time by profile (thread)', s.byThread);
show('self time by package', s.byPackage);
show('self time by function', s.byFunction);
