import { validateAwardForm } from './award-form.types';
import { DEFAULT_AUTHORITIES, DEFAULT_AWARD_FORMS } from './default-award-forms';
import {
  NATIONAL_LEGAL_BASES,
  achievementPhrase,
  decisionArticleOne,
  decisionBasisLines,
  decisionSubjectLine,
  defaultDocumentProfiles,
  documentNumberLine,
  documentNumberOf,
  documentProfileViolation,
  documentStyleOf,
  formatDocumentNumber,
  legalBasesInForce,
  recipientCountPhrase,
  resolveDocumentIssuer,
  signerBlockLines,
} from './document-profile';

const partyUnit = {
  code: 'DUK',
  name: 'Đảng ủy Khối các cơ quan Thành phố',
  orgKind: 'PARTY_COMMITTEE',
  parentName: 'Thành ủy Thành phố Hồ Chí Minh',
  documentProfile: null,
};
const ubnd = defaultDocumentProfiles().find((p) => p.code === 'UBND-TP');

describe(documentStyleOf.name, () => {
  it('gives party committees, boards and cells the party format and every other kind the state one', () => {
    for (const kind of ['PARTY_COMMITTEE', 'PARTY_BOARD', 'PARTY_CELL'])
      expect(documentStyleOf(kind)).toBe('PARTY');
    for (const kind of ['PEOPLES_COMMITTEE', 'STATE_AGENCY', 'ENTERPRISE', 'MASS_ORGANISATION'])
      expect(documentStyleOf(kind)).toBe('STATE');
    expect(documentStyleOf(null)).toBe('STATE');
  });
});

describe(resolveDocumentIssuer.name, () => {
  it('falls back to the parent as superior body and to party numbering for a party unit without a profile', () => {
    const issuer = resolveDocumentIssuer(partyUnit);

    expect(issuer).toMatchObject({
      style: 'PARTY',
      superiorName: 'Thành ủy Thành phố Hồ Chí Minh',
      issuerName: 'Đảng ủy Khối các cơ quan Thành phố',
      numberPattern: '{n}-QĐ/DUK',
      decidingBody: 'Đảng ủy Khối các cơ quan Thành phố',
      place: 'TP. Hồ Chí Minh',
    });
  });

  it("takes the stored profile's values, and an empty superior name prints the issuer alone", () => {
    const issuer = resolveDocumentIssuer({
      code: 'UBND-TP',
      name: 'UBND TP',
      orgKind: 'PEOPLES_COMMITTEE',
      parentName: 'Chính phủ',
      documentProfile: ubnd?.profile,
    });

    expect(issuer).toMatchObject({
      style: 'STATE',
      superiorName: '',
      issuerName: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
      numberPattern: '{n}/QĐ-UBND',
      decidingBody: 'Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh',
    });
  });

  it('ignores a malformed stored profile and names what is wrong with it', () => {
    const broken = { issuerShortName: 'ĐU', place: 'TP. Hồ Chí Minh', numberPattern: 'QĐ/ĐU' };

    expect(documentProfileViolation(broken)).toEqual({
      field: 'documentProfile.numberPattern',
      rule: 'text with {n} once',
    });
    expect(resolveDocumentIssuer({ ...partyUnit, documentProfile: broken }).numberPattern).toBe(
      '{n}-QĐ/DUK',
    );
  });

  it('accepts every demo profile', () => {
    const profiles = defaultDocumentProfiles();
    expect(profiles.map((p) => p.code).sort()).toEqual(
      DEFAULT_AUTHORITIES.map((a) => a.code).sort(),
    );
    for (const p of profiles) expect(documentProfileViolation(p.profile)).toBeNull();
  });
});

