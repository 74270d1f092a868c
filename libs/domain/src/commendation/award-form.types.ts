import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import {
  type AwardPeriod,
  awardPeriodKey,
  describeAwardPeriod,
  normalizeAwardPeriod,
} from './award-period';
import { type LegalBasis, legalBasisViolation } from './document-profile';

export const RECOGNITION_LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];
export const NOMINEE_KINDS = ['UNIT', 'PERSON', 'INITIATIVE'] as const;
export type NomineeKind = (typeof NOMINEE_KINDS)[number];

export interface LocalizedText {
  vi: string;
  en: string;
}

/** Who acts on a chain step, resolved per nomination through the organisation tree when it is
 * submitted (the workflow then walks the concrete steps as given):
 * - PROPOSER_HEAD: the leadership (signers) of the proposing organisation signs off its dossier;
 * - PARENT_ORG: the signers of the proposer's direct superior (its parent in the tree) sign it on
 *   (a proposer at the top of the tree has none: the submission is refused, naming the step);
 * - CLUSTER_HEAD: the head unit's signers of the cluster the nominee's unit (else the proposer) is
 *   a member of in the period's year (the deputy's when the head is the nominee or the proposer).
 *   A cluster is one possible step, not the only path: when neither is in a cluster that year the
 *   step is SKIPPED (left out of the resolved chain), so an organisation in no cluster proposes
 *   straight to the next level;
 * - AUTHORITY_BOARD: the deciding organisation's emulation board (its users with REVIEWER)
 *   appraises (thẩm định);
 * - AUTHORITY_COUNCIL: the deciding organisation's emulation and commendation council (its users
 *   with COUNCIL_MEMBER) votes.
 * The deciding organisation (`authorityCode`) may be any organisation of the tree: a party
 * committee, a People's Committee, a board, a cluster council. */
export const STEP_ACTORS = [
  'PROPOSER_HEAD',
  'PARENT_ORG',
  'CLUSTER_HEAD',
  'AUTHORITY_BOARD',
  'AUTHORITY_COUNCIL',
] as const;
export type StepActor = (typeof STEP_ACTORS)[number];

export const STEP_KINDS = ['APPROVAL', 'POSTING', 'COUNCIL_VOTE'] as const;
export type ChainStepKind = (typeof STEP_KINDS)[number];

export interface ChainStepDefinition {
  key: string;
  kind: ChainStepKind;
  actor: StepActor;
  title: LocalizedText;
  /** Processing limit in working days; past it the step escalates. */
  slaWorkingDays: number;
  /** POSTING: how long nominees are publicly posted (công khai), in working days. */
  postingWorkingDays?: number;
  /** COUNCIL_VOTE: approval needs this share of ALL council members. */
  thresholdPercent?: number;
}

export interface DossierItemDefinition {
  kind: string;
  label: LocalizedText;
  required: boolean;
}

export interface EligibilityRules {
  /** The nominee must hold one of these awards from an earlier year (e.g. Bằng khen after a
   * Giấy khen). */
  requiresEarlierAward?: { formCodes: string[]; label: string } | null;
  /** The nominee must hold one of these awards (titles) in each of the N years before. */
  consecutiveYears?: { formCodes: string[]; years: number; label: string } | null;
  /** Multi-level recognition: the model must already be recognized at the level below. */
  requiresLowerLevel?: { formCode: string; label: string } | null;
}

/** One version of an award form (hình thức khen thưởng / danh hiệu) at a level: data, not code. */
export const AWARD_CATEGORIES = ['TITLE', 'COMMENDATION', 'RECOGNITION'] as const;
/** TITLE: a yearly emulation title (danh hiệu); COMMENDATION: a form of commendation (Giấy khen,
 * Bằng khen, medal); RECOGNITION: a model recognized at a level (điển hình cấp cơ sở, khối, …). */
export type AwardCategory = (typeof AWARD_CATEGORIES)[number];

export interface AwardFormContent {
  code: string;
  name: LocalizedText;
  category: AwardCategory;
  level: RecognitionLevel;
  /** Code of the organisation (any Unit of the tree) that decides it: its users with REVIEWER,
   * COUNCIL_MEMBER and AUTHORITY are its board, council and leader. */
  authorityCode: string;
  nomineeKinds: NomineeKind[];
  dossier: DossierItemDefinition[];
  chain: ChainStepDefinition[];
  reminders: { offsetsWorkingDays: number[] };
  /** At most this share of a unit's headcount may receive the form in one year (individuals). */
  quota?: { percentOfHeadcount: number } | null;
  eligibility?: EligibilityRules | null;
  certificate: { signerTitle: string; achievementTemplate: string };
  /** The laws and regulations a decision on this form cites ("Căn cứ …"), each with the dates it
   * is in force: a decision cites those in force on its date. */
  legalBases?: LegalBasis[] | null;
}

