import { sleep } from '../harness/load';

/** A benchmark whose work was not all done (or done twice) measured nothing: stop loudly. */
export class BenchCheckFailed extends Error {
  override readonly name = 'BenchCheckFailed';
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new BenchCheckFailed(message);
}

/** Polls `count` every 100 ms until it reaches `expected`; fails on timeout or overshoot. */
export async function awaitCount(
  what: string,
  expected: number,
  count: () => Promise<number>,
  timeoutMs = 600_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  for (;;) {
    seen = await count();
    check(seen <= expected, `${what}: ${seen}, more than the ${expected} expected`);
    if (seen === expected) return;
    check(Date.now() < deadline, `${what}: ${seen} of ${expected} after ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** "12 × HTTP 500 INTERNAL; 1 × …": failed requests grouped by what they answered. */
export function errorKinds(errors: string[]): string {
  const kinds = new Map<string, number>();
  for (const e of errors) kinds.set(e.slice(0, 100), (kinds.get(e.slice(0, 100)) ?? 0) + 1);
  return [...kinds].map(([k, v]) => `${v} × ${k}`).join('; ');
}

/** Throws a short "HTTP <status> <code>" for an answer that is not `expected`. */
export function expectStatus(res: { status: number; body: unknown }, expected: number): void {
  if (res.status !== expected) {
    const code = (res.body as { code?: string } | undefined)?.code ?? '';
    throw new Error(`HTTP ${res.status} ${code}`.trim());
  }
}
