import { recognitionBreakdown, type RecognitionFact } from './recognition-report';

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
