import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** With BENCH_PROFILE=<file>, a V8 CPU profile of the bench process over the product runs (open it
 * in Chrome DevTools or summarize it with bench/tools/profile-top.ts). */
export class Profiler {
  private session?: Session;
  private depth = 0;

  constructor(private readonly file: string | null) {}

  async start(): Promise<void> {
    if (!this.file || this.depth++ > 0) return;
    if (!this.session) {
      this.session = new Session();
      this.session.connect();
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.setSamplingInterval', { interval: 500 });
    }
    await this.session.post('Profiler.start');
  }

  async stop(): Promise<void> {
    if (!this.file || !this.session || --this.depth > 0) return;
    const { profile } = await this.session.post('Profiler.stop');
    writeFileSync(this.file, JSON.stringify(profile));
  }
}
