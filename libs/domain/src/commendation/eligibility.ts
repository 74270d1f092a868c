import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import type { AwardFormContent, DossierItemDefinition, NomineeKind } from './award-form.types';
import { type AwardPeriodKind, awardPeriodYears } from './award-period';

/** An award the nominee holds (not revoked), from this system or from earlier records. */
export interface HeldAward {
  formCode: string;
  formName: string;
  /** The last year of the award's period. */
  year: number;
  /** The award's period (YEAR when absent); a phase covers every year from `periodStart`. */
  periodKind?: AwardPeriodKind | null;
  periodStart?: number | null;
  periodQuarter?: number | null;
}

/** The years an award held covers: a phase each of its years, a year or a quarter its year. */
export function heldAwardYears(a: HeldAward): number[] {
  return awardPeriodYears({
    kind: a.periodKind ?? 'YEAR',
    year: a.year,
    quarter: a.periodQuarter ?? null,
    startYear: a.periodStart ?? null,
  });
}

export interface EligibilityInput {
  form: AwardFormContent;
  nomineeKind: NomineeKind;
  /** The last year of the nominated period (a year, a quarter's year, or a phase's end year):
   * earlier awards and consecutive years are counted back from it. */
  year: number;
  /** The nominee's awards that were not revoked. */
  held: HeldAward[];
  /** Live nominations or awards of the same nominee for the same achievement. */
  sameAchievement: { formName: string }[];
  /** For quotas: the unit's headcount and how many of its people already have (or are proposed
   * for) this form this year. */
  quota: { headcount: number | null; used: number } | null;
}

/**
 * The rules a nomination must meet before it enters the approval chain, each refused with the
 * rule and the numbers behind it: nominee kind, "one achievement, one award" (Law 06/2022/QH15),
 * headcount quota, earlier award, consecutive years, level-by-level recognition of models.
 */
export function checkEligibility(input: EligibilityInput): void {
  const { form, year, held } = input;
  const formName = form.name.vi;
  if (!form.nomineeKinds.includes(input.nomineeKind)) {
    throw new DomainException(DomainErrorCode.NomineeKindNotAllowed, {
      form: formName,
      kind: input.nomineeKind,
    });
  }
  if (input.sameAchievement.length > 0) {
    throw new DomainException(DomainErrorCode.OneAchievementOneAward, {
      existing: input.sameAchievement[0].formName,
    });
  }
  const rules = form.eligibility;
  const lower = rules?.requiresLowerLevel;
  // A period's last year is when its award is decided: a recognition of that year or before counts.
  if (lower && !held.some((a) => a.formCode === lower.formCode && a.year <= year)) {
    throw new DomainException(DomainErrorCode.LowerLevelRecognitionMissing, {
      form: formName,
      required: lower.label,
    });
  }
  const earlier = rules?.requiresEarlierAward;
  if (earlier && !held.some((a) => earlier.formCodes.includes(a.formCode) && a.year < year)) {
    throw new DomainException(DomainErrorCode.PrerequisiteAwardMissing, {
      form: formName,
      required: earlier.label,
      year,
    });
  }
  const consecutive = rules?.consecutiveYears;
  if (consecutive) {
    const missing: number[] = [];
    const covering = held.filter((a) => consecutive.formCodes.includes(a.formCode));
    for (let y = year - consecutive.years; y < year; y++) {
      if (!covering.some((a) => heldAwardYears(a).includes(y))) {
        missing.push(y);
      }
    }
    if (missing.length > 0) {
      throw new DomainException(DomainErrorCode.ConsecutiveYearsMissing, {
        form: formName,
        years: consecutive.years,
        required: consecutive.label,
        missing: missing.join(', '),
      });
    }
  }
  if (form.quota && input.nomineeKind === 'PERSON') {
    const headcount = input.quota?.headcount ?? null;
    if (headcount === null || headcount <= 0) {
      throw new DomainException(DomainErrorCode.QuotaHeadcountMissing, { form: formName });
    }
    const limit = quotaLimit(headcount, form.quota.percentOfHeadcount);
    const used = input.quota?.used ?? 0;
    if (used + 1 > limit) {
      throw new DomainException(DomainErrorCode.QuotaExceeded, {
        form: formName,
        percent: form.quota.percentOfHeadcount,
        limit,
        headcount,
        used,
      });
    }
  }
}

/** How many people of a unit may receive a form: the share of the headcount, rounded down
 * (integer arithmetic, so 10% of 20 is exactly 2). */
export function quotaLimit(headcount: number, percent: number): number {
  return Math.floor((headcount * Math.round(percent * 100)) / 10000);
}

/** The required dossier items not yet uploaded. */
export function missingDossierItems(
  checklist: DossierItemDefinition[],
  uploadedKinds: Iterable<string>,
): DossierItemDefinition[] {
  const have = new Set(uploadedKinds);
  return checklist.filter((d) => d.required && !have.has(d.kind));
}

export function assertDossierComplete(
  checklist: DossierItemDefinition[],
  uploadedKinds: Iterable<string>,
): void {
  const missing = missingDossierItems(checklist, uploadedKinds);
  if (missing.length > 0) {
    throw new DomainException(DomainErrorCode.DossierIncomplete, {
      missing: missing.map((d) => d.label.vi).join(', '),
    });
  }
}
