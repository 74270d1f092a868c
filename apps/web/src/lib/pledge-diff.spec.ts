import { describe, expect, it } from '@jest/globals';
import { diffItems, itemsChanged } from './pledge-diff';

describe('diffItems', () => {
  it('keeps identical versions as they are', () => {
    expect(diffItems(['A', 'B'], ['A', 'B']).map((c) => c.kind)).toEqual(['same', 'same']);
    expect(itemsChanged(['A', 'B'], [' A', 'B '])).toBe(false);
  });

  it('shows an added item where it was added', () => {
    expect(diffItems(['A', 'C'], ['A', 'B', 'C'])).toEqual([
      { kind: 'same', text: 'A', position: 1 },
      { kind: 'added', text: 'B', position: 2 },
      { kind: 'same', text: 'C', position: 3 },
    ]);
  });

  it('shows a reworded item as removed then added', () => {
    expect(diffItems(['A', 'B', 'C'], ['A', 'B2', 'C'])).toEqual([
      { kind: 'same', text: 'A', position: 1 },
      { kind: 'removed', text: 'B', position: 2 },
      { kind: 'added', text: 'B2', position: 2 },
      { kind: 'same', text: 'C', position: 3 },
    ]);
  });

  it('shows removed items, including at the end', () => {
    const d = diffItems(['A', 'B', 'C'], ['B']);
    expect(d.map((c) => `${c.kind}:${c.text}`)).toEqual(['removed:A', 'same:B', 'removed:C']);
    expect(itemsChanged(['A', 'B', 'C'], ['B'])).toBe(true);
  });
});
