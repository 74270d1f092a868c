import {
  type AwardPeriodKind,
  awardPeriodKey,
  awardPeriodViolation,
  describeAwardPeriod,
  MAX_AWARD_YEAR,
  MIN_AWARD_YEAR,
  normalizeAwardPeriod,
} from '../commendation/award-period';
import { type ImportScope, type ScopedUnit, scopedImportUnit } from './import-scope';
import {
  type ImportKindDefinition,
  type ImportRowIssue,
  normalizePersonName,
  type RawImportRow,
  readImportRows,
  resolveImportRows,
} from './import-table';

/** Earlier awards (khen thưởng trước đây), as POST /awards/history takes them, by codes. */
export const AWARD_IMPORT: ImportKindDefinition = {
  kind: 'awards',
  title: { vi: 'khen thưởng trước đây', en: 'earlier awards' },
  columns: [
    {
      key: 'formCode',
      header: { vi: 'Mã hình thức khen thưởng', en: 'Award form code' },
      required: true,
      format: { vi: 'Mã hình thức đã khai báo (vd. GK-BDV)', en: 'A published form code' },
      example: 'GK-BDV',
    },
    {
      key: 'recipientKind',
      header: { vi: 'Đối tượng', en: 'Recipient kind' },
      required: true,
      format: { vi: 'UNIT (tập thể) hoặc PERSON (cá nhân)', en: 'UNIT or PERSON' },
      example: 'UNIT',
    },
    {
      key: 'unitCode',
      header: { vi: 'Mã đơn vị', en: 'Unit code' },
      required: true,
      format: {
        vi: 'Mã đơn vị được khen, hoặc đơn vị của cá nhân được khen',
        en: 'The unit awarded, or the unit of the person awarded',
      },
      example: 'DUK-CATP',
    },
    {
      key: 'fullName',
      header: { vi: 'Họ và tên', en: 'Full name' },
      required: 'conditional',
      format: {
        vi: 'Bắt buộc với PERSON: người đã có trong danh sách của đơn vị; để trống với UNIT',
        en: 'PERSON only: a person already listed in the unit; empty for UNIT',
      },
      example: '',
    },
    {
      key: 'birthYear',
      header: { vi: 'Năm sinh', en: 'Birth year' },
      required: false,
      format: {
        vi: 'Chỉ với PERSON, để phân biệt hai người trùng tên',
        en: 'PERSON only, to tell two people of one name apart',
      },
      example: '',
    },
    {
      key: 'movementCode',
      header: { vi: 'Mã phong trào', en: 'Movement code' },
      required: false,
      format: { vi: 'vd. DVK (Dân vận khéo)', en: 'e.g. DVK' },
      example: 'DVK',
    },
    {
      key: 'movementName',
      header: { vi: 'Tên phong trào', en: 'Movement name' },
      required: false,
      format: { vi: 'Tối đa 200 ký tự', en: 'Up to 200 characters' },
      example: 'Dân vận khéo',
    },
    {
      key: 'periodKind',
      header: { vi: 'Loại kỳ', en: 'Period kind' },
      required: false,
      format: {
        vi: 'YEAR (năm, mặc định), QUARTER (quý) hoặc PHASE (giai đoạn)',
        en: 'YEAR (default), QUARTER or PHASE',
      },
      example: 'YEAR',
    },
    {
      key: 'year',
      header: { vi: 'Năm', en: 'Year' },
      required: true,
      format: {
        vi: `Năm của kỳ (với giai đoạn: năm kết thúc), ${MIN_AWARD_YEAR}–${MAX_AWARD_YEAR}`,
        en: `The period's year (a phase's last year), ${MIN_AWARD_YEAR}–${MAX_AWARD_YEAR}`,
      },
      example: 2023,
    },
    {
      key: 'quarter',
      header: { vi: 'Quý', en: 'Quarter' },
      required: 'conditional',
      format: { vi: '1–4, chỉ với QUARTER', en: '1–4, QUARTER only' },
      example: '',
    },
    {
      key: 'startYear',
      header: { vi: 'Năm bắt đầu', en: 'Start year' },
      required: 'conditional',
      format: {
        vi: 'Năm đầu giai đoạn, chỉ với PHASE (trước năm kết thúc)',
        en: "The phase's first year, PHASE only (before its last year)",
      },
      example: '',
    },
    {
      key: 'decisionNumber',
      header: { vi: 'Số quyết định', en: 'Decision number' },
      required: false,
      format: { vi: 'Tối đa 60 ký tự', en: 'Up to 60 characters' },
      example: '45/QĐ-BDVTU',
    },
    {
      key: 'decisionDate',
      header: { vi: 'Ngày quyết định', en: 'Decision date' },
      required: false,
      format: { vi: 'dd/mm/yyyy hoặc yyyy-mm-dd', en: 'dd/mm/yyyy or yyyy-mm-dd' },
      example: '12/10/2023',
    },
    {
      key: 'achievement',
      header: { vi: 'Thành tích', en: 'Achievement' },
      required: false,
      format: {
        vi: '3–2000 ký tự; để trống: "Khen thưởng <kỳ>"',
        en: '3–2000 characters; empty: "Khen thưởng <period>"',
      },
      example: 'Đạt danh hiệu Dân vận khéo năm 2023',
    },
  ],
  notes: [
    {
      vi: 'Cá nhân được khen phải có sẵn trong danh sách người của đơn vị (nhập trước bằng mẫu "Người của đơn vị"): tệp này không tạo người mới.',
      en: 'A person awarded must already be listed in their unit (import them first with the "people" template): this file never creates people.',
    },
    {
      vi: 'Mỗi đối tượng chỉ có một khen thưởng cho cùng hình thức, phong trào và kỳ: dòng trùng trong tệp hoặc đã có trong hệ thống bị từ chối.',
      en: 'One award per recipient, form, movement and period: a row repeated in the file or already recorded is refused.',
    },
    {
      vi: 'Khen thưởng mô hình (INITIATIVE) chưa nhập được bằng tệp; dùng POST /awards/history.',
      en: 'Awards to models (INITIATIVE) cannot be imported yet; use POST /awards/history.',
    },
  ],
};