describe('document numbers', () => {
  it('writes party numbers without a colon and state numbers with one', () => {
    expect(formatDocumentNumber('{n}-QĐ/ĐU', 126)).toBe('126-QĐ/ĐU');
    expect(formatDocumentNumber('{n}/QĐ-UBND', 7)).toBe('07/QĐ-UBND');
    expect(documentNumberLine('PARTY', '126-QĐ/ĐU')).toBe('Số 126-QĐ/ĐU');
    expect(documentNumberLine('STATE', '123/QĐ-UBND')).toBe('Số: 123/QĐ-UBND');
    expect(() => formatDocumentNumber('{n}-QĐ/ĐU', 0)).toThrow(RangeError);
  });

  it('writes a bare serial with the issuer pattern and keeps a full number as entered', () => {
    const issuer = { numberPattern: '{n}-QĐ/ĐU' };
    expect(documentNumberOf(issuer, '126')).toBe('126-QĐ/ĐU');
    expect(documentNumberOf(issuer, '01/QĐ-HĐTĐ-2026')).toBe('01/QĐ-HĐTĐ-2026');
  });
});

describe(signerBlockLines.name, () => {
  const issuer = resolveDocumentIssuer({ ...partyUnit, documentProfile: ubnd?.profile });

  it('adds "KT. CHỦ TỊCH" over a deputy and nothing over the head', () => {
    expect(signerBlockLines(issuer, 'Phó Chủ tịch')).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signerBlockLines(issuer, 'Chủ tịch')).toEqual(['CHỦ TỊCH']);
    expect(signerBlockLines(issuer, null)).toEqual(['CHỦ TỊCH']);
  });

  it('puts the collective body signed for first, once', () => {
    const party = { ...issuer, signerOnBehalfOf: 'T/M Ban Thường vụ', signerDeputy: null };
    expect(signerBlockLines(party, 'Phó Bí thư')).toEqual(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ']);
    expect(signerBlockLines(party, 'T/M BAN THƯỜNG VỤ\nBÍ THƯ')).toEqual([
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
    ]);
  });
});

describe(legalBasesInForce.name, () => {
  const texts = (date: string) => legalBasesInForce(NATIONAL_LEGAL_BASES, date).map((b) => b.text);

  it('cites the 2003 law as amended for a 2020 decision and the 2022 law from 2024', () => {
    expect(texts('2020-10-12').join('\n')).toContain('Luật Thi đua, khen thưởng ngày 26 tháng 11');
    expect(texts('2020-10-12').join('\n')).toContain('91/2017/NĐ-CP');
    expect(texts('2020-10-12').join('\n')).not.toContain('06/2022/QH15');
    expect(texts('2023-12-31').join('\n')).not.toContain('06/2022/QH15');
    expect(texts('2024-01-01')).toEqual([
      'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022',
      expect.stringContaining('Nghị định số 98/2023/NĐ-CP'),
    ]);
  });

  it('lists a basis given twice once', () => {
    const twice = [...NATIONAL_LEGAL_BASES, ...NATIONAL_LEGAL_BASES];
    expect(legalBasesInForce(twice, '2026-10-15')).toHaveLength(2);
  });
});

describe(decisionBasisLines.name, () => {
  const issuer = { councilName: 'Hội đồng Thi đua - Khen thưởng Thành phố', proposerName: null };

  it('cites the council only when the chain had a council vote', () => {
    const withCouncil = decisionBasisLines({
      legalBases: NATIONAL_LEGAL_BASES,
      signedOn: '2026-10-15',
      hasCouncilStep: true,
      issuer,
    });
    const without = decisionBasisLines({
      legalBases: NATIONAL_LEGAL_BASES,
      signedOn: '2026-10-15',
      hasCouncilStep: false,
      issuer: { ...issuer, proposerName: 'Văn phòng Đảng ủy Khối' },
    });

    expect(withCouncil).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
      expect.stringMatching(/^Căn cứ Nghị định số 98\/2023\/NĐ-CP .*;$/),
      'Xét đề nghị của Hội đồng Thi đua - Khen thưởng Thành phố.',
    ]);
    expect(without.at(-1)).toBe('Xét đề nghị của Văn phòng Đảng ủy Khối.');
    expect(without.join('\n')).not.toContain('Hội đồng');
  });
});

