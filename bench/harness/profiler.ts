import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { ProfileWindow } from './profile-summary';
import type { ProductProcesses } from './product-processes';

/**
 * With BENCH_PROFILE=<file.cpuprofile>, V8 CPU profiles over the product runs: of the bench
 * process into <file>; the API and the worker run under `node --cpu-prof` into <file>-prof/api and
 * <file>-prof/worker (every thread, written when they exit), and <file>.windows.json holds the
 * product runs' windows on the profiles' clock per process. Summarize with
 * `node -r @swc-node/register bench/tools/profile-top.ts --windows <file>.windows.json:worker
 * <file>-prof/worker/*.cpuprofile`, or open the files in Chrome DevTools.
 */
export class Profiler {
  private session?: Session;
  private depth = 0;
  private readonly windows: Record<string, ProfileWindow[]> = {};
  private started: number[] = [];
  private label = '';

  constructor(
    private readonly file: string | null,
    private readonly product: ProductProcesses,
  ) {}

  /** Where the product processes' `--cpu-prof` files go (null: not profiling). */
  static cpuProfDir(file: string | null): string | null {
    return file ? `${file.replace(/\.cpuprofile$/, '')}-prof` : null;
  }

  /** Starts sampling for a product run of the scenario `label`. */
  async start(label = ''): Promise<void> {
    if (!this.file || this.depth++ > 0) return;
    this.label = label;
    if (!this.session) {
      this.session = new Session();
      this.session.connect();
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.setSamplingInterval', { interval: 2000 });
    }
    await this.session.post('Profiler.start');
    this.started = await Promise.all(this.product.all.map((p) => p.profileStart()));
  }

  /** Stops sampling; `ops`: the operations the run measured (for CPU per operation). */
  async stop(ops = 0): Promise<void> {
    if (!this.file || !this.session || --this.depth > 0) return;
    const { profile } = await this.session.post('Profiler.stop');
    writeFileSync(this.file, JSON.stringify(profile));
    const stopped = await Promise.all(this.product.all.map((p) => p.profileStop()));
    this.product.all.forEach((p, i) => {
      (this.windows[p.name] ??= []).push([this.started[i], stopped[i], this.label, ops]);
    });
    writeFileSync(`${this.file}.windows.json`, JSON.stringify(this.windows));
  }

  /** The product runs' windows so far, per process. */
  get productWindows(): Record<string, ProfileWindow[]> {
    return this.windows;
  }

  get enabled(): boolean {
    return this.file !== null;
  }
}
