import { readFileSync, readdirSync, existsSync } from 'node:fs';
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

/** A measured run's window on the profiles' clock (µs), with the scenario it belongs to. */
export type ProfileWindow = [from: number, to: number, label?: string, ops?: number];

export interface ProfileSummary {
  /** Sampled busy time (µs), idle left out. */
  busyUs: number;
  idleUs: number;
  /** Self time (µs) by package (node_modules/<pkg>, or our folders), most first. */
  byPackage: [string, number][];
  /** Self time (µs) by function (name file:line), most first. */
  byFunction: [string, number][];
  /** Busy time (µs) by profile file (one per thread under `node --cpu-prof`). */
  byThread: [string, number][];
}

export function packageOf(url: string): string {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const ours = /\/((?:apps|libs|bench|workflows|test)\/[^/]+(?:\/[^/]+)?)\//.exec(url);
  return ours
    ? ours[1]
    : url
        .replace(/^file:\/\//, '')
        .split('/')
        .slice(-2)
        .join('/');
}

const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);

/** Self time of V8 CPU profiles (several add up), only inside `windows` when given. */
export function summarizeProfiles(
  files: readonly string[],
  windows: readonly ProfileWindow[] | null,
): ProfileSummary {
  const inWindow = (t: number) => !windows || windows.some(([a, b]) => t >= a && t <= b);
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  const threads = new Map<string, number>();
  let busyUs = 0;
  let idleUs = 0;
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
        idleUs += us;
        return;
      }
      busyUs += us;
      add(threads, path.basename(file), us);
      add(
        fns,
        `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`,
        us,
      );
      add(pkgs, packageOf(url) + (functionName === '(garbage collector)' ? ' GC' : ''), us);
    });
  }
  return {
    busyUs,
    idleUs,
    byPackage: sorted(pkgs),
    byFunction: sorted(fns),
    byThread: sorted(threads),
  };
}

/** The `.cpuprofile` files `node --cpu-prof` wrote into a directory (none when it is missing). */
export function profilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
}

/**
 * "Where the CPU goes" for the report, keyed by the scenario's title (the profiler window's label):
 * the API's and the worker's sampled busy time per operation and their largest packages and
 * functions by self time.
 */
export function cpuByScenario(
  profDir: string,
  windows: Record<string, ProfileWindow[]>,
  top = 6,
): Map<string, string> {
  const lines = new Map<string, string>();
  const labels = [
    ...new Set(Object.values(windows).flatMap((ws) => ws.map((w) => w[2] ?? '(all)'))),
  ];
  for (const label of labels) {
    const parts: string[] = [];
    for (const proc of ['api', 'worker']) {
      const files = profilesIn(path.join(profDir, proc));
      const ws = (windows[proc] ?? []).filter((w) => (w[2] ?? '(all)') === label);
      if (files.length === 0 || ws.length === 0) continue;
      const s = summarizeProfiles(files, ws);
      if (s.busyUs === 0) continue;
      const ops = ws.reduce((n, w) => n + (w[3] ?? 0), 0);
      const pct = (us: number) => `${((100 * us) / s.busyUs).toFixed(0)} %`;
      parts.push(
        `**${proc}** ${(s.busyUs / 1000).toFixed(0)} ms sampled${ops ? ` (${(s.busyUs / 1000 / ops).toFixed(2)} ms/op)` : ''}: ` +
          s.byPackage
            .slice(0, top)
            .map(([k, v]) => `${k} ${pct(v)}`)
            .join(', ') +
          `; functions: ${s.byFunction
            .slice(0, Math.max(3, top - 2))
            .map(([k, v]) => `\`${k}\` ${pct(v)}`)
            .join(', ')}`,
      );
    }
    if (parts.length > 0) lines.set(label, `${parts.join('. ')}.`);
  }
  return lines;
}

/** Back from a saved report's "Where the CPU goes" note ("…: action: **api** …. read /awards:
 * **api** …. Profiles: dir."): scenario title → its text. */
export function profilesFromNote(
  notes: readonly string[],
  titles: readonly string[],
): Map<string, string> {
  const profiles = new Map<string, string>();
  const note = notes.find((n) => n.startsWith('Where the CPU goes'));
  if (!note) return profiles;
  const body = note.slice(note.indexOf('):') + 2).replace(/ Profiles: .*$/, '');
  const starts = titles
    .map((t) => [t, body.indexOf(` ${t}: **`)] as const)
    .filter(([, i]) => i >= 0)
    .sort((a, b) => a[1] - b[1]);
  starts.forEach(([title, i], k) => {
    const end = starts[k + 1]?.[1] ?? body.length;
    profiles.set(title, body.slice(i + title.length + 3, end).trim());
  });
  return profiles;
}
