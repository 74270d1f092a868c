/** One line of the comparison of two versions of a pledge's items. */
export interface ItemChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** 1-based position in the version it belongs to (the old one for removed items). */
  position: number;
}

/**
 * The items of two versions compared as a signer reads a revision: items kept, removed and added,
 * in reading order (a removed item just before what replaced it). A longest common subsequence of
 * whole items (after trimming), so a reworded item reads as removed and added.
 */
export function diffItems(before: readonly string[], after: readonly string[]): ItemChange[] {
  const a = before.map((x) => x.trim());
  const b = after.map((x) => x.trim());
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: ItemChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: 'same', text: after[j], position: j + 1 });
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push({ kind: 'removed', text: before[i], position: i + 1 });
      i++;
    } else {
      out.push({ kind: 'added', text: after[j], position: j + 1 });
      j++;
    }
  }
  return out;
}

/** Whether two versions differ at all (what the API refuses as PLEDGE_UNCHANGED). */
export function itemsChanged(before: readonly string[], after: readonly string[]): boolean {
  return diffItems(before, after).some((c) => c.kind !== 'same');
}