const invalid = (field: string, rule: string) =>
  new DomainException(DomainErrorCode.AwardFormInvalid, { field, rule });

const isText = (t: unknown): t is LocalizedText =>
  typeof t === 'object' &&
  t !== null &&
  typeof (t as LocalizedText).vi === 'string' &&
  (t as LocalizedText).vi.trim().length > 0 &&
  typeof (t as LocalizedText).en === 'string';

const STEP_KEY = /^[a-z0-9-]{2,40}$/;

const isRecord = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isKey = (v: unknown, pattern: RegExp): v is string =>
  typeof v === 'string' && pattern.test(v);

const isPositiveInt = (n: unknown, min = 1): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= min;

/** Checks a form definition before it is stored; names the first broken field and rule. */
export function validateAwardForm(c: AwardFormContent): void {
  // The content arrives as free-form JSON: every part is type-checked before it is walked.
  if (!isRecord(c)) throw invalid('form', 'a JSON object');
  if (!isKey(c.code, /^[A-Z0-9-]{2,40}$/)) throw invalid('code', 'A-Z, 0-9 and -, 2-40 characters');
  if (!isText(c.name)) throw invalid('name', 'vi and en text required');
  if (!(AWARD_CATEGORIES as readonly string[]).includes(c.category))
    throw invalid('category', `one of ${AWARD_CATEGORIES.join(', ')}`);
  if (!(RECOGNITION_LEVELS as readonly string[]).includes(c.level))
    throw invalid('level', `one of ${RECOGNITION_LEVELS.join(', ')}`);
  if (typeof c.authorityCode !== 'string' || c.authorityCode.length === 0)
    throw invalid('authorityCode', 'required');
  if (!Array.isArray(c.nomineeKinds) || c.nomineeKinds.length === 0)
    throw invalid('nomineeKinds', 'at least one');
  c.nomineeKinds.forEach((k, i) => {
    if (!(NOMINEE_KINDS as readonly string[]).includes(k))
      throw invalid(`nomineeKinds[${i}]`, `one of ${NOMINEE_KINDS.join(', ')}`);
  });
  const dossierKinds = new Set<string>();
  if (c.dossier !== undefined && !Array.isArray(c.dossier)) throw invalid('dossier', 'an array');
  (c.dossier ?? []).forEach((d, i) => {
    if (!isRecord(d)) throw invalid(`dossier[${i}]`, 'an object');
    if (!isKey(d.kind, STEP_KEY)) throw invalid(`dossier[${i}].kind`, 'a-z, 0-9, -');
    if (dossierKinds.has(d.kind)) throw invalid(`dossier[${i}].kind`, 'unique');
    dossierKinds.add(d.kind);
    if (!isText(d.label)) throw invalid(`dossier[${i}].label`, 'vi and en text required');
  });
  if (!Array.isArray(c.chain) || c.chain.length === 0) throw invalid('chain', 'at least one step');
  const keys = new Set<string>();
  c.chain.forEach((s, i) => {
    const f = `chain[${i}]`;
    if (!isRecord(s)) throw invalid(f, 'an object');
    if (!isKey(s.key, STEP_KEY)) throw invalid(`${f}.key`, 'a-z, 0-9, -');
    if (keys.has(s.key)) throw invalid(`${f}.key`, 'unique');
    keys.add(s.key);
    if (!(STEP_KINDS as readonly string[]).includes(s.kind))
      throw invalid(`${f}.kind`, `one of ${STEP_KINDS.join(', ')}`);
    if (!(STEP_ACTORS as readonly string[]).includes(s.actor))
      throw invalid(`${f}.actor`, `one of ${STEP_ACTORS.join(', ')}`);
    if (!isText(s.title)) throw invalid(`${f}.title`, 'vi and en text required');
    if (!isPositiveInt(s.slaWorkingDays) || s.slaWorkingDays > 60)
      throw invalid(`${f}.slaWorkingDays`, 'integer 1-60');
    if (s.kind === 'POSTING') {
      if (!isPositiveInt(s.postingWorkingDays) || s.postingWorkingDays > 30)
        throw invalid(`${f}.postingWorkingDays`, 'integer 1-30');
      if (s.actor !== 'AUTHORITY_BOARD') throw invalid(`${f}.actor`, 'AUTHORITY_BOARD for POSTING');
    }
    if (s.kind === 'COUNCIL_VOTE') {
      const t = s.thresholdPercent;
      if (typeof t !== 'number' || !(t > 0 && t <= 100))
        throw invalid(`${f}.thresholdPercent`, 'number in (0, 100]');
      if (s.actor !== 'AUTHORITY_COUNCIL')
        throw invalid(`${f}.actor`, 'AUTHORITY_COUNCIL for COUNCIL_VOTE');
    }
    if (s.kind === 'APPROVAL' && s.actor === 'AUTHORITY_COUNCIL')
      throw invalid(`${f}.actor`, 'a council decides by COUNCIL_VOTE');
    if (
      s.actor === 'PARENT_ORG' &&
      c.chain
        .slice(0, i)
        .some((p) => p.actor === 'AUTHORITY_BOARD' || p.actor === 'AUTHORITY_COUNCIL')
    )
      throw invalid(`${f}.actor`, "PARENT_ORG comes before the deciding organisation's steps");
  });
  if (!c.reminders || !Array.isArray(c.reminders.offsetsWorkingDays))
    throw invalid('reminders.offsetsWorkingDays', 'array of working days');
  c.reminders.offsetsWorkingDays.forEach((o, i) => {
    if (!isPositiveInt(o) || o > 30) throw invalid(`reminders.offsetsWorkingDays[${i}]`, '1-30');
  });
  if (c.quota) {
    const p = c.quota.percentOfHeadcount;
    if (typeof p !== 'number' || !(p > 0 && p <= 100))
      throw invalid('quota.percentOfHeadcount', 'number in (0, 100]');
    if (!c.nomineeKinds.includes('PERSON'))
      throw invalid('quota', 'headcount quotas apply to individuals');
  }
  const e = c.eligibility;
  if (e?.consecutiveYears && !isPositiveInt(e.consecutiveYears.years))
    throw invalid('eligibility.consecutiveYears.years', 'integer >= 1');
  if (e?.requiresLowerLevel && !c.nomineeKinds.includes('INITIATIVE'))
    throw invalid('eligibility.requiresLowerLevel', 'level-by-level recognition is for models');
  if (!c.certificate || typeof c.certificate.signerTitle !== 'string')
    throw invalid('certificate.signerTitle', 'required');
  if (typeof c.certificate.achievementTemplate !== 'string')
    throw invalid('certificate.achievementTemplate', 'required');
  if (c.legalBases !== undefined && c.legalBases !== null) {
    if (!Array.isArray(c.legalBases) || c.legalBases.length > 20)
      throw invalid('legalBases', 'an array of at most 20');
    c.legalBases.forEach((b, i) => {
      const violation = legalBasisViolation(b, `legalBases[${i}]`);
      if (violation) throw invalid(violation.field, violation.rule);
    });
  }
}

