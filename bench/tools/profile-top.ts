/* Summarizes V8 CPU profiles (.cpuprofile): self time per package (node_modules/<pkg>, or our
 * folders), per function, and per profile (a process's main thread and each worker thread have one
 * under `node --cpu-prof`). Several files add up.
 *
 *   node -r @swc-node/register bench/tools/profile-top.ts [--top 40]
 *     [--windows <profile>.windows.json:<api|worker>] <file.cpuprofile>...
 *
 * --windows keeps only the samples inside the measured runs' windows that the bench wrote for that
 * process (BENCH_PROFILE; see bench/harness/profiler.ts), on the profiles' own clock. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
let top = 40;
let windows: [number, number][] | null = null;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--windows') {
    const [file, name] = args[++i].split(':');
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, [number, number][]>;
    windows = all[name] ?? [];
  } else files.push(args[i]);
}
if (files.length === 0) {
  console.error('usage: profile-top.ts [--top n] [--windows file.json:name] file.cpuprofile...');
  process.exit(2);
}

const inWindow = (t: number) => !windows || windows.some(([a, b]) => t >= a && t <= b);
const packageOf = (url: string): string => {
  if (!url) return '(native/idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const ours = /\/work\/[^/]+\/((?:apps|libs|bench|workflows|test)\/[^/]+(?:\/[^/]+)?)/.exec(url);
  return ours
    ? ours[1]
    : url
        .replace(/^file:\/\//, '')
        .split('/')
        .slice(-2)
        .join('/');
};

const fnTotals = new Map<string, number>();
const pkgTotals = new Map<string, number>();
const fileTotals = new Map<string, number>();
let total = 0;
let idle = 0;
const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    t += us;
    if (!inWindow(t)) return;
    const n = byId.get(id);
    if (!n) return;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      return;
    }
    total += us;
    add(fileTotals, path.basename(file), us);
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    add(fnTotals, key, us);
    add(pkgTotals, packageOf(url) + (functionName === '(garbage collector)' ? ' GC' : ''), us);
  });
}

const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`,
    );
  }
};
console.log(
  `busy ${(total / 1000).toFixed(0)} ms sampled (idle ${(idle / 1000).toFixed(0)} ms left out)${windows ? ` in ${windows.length} window(s)` : ''}`,
);
show('busy time by profile (thread)', fileTotals);
show('self time by package', pkgTotals);
show('self time by function', fnTotals);
