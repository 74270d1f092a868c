import { codeOf, paramsOf } from '../errors/code-of.spec-helper';
import { DomainErrorCode } from '../errors/domain-error-code';
import type { AwardFormContent, DossierItemDefinition } from './award-form.types';
import { DEFAULT_AWARD_FORMS } from './default-award-forms';
import {
  type EligibilityInput,
  type HeldAward,
  assertDossierComplete,
  checkEligibility,
  missingDossierItems,
  quotaLimit,
} from './eligibility';

const formOf = (code: string): AwardFormContent => {
  const form = DEFAULT_AWARD_FORMS.find((f) => f.code === code);
  if (!form) throw new Error(`no default form ${code}`);
  return JSON.parse(JSON.stringify(form)) as AwardFormContent;
};

const held = (formCode: string, year: number): HeldAward => ({
  formCode,
  formName: formCode,
  year,
});

const input = (code: string, over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  form: formOf(code),
  nomineeKind: 'PERSON',
  year: 2026,
  held: [],
  sameAchievement: [],
  quota: null,
  ...over,
});

describe(checkEligibility.name, () => {
  describe('nominee kinds', () => {
    it('accepts a kind the form is for', () => {
      expect(codeOf(() => checkEligibility(input('LDTT')))).toBeUndefined();
      expect(
        codeOf(() => checkEligibility(input('GK-BDV', { nomineeKind: 'UNIT' }))),
      ).toBeUndefined();
    });

    it.each<[string, EligibilityInput['nomineeKind']]>([
      ['LDTT', 'UNIT'],
      ['LDTT', 'INITIATIVE'],
      ['DVK-CS', 'PERSON'],
      ['GK-BDV', 'INITIATIVE'],
    ])('refuses %s for a nominee of kind %s', (code, kind) => {
      const check = () => checkEligibility(input(code, { nomineeKind: kind }));
      expect(codeOf(check)).toBe(DomainErrorCode.NomineeKindNotAllowed);
      expect(paramsOf(check)).toMatchObject({ kind, form: formOf(code).name.vi });
    });
  });

  describe('one achievement, one award', () => {
    it('refuses a second award for the same achievement, naming the first', () => {
      const check = () =>
        checkEligibility(
          input('GK-BDV', { sameAchievement: [{ formName: 'Bằng khen của Chủ tịch UBND' }] }),
        );
      expect(codeOf(check)).toBe(DomainErrorCode.OneAchievementOneAward);
      expect(paramsOf(check)).toEqual({ existing: 'Bằng khen của Chủ tịch UBND' });
    });
  });

  describe('headcount quota', () => {
    const quota = (headcount: number | null, used: number) =>
      input('CSTD-CS', { quota: { headcount, used } });

    it('allows 10% of 20 people: the first and the second', () => {
      expect(codeOf(() => checkEligibility(quota(20, 0)))).toBeUndefined();
      expect(codeOf(() => checkEligibility(quota(20, 1)))).toBeUndefined();
    });

    it('refuses the third of 20 people, with the numbers behind it', () => {
      const check = () => checkEligibility(quota(20, 2));
      expect(codeOf(check)).toBe(DomainErrorCode.QuotaExceeded);
      expect(paramsOf(check)).toMatchObject({ percent: 10, limit: 2, headcount: 20, used: 2 });
    });

    it('refuses anyone of a unit of 9 (10% of 9 rounds down to 0)', () => {
      const check = () => checkEligibility(quota(9, 0));
      expect(codeOf(check)).toBe(DomainErrorCode.QuotaExceeded);
      expect(paramsOf(check)).toMatchObject({ limit: 0, headcount: 9 });
    });

    it.each([
      ['unknown', null],
      ['zero', 0],
    ])('refuses when the headcount is %s', (_case, headcount) => {
      expect(codeOf(() => checkEligibility(quota(headcount, 0)))).toBe(
        DomainErrorCode.QuotaHeadcountMissing,
      );
    });

    it('applies to individuals only', () => {
      const form = formOf('GK-BDV');
      form.quota = { percentOfHeadcount: 10 };
      expect(
        codeOf(() => checkEligibility(input('GK-BDV', { form, nomineeKind: 'UNIT', quota: null }))),
      ).toBeUndefined();
      expect(
        codeOf(() =>
          checkEligibility(
            input('GK-BDV', { form, nomineeKind: 'PERSON', quota: { headcount: 20, used: 2 } }),
          ),
        ),
      ).toBe(DomainErrorCode.QuotaExceeded);
    });
  });

  describe('Bằng khen: an earlier Giấy khen and two consecutive years of titles', () => {
    const eligibleHistory = [held('GK-BDV', 2024), held('LDTT', 2024), held('LDTT', 2025)];

    it('accepts a nominee with both', () => {
      expect(
        codeOf(() => checkEligibility(input('BK-UBND', { held: eligibleHistory }))),
      ).toBeUndefined();
    });

    it('refuses a nominee without the earlier award', () => {
      const check = () =>
        checkEligibility(input('BK-UBND', { held: [held('LDTT', 2024), held('LDTT', 2025)] }));
      expect(codeOf(check)).toBe(DomainErrorCode.PrerequisiteAwardMissing);
      expect(paramsOf(check)).toMatchObject({
        required: 'Giấy khen của Ban Dân vận Thành ủy',
        year: 2026,
      });
    });

    it('does not count an earlier award from the same year', () => {
      const history = [held('GK-BDV', 2026), held('LDTT', 2024), held('LDTT', 2025)];
      expect(codeOf(() => checkEligibility(input('BK-UBND', { held: history })))).toBe(
        DomainErrorCode.PrerequisiteAwardMissing,
      );
    });

    it('does not count an earlier award from a later year', () => {
      const history = [held('GK-BDV', 2027), held('LDTT', 2024), held('LDTT', 2025)];
      expect(codeOf(() => checkEligibility(input('BK-UBND', { held: history })))).toBe(
        DomainErrorCode.PrerequisiteAwardMissing,
      );
    });

    it('lists the year missing from the consecutive run', () => {
      // GK-BDV 2024 counts as the 2024 title; 2025 has nothing.
      const check = () => checkEligibility(input('BK-UBND', { held: [held('GK-BDV', 2024)] }));
      expect(codeOf(check)).toBe(DomainErrorCode.ConsecutiveYearsMissing);
      expect(paramsOf(check)).toMatchObject({ years: 2, missing: '2025' });
    });

    it('lists every missing year, oldest first', () => {
      const form = formOf('BK-UBND');
      form.eligibility = {
        consecutiveYears: { formCodes: ['LDTT'], years: 4, label: 'Lao động tiên tiến' },
      };
      const check = () =>
        checkEligibility(
          input('BK-UBND', { form, held: [held('LDTT', 2023), held('LDTT', 2021)] }),
        );
      expect(codeOf(check)).toBe(DomainErrorCode.ConsecutiveYearsMissing);
      expect(paramsOf(check)).toMatchObject({ years: 4, missing: '2022, 2024, 2025' });
    });

    it('does not count a title of another form or of the year itself', () => {
      const history = [held('GK-BDV', 2023), held('KNC-DV', 2024), held('LDTT', 2026)];
      const check = () => checkEligibility(input('BK-UBND', { held: history }));
      expect(paramsOf(check)).toMatchObject({ missing: '2024, 2025' });
    });
  });

  describe('periods: quarters and multi-year phases', () => {
    const phase = (formCode: string, startYear: number, year: number): HeldAward => ({
      ...held(formCode, year),
      periodKind: 'PHASE',
      periodStart: startYear,
    });
    const quarter = (formCode: string, year: number, q: number): HeldAward => ({
      ...held(formCode, year),
      periodKind: 'QUARTER',
      periodQuarter: q,
    });

    it('counts a phase award held for every year it covers', () => {
      const form = formOf('BK-UBND');
      form.eligibility = {
        consecutiveYears: { formCodes: ['LDTT'], years: 3, label: 'Lao động tiên tiến' },
      };
      expect(
        codeOf(() =>
          checkEligibility(input('BK-UBND', { form, held: [phase('LDTT', 2023, 2025)] })),
        ),
      ).toBeUndefined();
      const check = () =>
        checkEligibility(input('BK-UBND', { form, held: [phase('LDTT', 2024, 2025)] }));
      expect(paramsOf(check)).toMatchObject({ missing: '2023' });
    });

    it('counts a quarterly award for its year only', () => {
      const form = formOf('BK-UBND');
      form.eligibility = {
        consecutiveYears: { formCodes: ['LDTT'], years: 2, label: 'Lao động tiên tiến' },
      };
      const check = () =>
        checkEligibility(
          input('BK-UBND', { form, held: [quarter('LDTT', 2025, 3), quarter('LDTT', 2025, 4)] }),
        );
      expect(paramsOf(check)).toMatchObject({ missing: '2024' });
    });

    it("reads a nominated phase's last year: the years before its end must be held", () => {
      // A phase 2021–2023 nominated: `year` is 2023, so 2021 and 2022 are the run before it.
      const history = [held('GK-BDV', 2020), held('LDTT', 2021), held('LDTT', 2022)];
      expect(
        codeOf(() => checkEligibility(input('BK-UBND', { year: 2023, held: history }))),
      ).toBeUndefined();
      const check = () =>
        checkEligibility(input('BK-UBND', { year: 2023, held: history.slice(0, 2) }));
      expect(paramsOf(check)).toMatchObject({ missing: '2022' });
    });

    it('counts an earlier phase award as earlier only once its phase has ended', () => {
      const titles = [held('LDTT', 2024), held('LDTT', 2025)];
      expect(
        codeOf(() =>
          checkEligibility(input('BK-UBND', { held: [phase('GK-BDV', 2021, 2025), ...titles] })),
        ),
      ).toBeUndefined();
      expect(
        codeOf(() =>
          checkEligibility(input('BK-UBND', { held: [phase('GK-BDV', 2024, 2026), ...titles] })),
        ),
      ).toBe(DomainErrorCode.PrerequisiteAwardMissing);
    });
  });

  describe('level-by-level recognition of models', () => {
    const model = (code: string, heldAwards: HeldAward[]) =>
      input(code, { nomineeKind: 'INITIATIVE', held: heldAwards });

    it('recognizes a model at grassroots level without anything before', () => {
      expect(codeOf(() => checkEligibility(model('DVK-CS', [])))).toBeUndefined();
    });

    it('refuses the bloc level before the grassroots level', () => {
      const check = () => checkEligibility(model('DVK-KHOI', []));
      expect(codeOf(check)).toBe(DomainErrorCode.LowerLevelRecognitionMissing);
      expect(paramsOf(check)).toMatchObject({ required: 'Điển hình "Dân vận khéo" cấp cơ sở' });
    });

    it('accepts the bloc level once the grassroots level is held', () => {
      expect(
        codeOf(() => checkEligibility(model('DVK-KHOI', [held('DVK-CS', 2025)]))),
      ).toBeUndefined();
    });

    it('does not skip a level: grassroots recognition is not enough for the city level', () => {
      expect(codeOf(() => checkEligibility(model('DVK-TP', [held('DVK-CS', 2025)])))).toBe(
        DomainErrorCode.LowerLevelRecognitionMissing,
      );
    });

    it('does not count a lower-level recognition from a later year', () => {
      expect(codeOf(() => checkEligibility(model('DVK-KHOI', [held('DVK-CS', 2027)])))).toBe(
        DomainErrorCode.LowerLevelRecognitionMissing,
      );
    });
  });
});