export type ImportRecipientKind = 'UNIT' | 'PERSON';

export interface AwardImportRow {
  row: number;
  formCode: string;
  recipientKind: ImportRecipientKind;
  unitCode: string;
  fullName: string | null;
  birthYear: number | null;
  movementCode: string | null;
  movementName: string | null;
  period: {
    kind: AwardPeriodKind;
    year: number;
    quarter: number | null;
    startYear: number | null;
  };
  decisionNumber: string | null;
  /** YYYY-MM-DD. */
  decisionDate: string | null;
  achievement: string | null;
}

const FORM_CODE = /^[A-Z0-9-]{2,40}$/;
const PERIOD_COLUMN = {
  'period.kind': 'periodKind',
  'period.year': 'year',
  'period.quarter': 'quarter',
  'period.startYear': 'startYear',
} as const;

/** The cells of each row by their rules, and rows repeated within the file. */
export function parseAwardImportRows(raw: readonly RawImportRow[]): {
  rows: AwardImportRow[];
  issues: ImportRowIssue[];
} {
  const firstRowOf = new Map<string, number>();
  return readImportRows(AWARD_IMPORT, raw, (x, r) => {
    const formCode = x.code('formCode', {
      required: true,
      pattern: FORM_CODE,
      what: { vi: 'mã hình thức khen thưởng (A-Z, 0-9, -)', en: 'an award form code' },
    });
    const recipientKind = x.oneOf<ImportRecipientKind>(
      'recipientKind',
      { UNIT: ['Tập thể', 'Đơn vị', 'Collective'], PERSON: ['Cá nhân', 'Individual'] },
      { required: true },
    );
    const unitCode = x.code('unitCode', { required: true });
    let fullName: string | null = null;
    let birthYear: number | null = null;
    if (recipientKind === 'PERSON') {
      fullName = x.text('fullName', { required: true, min: 2, max: 120 });
      birthYear = x.int('birthYear', { min: 1900, max: MAX_AWARD_YEAR });
    } else if (recipientKind === 'UNIT') {
      x.absent('fullName', 'chỉ điền với cá nhân (PERSON).', 'is for a PERSON only.');
      x.absent('birthYear', 'chỉ điền với cá nhân (PERSON).', 'is for a PERSON only.');
    }
    const movementCode = x.code('movementCode', {
      pattern: FORM_CODE,
      what: { vi: 'mã phong trào (A-Z, 0-9, -)', en: 'a movement code' },
    });
    const movementName = x.text('movementName', { min: 2, max: 200 });
    const kind = x.has('periodKind')
      ? x.oneOf<AwardPeriodKind>('periodKind', {
          YEAR: ['Năm'],
          QUARTER: ['Quý'],
          PHASE: ['Giai đoạn'],
        })
      : 'YEAR';
    const year = x.int('year', { required: true, min: MIN_AWARD_YEAR, max: MAX_AWARD_YEAR });
    const quarter = x.int('quarter', { min: 1, max: 4 });
    const startYear = x.int('startYear', { min: MIN_AWARD_YEAR, max: MAX_AWARD_YEAR });
    const decisionNumber = x.text('decisionNumber', { max: 60 });
    const decisionDate = x.date('decisionDate');
    const achievement = x.text('achievement', { min: 3, max: 2000 });
    if (kind !== null && year !== null && x.ok) {
      const v = awardPeriodViolation({
        kind,
        year,
        quarter: x.has('quarter') ? quarter : null,
        startYear: x.has('startYear') ? startYear : null,
      });
      if (v) {
        const rule = v.field === 'period.quarter' || v.field === 'period.startYear';
        x.fail(
          PERIOD_COLUMN[v.field],
          v.rule,
          rule ? periodMessage(v.field, v.rule).vi : v.message,
          rule ? periodMessage(v.field, v.rule).en : v.message,
        );
      }
    }
    if (!x.ok) return null;
    const row: AwardImportRow = {
      row: r.row,
      formCode: formCode as string,
      recipientKind: recipientKind as ImportRecipientKind,
      unitCode: unitCode as string,
      fullName,
      birthYear,
      movementCode,
      movementName,
      period: normalizeAwardPeriod({
        kind: kind as AwardPeriodKind,
        year: year as number,
        quarter,
        startYear,
      }),
      decisionNumber,
      decisionDate,
      achievement,
    };
    const key = [
      row.recipientKind,
      row.unitCode,
      row.fullName ? normalizePersonName(row.fullName) : '',
      row.birthYear ?? '',
      row.formCode,
      row.movementCode ?? '',
      awardPeriodKey(row.period),
    ].join('|');
    const first = x.repeats(firstRowOf, key);
    if (first !== undefined) {
      return x.fail(
        'formCode',
        'duplicate',
        `trùng với dòng ${first}: cùng đối tượng, hình thức, phong trào và kỳ.`,
        `repeats row ${first}: same recipient, form, movement and period.`,
      );
    }
    return row;
  });
}