/**
 * The achievement text of a certificate: `{movement}`, `{year}` and `{period}` filled in. With a
 * period, "năm {year}" is worded as the period ("quý III năm 2023", "giai đoạn 2016–2020"), so a
 * template written for yearly awards prints a quarter or a phase correctly; `{year}` alone stays
 * the period's last year.
 */
export function achievementText(
  template: string,
  values: { year: number; movement: string; period?: AwardPeriod | null },
) {
  const period = values.period ?? { kind: 'YEAR', year: values.year };
  const described = describeAwardPeriod(period);
  return template
    .replace(/năm \{year\}/g, described)
    .replace(/\{period\}/g, described)
    .replace(/\{year\}/g, String(values.year))
    .replace(/\{movement\}/g, values.movement);
}

/** What an achievement belongs to: a movement (phong trào; none for a unit's general results)
 * and a period (a year, a quarter, or a multi-year phase). */
export interface AchievementScope {
  movementCode?: string | null;
  period: AwardPeriod;
}

/**
 * What "one achievement" means per category, so "one achievement, one award" can be a unique key.
 * An achievement is the nominee's results in one movement and period: a quarterly award of one
 * movement and a phase award of another are different achievements. Per category:
 * - TITLE: a title is given once per movement and period (`title:LDTT:2026`);
 * - COMMENDATION: the results of a movement and period earn one form of commendation, whichever
 *   (Law 06/2022/QH15: one achievement may not receive several forms) (`commendation:2026`,
 *   `commendation:DVK:2021-2023`);
 * - RECOGNITION: a model is recognized once per level (per movement), whatever the period.
 * A year alone (no movement) keeps the key shape of the yearly awards stored before periods.
 */
export function achievementKeyOf(
  form: Pick<AwardFormContent, 'category' | 'code' | 'level'>,
  scope: number | AchievementScope,
): string {
  const { movementCode, period } =
    typeof scope === 'number'
      ? { movementCode: null, period: { kind: 'YEAR' as const, year: scope } }
      : scope;
  const movement = movementCode ? `${movementCode}:` : '';
  const of = `${movement}${awardPeriodKey(normalizeAwardPeriod(period))}`;
  switch (form.category) {
    case 'TITLE':
      return `title:${form.code}:${of}`;
    case 'RECOGNITION':
      return `recognition:${movement}${form.level}`;
    default:
      return `commendation:${of}`;
  }
}
