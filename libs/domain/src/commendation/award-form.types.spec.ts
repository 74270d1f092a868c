import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import {
  type AwardFormContent,
  achievementKeyOf,
  achievementText,
  validateAwardForm,
} from './award-form.types';
import {
  DEFAULT_AUTHORITIES,
  DEFAULT_AWARD_FORMS,
  DEFAULT_DECIDING_ORGANISATIONS,
} from './default-award-forms';

const formOf = (code: string): AwardFormContent => {
  const form = DEFAULT_AWARD_FORMS.find((f) => f.code === code);
  if (!form) throw new Error(`no default form ${code}`);
  return JSON.parse(JSON.stringify(form)) as AwardFormContent;
};

/** The field and rule `validateAwardForm` names, or undefined when it accepts the form. */
function brokenRule(form: AwardFormContent): { field: unknown; rule: unknown } | undefined {
  try {
    validateAwardForm(form);
  } catch (err) {
    if (err instanceof DomainException && err.code === DomainErrorCode.AwardFormInvalid) {
      return { field: err.params['field'], rule: err.params['rule'] };
    }
    throw err;
  }
  return undefined;
}

describe('DEFAULT_AWARD_FORMS', () => {
  it.each(DEFAULT_AWARD_FORMS.map((f) => [f.code, f]))('%s is a valid award form', (_code, f) => {
    expect(brokenRule(f)).toBeUndefined();
  });

  it('has unique codes, each decided by a default authority or deciding organisation', () => {
    const codes = DEFAULT_AWARD_FORMS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    const authorities: string[] = [...DEFAULT_AUTHORITIES, ...DEFAULT_DECIDING_ORGANISATIONS].map(
      (a) => a.code,
    );
    for (const f of DEFAULT_AWARD_FORMS) expect(authorities).toContain(f.authorityCode);
  });

  it("lets a bloc and a district party committee decide their own Giấy khen, from the proposer's head to their board", () => {
    for (const [code, authority] of [
      ['GK-DUK-DNTP', 'DUK-DNTP'],
      ['GK-QU-Q3', 'QU-Q3'],
    ]) {
      const f = formOf(code);
      expect(f.authorityCode).toBe(authority);
      expect(f.chain.map((s) => s.actor)).toEqual(['PROPOSER_HEAD', 'AUTHORITY_BOARD']);
    }
  });

  it('puts a council vote over 90% of all members on the city-level forms', () => {
    const council = formOf('BK-UBND').chain.find((s) => s.kind === 'COUNCIL_VOTE');
    expect(council).toMatchObject({ actor: 'AUTHORITY_COUNCIL', thresholdPercent: 90 });
    expect(formOf('KNC-DV').chain.at(-1)).toMatchObject({
      kind: 'COUNCIL_VOTE',
      thresholdPercent: 80,
    });
  });

  it('recognizes models level by level: bloc after grassroots, city after bloc', () => {
    expect(formOf('DVK-KHOI').eligibility?.requiresLowerLevel?.formCode).toBe('DVK-CS');
    expect(formOf('DVK-TP').eligibility?.requiresLowerLevel?.formCode).toBe('DVK-KHOI');
  });
});