function periodMessage(field: string, rule: string): { vi: string; en: string } {
  if (field === 'period.quarter') {
    return rule === 'absent'
      ? { vi: 'chỉ điền với kỳ QUARTER.', en: 'is for a QUARTER period only.' }
      : { vi: 'phải từ 1 đến 4 với kỳ QUARTER.', en: 'must be 1 to 4 for a QUARTER period.' };
  }
  return rule === 'absent'
    ? { vi: 'chỉ điền với kỳ PHASE.', en: 'is for a PHASE period only.' }
    : {
        vi: 'phải là năm bắt đầu giai đoạn, trước năm kết thúc.',
        en: "must be the phase's first year, before its last year.",
      };
}

export interface ImportUnitRef extends ScopedUnit {
  code: string;
  name: string;
  level: 'BASE' | 'BLOC' | 'DISTRICT' | 'PROVINCE' | 'CENTRAL' | null;
}

export interface ImportPersonRef {
  id: string;
  fullName: string;
  birthYear: number | null;
}

export interface AwardImportReferences<F> {
  /** The latest version of each award form named, by code. */
  forms: ReadonlyMap<string, F>;
  units: ReadonlyMap<string, ImportUnitRef>;
  /** The people of the units named, by unit id. */
  peopleByUnit: ReadonlyMap<string, readonly ImportPersonRef[]>;
  /** `awardAchievementKey`s of the awards already recorded (not revoked). */
  recorded: ReadonlySet<string>;
  scope: ImportScope;
}

