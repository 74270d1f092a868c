import {
  childOfScope,
  organisationRecognitions,
  recognitionBreakdown,
  recognitionTotals,
  sumRecognitionTotals,
  type RecognitionFact,
} from './recognition-report';

const fact = (over: Partial<RecognitionFact>): RecognitionFact => ({
  year: 2026,
  level: 'BASE',
  formCode: 'LDTT',
  formName: 'Lao động tiên tiến',
  recipientKind: 'PERSON',
  collective: false,
  field: null,
  movement: 'Dân vận khéo',
  ...over,
});

describe(recognitionBreakdown.name, () => {
  it('counts a model recognized at three levels once at each level', () => {
    const model = {
      recipientKind: 'INITIATIVE' as const,
      collective: true,
      field: 'Kinh tế',
      formCode: 'MH',
      formName: 'Mô hình',
    };
    const r = recognitionBreakdown([
      fact({ ...model, level: 'BASE' }),
      fact({ ...model, level: 'BLOC' }),
      fact({ ...model, level: 'PROVINCE' }),
    ]);
    expect(r.total).toBe(3);
    expect(r.levels).toEqual([
      { key: 'BASE', count: 1 },
      { key: 'BLOC', count: 1 },
      { key: 'PROVINCE', count: 1 },
    ]);
    expect(r.fields).toEqual([{ key: 'Kinh tế', count: 3 }]);
    expect(r.forms).toHaveLength(3);
  });

  it('splits years, collective and individual, and puts the unknown movement last', () => {
    const r = recognitionBreakdown([
      fact({ year: 2025, movement: null }),
      fact({ year: 2026, recipientKind: 'UNIT', collective: true, level: 'DISTRICT' }),
      fact({ year: 2026 }),
      fact({ year: 2026, movement: 'Chuyển đổi số' }),
    ]);
    expect(r.byYear.map((y) => [y.year, y.total, y.collective, y.individual])).toEqual([
      [2025, 1, 0, 1],
      [2026, 3, 1, 2],
    ]);
    expect(r.byYear[1]?.levels).toEqual({ BASE: 2, BLOC: 0, DISTRICT: 1, PROVINCE: 0, CENTRAL: 0 });
    expect(r.kinds).toEqual([
      { key: 'COLLECTIVE', count: 1 },
      { key: 'INDIVIDUAL', count: 3 },
    ]);
    expect(r.movements).toEqual([
      { key: 'Dân vận khéo', count: 2 },
      { key: 'Chuyển đổi số', count: 1 },
      { key: null, count: 1 },
    ]);
  });

  it('answers zeros for no awards', () => {
    const r = recognitionBreakdown([]);
    expect(r.total).toBe(0);
    expect(r.byYear).toEqual([]);
    expect(r.kinds.every((k) => k.count === 0)).toBe(true);
  });
});

const P = '/top/p/';
const A = '/top/p/a/';
const B = '/top/p/b/';

describe(recognitionTotals.name, () => {
  it('counts a model recognized at base, bloc and city level once at each level', () => {
    const model = { recipientKind: 'INITIATIVE' as const, collective: true };
    const t = recognitionTotals([
      fact({ ...model, level: 'BASE' }),
      fact({ ...model, level: 'BLOC' }),
      fact({ ...model, level: 'PROVINCE' }),
      fact({ recipientKind: 'UNIT', collective: true, level: 'BASE' }),
    ]);
    expect(t).toMatchObject({ total: 4, collectives: 1, individuals: 0, models: 3 });
    expect(t.levels.map((l) => [l.level, l.models, l.collectives, l.total])).toEqual([
      ['BASE', 1, 1, 2],
      ['BLOC', 1, 0, 1],
      ['DISTRICT', 0, 0, 0],
      ['PROVINCE', 1, 0, 1],
      ['CENTRAL', 0, 0, 0],
    ]);
  });
});

describe(childOfScope.name, () => {
  it('names the direct child the deciding organisation lies under, or null for the scope itself', () => {
    expect(childOfScope(P, '/top/p/a/x/y/')).toBe('a');
    expect(childOfScope(P, A)).toBe('a');
    expect(childOfScope(P, P)).toBeNull();
    expect(childOfScope(null, A)).toBe('top');
    expect(childOfScope(null, null)).toBeNull();
  });
});

describe(organisationRecognitions.name, () => {
  const facts = [
    fact({ authorityPath: A, recipientKind: 'UNIT', collective: true }),
    fact({ authorityPath: '/top/p/a/x/', level: 'BASE' }),
    fact({ authorityPath: B, recipientKind: 'INITIATIVE', collective: true }),
    fact({ authorityPath: P, level: 'BLOC', recipientKind: 'INITIATIVE', collective: true }),
  ];

  it("makes a parent's totals the sum of its children's and its own decisions", () => {
    const r = organisationRecognitions(facts, P, ['a', 'b', 'c']);
    expect(r.children.map((c) => [c.id, c.totals.total])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 0],
    ]);
    expect(r.own.total).toBe(1);
    expect(r.totals).toEqual(sumRecognitionTotals([r.own, ...r.children.map((c) => c.totals)]));
    expect(r.totals).toEqual(recognitionTotals(facts));
    expect(r.totals).toMatchObject({ total: 4, collectives: 1, individuals: 1, models: 2 });
  });

  it("keeps siblings' reports disjoint: each child's totals are its own subtree's report", () => {
    const a = organisationRecognitions(
      facts.filter((f) => (f.authorityPath ?? '').startsWith(A)),
      A,
      ['x'],
    );
    const b = organisationRecognitions(
      facts.filter((f) => (f.authorityPath ?? '').startsWith(B)),
      B,
      [],
    );
    const p = organisationRecognitions(facts, P, ['a', 'b']);
    expect(p.children[0]?.totals).toEqual(a.totals);
    expect(p.children[1]?.totals).toEqual(b.totals);
    expect(a.totals.total + b.totals.total + p.own.total).toBe(p.totals.total);
  });

  it('puts awards without a deciding body under the whole tree itself', () => {
    const r = organisationRecognitions([...facts, fact({ authorityPath: null })], null, ['top']);
    expect(r.own.total).toBe(1);
    expect(r.children).toEqual([{ id: 'top', totals: recognitionTotals(facts) }]);
  });
});