describe(validateAwardForm.name, () => {
  const SLA = 'integer 1-60';
  const TEXT = 'vi and en text required';
  const SHARE = 'number in (0, 100]';
  it.each<[string, (f: AwardFormContent) => void, string, string]>([
    ['a lower-case code', (f) => (f.code = 'bk-ubnd'), 'code', 'A-Z, 0-9 and -, 2-40 characters'],
    ['a one-character code', (f) => (f.code = 'B'), 'code', 'A-Z, 0-9 and -, 2-40 characters'],
    ['a name without Vietnamese text', (f) => (f.name = { vi: '  ', en: 'x' }), 'name', TEXT],
    [
      'an unknown category',
      (f) => (f.category = 'MEDAL' as AwardFormContent['category']),
      'category',
      'one of TITLE, COMMENDATION, RECOGNITION',
    ],
    [
      'an unknown level',
      (f) => (f.level = 'WARD' as AwardFormContent['level']),
      'level',
      'one of BASE, BLOC, DISTRICT, PROVINCE, CENTRAL',
    ],
    ['no authority', (f) => (f.authorityCode = ''), 'authorityCode', 'required'],
    ['no nominee kinds', (f) => (f.nomineeKinds = []), 'nomineeKinds', 'at least one'],
    [
      'an unknown nominee kind',
      (f) => (f.nomineeKinds = ['UNIT', 'TEAM' as 'UNIT']),
      'nomineeKinds[1]',
      'one of UNIT, PERSON, INITIATIVE',
    ],
    [
      'a duplicate dossier kind',
      (f) => (f.dossier[2].kind = 'to-trinh'),
      'dossier[2].kind',
      'unique',
    ],
    [
      'a dossier kind with spaces',
      (f) => (f.dossier[0].kind = 'to trinh'),
      'dossier[0].kind',
      'a-z, 0-9, -',
    ],
    [
      'a dossier item without a label',
      (f) => (f.dossier[1].label.vi = ''),
      'dossier[1].label',
      TEXT,
    ],
    ['an empty chain', (f) => (f.chain = []), 'chain', 'at least one step'],
    ['a duplicate step key', (f) => (f.chain[1].key = 'unit-head'), 'chain[1].key', 'unique'],
    ['a step without a title', (f) => (f.chain[1].title.vi = ''), 'chain[1].title', TEXT],
    ['an SLA of zero days', (f) => (f.chain[0].slaWorkingDays = 0), 'chain[0].slaWorkingDays', SLA],
    ['an SLA of 61 days', (f) => (f.chain[2].slaWorkingDays = 61), 'chain[2].slaWorkingDays', SLA],
    ['a fractional SLA', (f) => (f.chain[2].slaWorkingDays = 2.5), 'chain[2].slaWorkingDays', SLA],
    [
      'a posting without its period',
      (f) => delete f.chain[3].postingWorkingDays,
      'chain[3].postingWorkingDays',
      'integer 1-30',
    ],
    [
      'a posting run by the council',
      (f) => (f.chain[3].actor = 'AUTHORITY_COUNCIL'),
      'chain[3].actor',
      'AUTHORITY_BOARD for POSTING',
    ],
    [
      'a council vote without a threshold',
      (f) => delete f.chain[4].thresholdPercent,
      'chain[4].thresholdPercent',
      SHARE,
    ],
    [
      'a council vote over 100%',
      (f) => (f.chain[4].thresholdPercent = 101),
      'chain[4].thresholdPercent',
      SHARE,
    ],
    [
      'a council vote by the board',
      (f) => (f.chain[4].actor = 'AUTHORITY_BOARD'),
      'chain[4].actor',
      'AUTHORITY_COUNCIL for COUNCIL_VOTE',
    ],
    [
      'an approval step given to the council',
      (f) => (f.chain[2].actor = 'AUTHORITY_COUNCIL'),
      'chain[2].actor',
      'a council decides by COUNCIL_VOTE',
    ],
    [
      "a parent organisation's step after the appraisal",
      (f) => (f.chain[3] = { ...f.chain[0], key: 'parent', actor: 'PARENT_ORG' }),
      'chain[3].actor',
      "PARENT_ORG comes before the deciding organisation's steps",
    ],
    [
      'a reminder 31 days ahead',
      (f) => (f.reminders.offsetsWorkingDays = [3, 31]),
      'reminders.offsetsWorkingDays[1]',
      '1-30',
    ],
    [
      'a quota on a form only units receive',
      (f) => {
        f.nomineeKinds = ['UNIT'];
        f.quota = { percentOfHeadcount: 10 };
      },
      'quota',
      'headcount quotas apply to individuals',
    ],
    [
      'a quota of 0%',
      (f) => (f.quota = { percentOfHeadcount: 0 }),
      'quota.percentOfHeadcount',
      SHARE,
    ],
    [
      'zero consecutive years',
      (f) => {
        if (f.eligibility?.consecutiveYears) f.eligibility.consecutiveYears.years = 0;
      },
      'eligibility.consecutiveYears.years',
      'integer >= 1',
    ],
    [
      'level-by-level recognition of a person',
      (f) => (f.eligibility = { requiresLowerLevel: { formCode: 'GK-BDV', label: 'x' } }),
      'eligibility.requiresLowerLevel',
      'level-by-level recognition is for models',
    ],
    [
      'a certificate without a signer title',
      (f) => (f.certificate = { achievementTemplate: 'x' } as AwardFormContent['certificate']),
      'certificate.signerTitle',
      'required',
    ],
  ])('names the broken field: %s', (_case, change, field, rule) => {
    // BK-UBND has every kind of step: unit-head, cluster-head, appraisal, posting, council-vote.
    const form = formOf('BK-UBND');
    expect(brokenRule(form)).toBeUndefined();
    change(form);
    expect(brokenRule(form)).toEqual({ field, rule });
  });

  it('names the first broken field when several are broken', () => {
    const form = formOf('LDTT');
    form.level = 'WARD' as AwardFormContent['level'];
    form.chain = [];
    expect(brokenRule(form)?.field).toBe('level');
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'form'],
    ['an array', [], 'form'],
    ['a numeric code', { ...formOf('LDTT'), code: 12 }, 'code'],
    ['a dossier that is not a list', { ...formOf('LDTT'), dossier: 'x' }, 'dossier'],
    ['a dossier item that is not an object', { ...formOf('LDTT'), dossier: [null] }, 'dossier[0]'],
    ['a chain step that is not an object', { ...formOf('LDTT'), chain: [7] }, 'chain[0]'],
  ])('refuses free-form JSON of the wrong shape (%s) without crashing', (_case, form, field) => {
    expect(brokenRule(form as AwardFormContent)?.field).toBe(field);
  });

  it('accepts a quota on a form for units and individuals', () => {
    const form = formOf('GK-BDV');
    form.quota = { percentOfHeadcount: 15 };
    expect(brokenRule(form)).toBeUndefined();
  });
});

