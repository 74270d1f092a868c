/** Rounds half away from zero to `digits` decimals. Decimal inputs such as 1.005 are stored just
 * below the half (100.4999…), and sums of weighted scores drift by a few ulps; the tiny relative
 * nudge makes them round the way a person does on paper. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * factor * (1 + 1e-12)) / factor;
  // Avoids -0, which strict equality in reports and tests would treat as a different value.
  if (rounded === 0) return 0;
  return value < 0 ? -rounded : rounded;
}

export function round2(value: number): number {
  return roundTo(value, 2);
}

/** Median of a non-empty list; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (sorted.length % 2 === 1) return upper;
  return (sorted[mid - 1] + upper) / 2;
}

export function assertUnique(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new RangeError(`duplicate ${what}: ${id}`);
    seen.add(id);
  }
}