describe(decisionArticleOne.name, () => {
  it('names the form with the counts of collectives and individuals, the achievement and the annex', () => {
    const text = decisionArticleOne(
      [{ name: 'Giấy khen', category: 'COMMENDATION', counts: { UNIT: 3, PERSON: 5 } }],
      achievementPhrase('Dân vận khéo', 'năm 2022'),
    );

    expect(text).toBe(
      'Tặng Giấy khen cho 03 tập thể và 05 cá nhân có thành tích xuất sắc trong phong trào thi đua ' +
        '"Dân vận khéo" năm 2022 (có tên trong danh sách kèm theo).',
    );
  });

  it('confers titles and recognitions, form by form', () => {
    const text = decisionArticleOne(
      [
        { name: 'Danh hiệu "Lao động tiên tiến"', category: 'TITLE', counts: { PERSON: 12 } },
        { name: 'Giấy khen', category: 'COMMENDATION', counts: { UNIT: 1 } },
      ],
      achievementPhrase(null, 'năm 2026'),
    );

    expect(text).toBe(
      'Công nhận danh hiệu "Lao động tiên tiến" cho 12 cá nhân; tặng Giấy khen cho 01 tập thể ' +
        'có thành tích xuất sắc năm 2026 (có tên trong danh sách kèm theo).',
    );
    expect(recipientCountPhrase({ UNIT: 2, PERSON: 1, INITIATIVE: 4 })).toBe(
      '02 tập thể, 01 cá nhân và 04 mô hình',
    );
  });
});

describe(decisionSubjectLine.name, () => {
  it('writes the subject as "Về việc …" whatever the title starts with', () => {
    expect(
      decisionSubjectLine('Quyết định công nhận danh hiệu "Lao động tiên tiến" năm 2026'),
    ).toBe('Về việc công nhận danh hiệu "Lao động tiên tiến" năm 2026');
    expect(decisionSubjectLine('về việc khen thưởng')).toBe('Về việc khen thưởng');
    expect(decisionSubjectLine('Khen thưởng phong trào')).toBe('Về việc khen thưởng phong trào');
  });
});

describe('legal bases of award forms', () => {
  it('gives every default form bases that validate, with the law that applies on each date', () => {
    for (const form of DEFAULT_AWARD_FORMS) {
      expect(() => validateAwardForm(form)).not.toThrow();
      const in2020 = legalBasesInForce(form.legalBases ?? [], '2020-10-12').map((b) => b.text);
      const in2024 = legalBasesInForce(form.legalBases ?? [], '2024-10-15').map((b) => b.text);
      expect(in2020.join('\n')).toContain('ngày 26 tháng 11 năm 2003');
      expect(in2020.join('\n')).not.toContain('06/2022/QH15');
      expect(in2024.join('\n')).toContain('06/2022/QH15');
      expect(in2024.join('\n')).toContain('98/2023/NĐ-CP');
      expect(in2024.join('\n')).not.toContain('năm 2003');
    }
  });

  it('rejects a basis with a bad date, naming the field and the rule', () => {
    const form = {
      ...DEFAULT_AWARD_FORMS[0],
      legalBases: [
        {
          text: 'Luật Thi đua, khen thưởng',
          effectiveFrom: '2024-01-01',
          effectiveTo: '2023-12-31',
        },
      ],
    };
    expect(() => validateAwardForm(form)).toThrow(
      expect.objectContaining({
        params: { field: 'legalBases[0].effectiveTo', rule: 'not before effectiveFrom' },
      }) as Error,
    );
    const noDate = { ...form, legalBases: [{ text: 'Luật Thi đua', effectiveFrom: '2024-13-01' }] };
    expect(() => validateAwardForm(noDate)).toThrow(
      expect.objectContaining({
        params: { field: 'legalBases[0].effectiveFrom', rule: 'a date YYYY-MM-DD' },
      }) as Error,
    );
  });
});