describe(achievementText.name, () => {
  it('fills every {year} and {movement} of the template', () => {
    expect(
      achievementText('Phong trào "{movement}" năm {year} ({year})', {
        year: 2026,
        movement: 'Dân vận khéo',
      }),
    ).toBe('Phong trào "Dân vận khéo" năm 2026 (2026)');
  });

  it('leaves a template without placeholders as it is', () => {
    expect(achievementText('Đã có nhiều đóng góp', { year: 2026, movement: 'x' })).toBe(
      'Đã có nhiều đóng góp',
    );
  });

  it('words "năm {year}" and {period} as the period: a year, a quarter or a phase', () => {
    const template = 'Phong trào "{movement}" năm {year}';
    expect(
      achievementText(template, {
        year: 2020,
        movement: 'Dân vận khéo',
        period: { kind: 'PHASE', year: 2020, startYear: 2016 },
      }),
    ).toBe('Phong trào "Dân vận khéo" giai đoạn 2016–2020');
    expect(
      achievementText(template, {
        year: 2023,
        movement: 'Thi đua yêu nước',
        period: { kind: 'QUARTER', year: 2023, quarter: 3 },
      }),
    ).toBe('Phong trào "Thi đua yêu nước" quý III năm 2023');
    expect(
      achievementText('Thành tích {period} (đến {year})', {
        year: 2022,
        movement: 'x',
        period: { kind: 'YEAR', year: 2022 },
      }),
    ).toBe('Thành tích năm 2022 (đến 2022)');
  });
});