/** The award of one recipient, form, movement and period: its key. */
export function awardAchievementKey(a: {
  recipientKey: string;
  formCode: string;
  movementCode: string | null;
  period: {
    kind: AwardPeriodKind;
    year: number;
    quarter?: number | null;
    startYear?: number | null;
  };
}): string {
  return [a.recipientKey, a.formCode, a.movementCode ?? '', awardPeriodKey(a.period)].join('|');
}

export interface ResolvedAwardImport<F> extends Omit<AwardImportRow, 'fullName' | 'birthYear'> {
  form: F;
  recipientId: string;
  recipientKey: string;
  recipientName: string;
  /** The unit the award counts for. */
  unitId: string;
  /** The achievement as written, or "Khen thưởng <kỳ>". */
  achievement: string;
}

/** The recipients and forms the rows name, found among the records; what is not, is an issue. */
export function resolveAwardImportRows<F>(
  rows: readonly AwardImportRow[],
  refs: AwardImportReferences<F>,
): { awards: ResolvedAwardImport<F>[]; issues: ImportRowIssue[] } {
  const { resolved, issues } = resolveImportRows(
    AWARD_IMPORT,
    rows,
    (x, r): ResolvedAwardImport<F> | null => {
      const form = refs.forms.get(r.formCode);
      if (form === undefined) {
        x.fail(
          'formCode',
          'unknownForm',
          `"${r.formCode}" không phải hình thức khen thưởng đã khai báo.`,
          `"${r.formCode}" is not a published award form.`,
        );
      }
      const unit = scopedImportUnit(x, 'unitCode', r.unitCode, refs.units, refs.scope);
      let recipient: { id: string; name: string } | null = null;
      if (unit && r.recipientKind === 'UNIT') {
        recipient = { id: unit.id, name: unit.name };
      } else if (unit) {
        const wanted = normalizePersonName(r.fullName ?? '');
        const matches = (refs.peopleByUnit.get(unit.id) ?? []).filter(
          (p) =>
            normalizePersonName(p.fullName) === wanted &&
            (r.birthYear === null || p.birthYear === r.birthYear),
        );
        if (matches.length === 0) {
          x.fail(
            'fullName',
            'unknownPerson',
            `"${r.fullName}"${r.birthYear ? ` (sinh năm ${r.birthYear})` : ''} không có trong danh sách người của đơn vị ${r.unitCode}; hãy nhập người trước.`,
            `"${r.fullName}"${r.birthYear ? ` (born ${r.birthYear})` : ''} is not listed in unit ${r.unitCode}; import the person first.`,
          );
        } else if (matches.length > 1) {
          x.fail(
            'fullName',
            'ambiguousPerson',
            `đơn vị ${r.unitCode} có ${matches.length} người tên "${r.fullName}": điền năm sinh để phân biệt.`,
            `unit ${r.unitCode} lists ${matches.length} people named "${r.fullName}": give the birth year.`,
          );
        } else {
          const p = matches[0];
          recipient = { id: p.id, name: p.fullName };
        }
      }
      if (!x.ok || !unit || !recipient || form === undefined) return null;
      const recipientKey = `${r.recipientKind.toLowerCase()}:${recipient.id}`;
      if (refs.recorded.has(awardAchievementKey({ ...r, recipientKey }))) {
        return x.fail(
          'formCode',
          'alreadyRecorded',
          `đã có khen thưởng này cho ${recipient.name} (${describeAwardPeriod(r.period)}).`,
          `${recipient.name} already has this award (${describeAwardPeriod(r.period, 'en')}).`,
        );
      }
      return {
        row: r.row,
        formCode: r.formCode,
        recipientKind: r.recipientKind,
        unitCode: r.unitCode,
        movementCode: r.movementCode,
        movementName: r.movementName,
        period: r.period,
        decisionNumber: r.decisionNumber,
        decisionDate: r.decisionDate,
        form,
        recipientId: recipient.id,
        recipientKey,
        recipientName: recipient.name,
        unitId: unit.id,
        achievement: r.achievement ?? `Khen thưởng ${describeAwardPeriod(r.period)}`,
      };
    },
  );
  return { awards: resolved, issues };
}