describe(quotaLimit.name, () => {
  it.each([
    [20, 10, 2],
    [9, 10, 0],
    [10, 10, 1],
    [19, 10, 1],
    [100, 15, 15],
    [7, 100, 7],
    // 100 * (29 / 100) is 28.999999999999996 in floating point: integer arithmetic keeps 29.
    [100, 29, 29],
    [30, 10, 3],
    [3, 33.34, 1],
  ])('allows %i people at %d%% to receive %i', (headcount, percent, limit) => {
    expect(quotaLimit(headcount, percent)).toBe(limit);
  });
});

describe(missingDossierItems.name, () => {
  const checklist: DossierItemDefinition[] = [
    { kind: 'to-trinh', label: { vi: 'Tờ trình', en: 'Memo' }, required: true },
    { kind: 'bao-cao', label: { vi: 'Báo cáo', en: 'Report' }, required: true },
    { kind: 'anh', label: { vi: 'Hình ảnh', en: 'Photos' }, required: false },
  ];

  it('lists the required items not uploaded, ignoring optional ones', () => {
    expect(missingDossierItems(checklist, ['bao-cao']).map((d) => d.kind)).toEqual(['to-trinh']);
    expect(missingDossierItems(checklist, new Set(['to-trinh', 'bao-cao']))).toEqual([]);
  });

  it(`${assertDossierComplete.name} names every missing item`, () => {
    const check = () => assertDossierComplete(checklist, ['anh']);
    expect(codeOf(check)).toBe(DomainErrorCode.DossierIncomplete);
    expect(paramsOf(check)).toEqual({ missing: 'Tờ trình, Báo cáo' });
    expect(codeOf(() => assertDossierComplete(checklist, ['to-trinh', 'bao-cao']))).toBeUndefined();
  });
});
