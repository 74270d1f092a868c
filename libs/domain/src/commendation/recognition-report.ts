import {
  RECOGNITION_LEVELS,
  type RecognitionLevel as RecognitionLevelCode,
} from './award-form.types';

/** One award as the report counts it. */
export interface RecognitionFact {
  year: number;
  level: string;
  formCode: string;
  formName: string;
  recipientKind: 'UNIT' | 'PERSON' | 'INITIATIVE';
  /** Tập thể (a unit, or a model owned by a collective) rather than cá nhân. */
  collective: boolean;
  /** The model's field (lĩnh vực); null for units and people. */
  field: string | null;
  /** The emulation movement the award came through; null when not known (earlier records). */
  movement: string | null;
}

export interface RecognitionCount {
  /** The group's key; null collects what has none (no field, no movement). */
  key: string | null;
  count: number;
}

export interface RecognitionYear {
  year: number;
  total: number;
  /** Count per level, every level present (0 when none). */
  levels: Record<RecognitionLevelCode, number>;
  collective: number;
  individual: number;
}

export interface RecognitionBreakdown {
  total: number;
  byYear: RecognitionYear[];
  levels: RecognitionCount[];
  kinds: RecognitionCount[];
  recipientKinds: RecognitionCount[];
  fields: RecognitionCount[];
  movements: RecognitionCount[];
  forms: {
    level: string;
    formCode: string;
    formName: string;
    recipientKind: string;
    count: number;
  }[];
}

const zeroLevels = (): Record<RecognitionLevelCode, number> => ({
  BASE: 0,
  BLOC: 0,
  DISTRICT: 0,
  PROVINCE: 0,
  CENTRAL: 0,
});

function countBy(facts: RecognitionFact[], key: (f: RecognitionFact) => string | null) {
  const counts = new Map<string | null, number>();
  for (const f of facts) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return counts;
}

/** Largest first, ties by name; the "none" group last. */
function ranked(counts: Map<string | null, number>): RecognitionCount[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) =>
      a.key === null
        ? 1
        : b.key === null
          ? -1
          : b.count - a.count || a.key.localeCompare(b.key, 'vi'),
    );
}

/**
 * Counts recognitions by year, level, kind (collective / individual), field and movement. Each
 * award counts once in every breakdown; a model recognized at three levels is three awards, so it
 * counts at each level, as the movement's reports do.
 */
export function recognitionBreakdown(facts: RecognitionFact[]): RecognitionBreakdown {
  const years = new Map<number, RecognitionYear>();
  for (const f of facts) {
    const y = years.get(f.year) ?? {
      year: f.year,
      total: 0,
      levels: zeroLevels(),
      collective: 0,
      individual: 0,
    };
    y.total += 1;
    if (f.level in y.levels) y.levels[f.level as RecognitionLevelCode] += 1;
    if (f.collective) y.collective += 1;
    else y.individual += 1;
    years.set(f.year, y);
  }
  const levelCounts = countBy(facts, (f) => f.level);
  const forms = new Map<string, RecognitionBreakdown['forms'][number]>();
  for (const f of facts) {
    const key = `${f.level}|${f.formCode}|${f.recipientKind}`;
    const row = forms.get(key) ?? {
      level: f.level,
      formCode: f.formCode,
      formName: f.formName,
      recipientKind: f.recipientKind,
      count: 0,
    };
    row.count += 1;
    forms.set(key, row);
  }
  const levelIndex = (level: string) => {
    const i = RECOGNITION_LEVELS.indexOf(level as RecognitionLevelCode);
    return i < 0 ? RECOGNITION_LEVELS.length : i;
  };
  return {
    total: facts.length,
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
    levels: [...levelCounts]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => levelIndex(a.key ?? '') - levelIndex(b.key ?? '')),
    kinds: (['COLLECTIVE', 'INDIVIDUAL'] as const).map((key) => ({
      key,
      count: facts.filter((f) => f.collective === (key === 'COLLECTIVE')).length,
    })),
    recipientKinds: (['UNIT', 'PERSON', 'INITIATIVE'] as const).map((key) => ({
      key,
      count: facts.filter((f) => f.recipientKind === key).length,
    })),
    fields: ranked(countBy(facts, (f) => f.field)),
    movements: ranked(countBy(facts, (f) => f.movement)),
    forms: [...forms.values()].sort(
      (a, b) =>
        levelIndex(a.level) - levelIndex(b.level) ||
        a.formCode.localeCompare(b.formCode) ||
        a.recipientKind.localeCompare(b.recipientKind),
    ),
  };
}
