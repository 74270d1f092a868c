import { idsOnPath } from '../organisations/organisation-tree';
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
  /** Path (`/<top>/…/<id>/`) of the organisation that decided the award; null when none is
   * recorded (earlier records entered without their deciding body). */
  authorityPath?: string | null;
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

/** Recognitions of one level: collectives (units), individuals (people) and models. */
export interface RecognitionLevelTotals {
  level: RecognitionLevelCode;
  collectives: number;
  individuals: number;
  models: number;
  total: number;
}

/**
 * What an organisation recognized: tập thể (units), cá nhân (people) and mô hình (models,
 * solutions, works), in all and per level (every level, lowest first, 0 when none).
 */
export interface RecognitionTotals {
  total: number;
  collectives: number;
  individuals: number;
  models: number;
  levels: RecognitionLevelTotals[];
}

const emptyTotals = (): RecognitionTotals => ({
  total: 0,
  collectives: 0,
  individuals: 0,
  models: 0,
  levels: RECOGNITION_LEVELS.map((level) => ({
    level,
    collectives: 0,
    individuals: 0,
    models: 0,
    total: 0,
  })),
});

const KIND_FIELD = {
  UNIT: 'collectives',
  PERSON: 'individuals',
  INITIATIVE: 'models',
} as const satisfies Record<RecognitionFact['recipientKind'], string>;

/**
 * Counts recognitions per level and recipient kind. Each award in force is one recognition, so a
 * model recognized at base, bloc and city level counts once at each of the three levels (the
 * rules allow one recognition per model and level), and totals add up across organisations.
 */
export function recognitionTotals(
  facts: readonly Pick<RecognitionFact, 'level' | 'recipientKind'>[],
): RecognitionTotals {
  const t = emptyTotals();
  for (const f of facts) {
    const field = KIND_FIELD[f.recipientKind];
    t.total += 1;
    t[field] += 1;
    const level = t.levels.find((l) => l.level === f.level);
    if (level) {
      level.total += 1;
      level[field] += 1;
    }
  }
  return t;
}

/** The sum of several organisations' totals (a parent's totals are its children's plus its own). */
export function sumRecognitionTotals(parts: readonly RecognitionTotals[]): RecognitionTotals {
  const t = emptyTotals();
  for (const p of parts) {
    t.total += p.total;
    t.collectives += p.collectives;
    t.individuals += p.individuals;
    t.models += p.models;
    for (const l of p.levels) {
      const into = t.levels.find((x) => x.level === l.level);
      if (!into) continue;
      into.total += l.total;
      into.collectives += l.collectives;
      into.individuals += l.individuals;
      into.models += l.models;
    }
  }
  return t;
}

/**
 * The direct child of the report's organisation under which the deciding organisation lies, or
 * null when the organisation itself decided (or, for the whole tree, no deciding body is
 * recorded). `scopePath` null is the whole tree, whose children are the top-level organisations.
 */
export function childOfScope(
  scopePath: string | null,
  authorityPath: string | null,
): string | null {
  if (authorityPath === null || authorityPath === '') return null;
  const depth = scopePath === null ? 0 : idsOnPath(scopePath).length;
  if (scopePath !== null && !authorityPath.startsWith(scopePath)) return null;
  return idsOnPath(authorityPath)[depth] ?? null;
}

export interface OrganisationRecognitions {
  /** Everything the subtree decided: `own` plus every child's. */
  totals: RecognitionTotals;
  /** Decided by the organisation itself. */
  own: RecognitionTotals;
  /** Per direct child organisation (each with its own subtree), in the order given, then any
   * child met only in the facts. */
  children: { id: string; totals: RecognitionTotals }[];
}

/**
 * Splits the awards decided in an organisation's subtree by the direct child they came from, so
 * the organisation's totals are the sum of its children's and its own, and siblings never share
 * an award (each award has one deciding organisation, which lies under one child).
 */
export function organisationRecognitions(
  facts: readonly RecognitionFact[],
  scopePath: string | null,
  childIds: readonly string[],
): OrganisationRecognitions {
  const own: RecognitionFact[] = [];
  const byChild = new Map<string, RecognitionFact[]>(childIds.map((id) => [id, []]));
  for (const f of facts) {
    const child = childOfScope(scopePath, f.authorityPath ?? null);
    if (child === null) {
      own.push(f);
      continue;
    }
    const list = byChild.get(child) ?? [];
    list.push(f);
    byChild.set(child, list);
  }
  const children = [...byChild].map(([id, list]) => ({ id, totals: recognitionTotals(list) }));
  const ownTotals = recognitionTotals(own);
  return {
    totals: sumRecognitionTotals([ownTotals, ...children.map((c) => c.totals)]),
    own: ownTotals,
    children,
  };
}