describe(achievementKeyOf.name, () => {
  const year = (y: number, movementCode?: string) => ({
    movementCode,
    period: { kind: 'YEAR' as const, year: y },
  });
  const quarter = (y: number, q: number, movementCode?: string) => ({
    movementCode,
    period: { kind: 'QUARTER' as const, year: y, quarter: q },
  });
  const phase = (from: number, to: number, movementCode?: string) => ({
    movementCode,
    period: { kind: 'PHASE' as const, year: to, startYear: from },
  });

  it('gives a title once per form and year', () => {
    expect(achievementKeyOf(formOf('LDTT'), 2026)).toBe('title:LDTT:2026');
    expect(achievementKeyOf(formOf('CSTD-CS'), 2026)).not.toBe(
      achievementKeyOf(formOf('LDTT'), 2026),
    );
    expect(achievementKeyOf(formOf('LDTT'), 2027)).not.toBe(achievementKeyOf(formOf('LDTT'), 2026));
  });

  it("counts a year's results once across every form of commendation", () => {
    expect(achievementKeyOf(formOf('GK-BDV'), 2026)).toBe('commendation:2026');
    expect(achievementKeyOf(formOf('BK-UBND'), 2026)).toBe(
      achievementKeyOf(formOf('GK-BDV'), 2026),
    );
    expect(achievementKeyOf(formOf('BK-UBND'), 2027)).toBe('commendation:2027');
  });

  it('recognizes a model once per level, whatever the year', () => {
    expect(achievementKeyOf(formOf('DVK-CS'), 2026)).toBe('recognition:BASE');
    expect(achievementKeyOf(formOf('DVK-CS'), 2027)).toBe('recognition:BASE');
    expect(achievementKeyOf(formOf('DVK-KHOI'), 2026)).toBe('recognition:BLOC');
    expect(achievementKeyOf(formOf('DVK-CS'), phase(2021, 2023, 'DVK'))).toBe(
      achievementKeyOf(formOf('DVK-CS'), year(2026, 'DVK')),
    );
  });

  it('keeps the key of a year without a movement as yearly awards stored it', () => {
    expect(achievementKeyOf(formOf('GK-BDV'), year(2026))).toBe('commendation:2026');
    expect(achievementKeyOf(formOf('LDTT'), year(2026))).toBe('title:LDTT:2026');
  });

  it('tells apart a quarterly award of one movement and a phase award of another', () => {
    const q = achievementKeyOf(formOf('GK-BDV'), quarter(2023, 3, 'TDYN'));
    const p = achievementKeyOf(formOf('GK-BDV'), phase(2021, 2023, 'DVK'));
    expect(q).toBe('commendation:TDYN:2023-Q3');
    expect(p).toBe('commendation:DVK:2021-2023');
    expect(q).not.toBe(p);
  });

  it('tells apart the periods of one movement: a year, its quarters and a phase ending in it', () => {
    const keys = [
      year(2023, 'DVK'),
      quarter(2023, 2, 'DVK'),
      quarter(2023, 3, 'DVK'),
      phase(2021, 2023, 'DVK'),
      phase(2022, 2023, 'DVK'),
      year(2023),
    ].map((s) => achievementKeyOf(formOf('GK-BDV'), s));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('counts the same movement and period once across forms of commendation (one achievement)', () => {
    const s = phase(2016, 2020, 'DVK');
    expect(achievementKeyOf(formOf('BK-UBND'), s)).toBe(achievementKeyOf(formOf('GK-BDV'), s));
    expect(achievementKeyOf(formOf('LDTT'), s)).toBe('title:LDTT:DVK:2016-2020');
  });

  it('ignores the fields a kind of period does not have', () => {
    expect(
      achievementKeyOf(formOf('GK-BDV'), {
        movementCode: 'DVK',
        period: { kind: 'YEAR', year: 2023, quarter: 3, startYear: 2021 },
      }),
    ).toBe('commendation:DVK:2023');
  });
});
