import { PHASES, type RuleSetContent } from './rule-set.types';

/** Rules are shared by every cycle that starts with them; freezing stops one caller's in-place
 * edit (say, sorting the phases) from leaking into another cycle. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Starting rules for the "Dân vận khéo" movement; clusters copy and adapt them as new versions. */
export const DEFAULT_RULE_SET: RuleSetContent = deepFreeze<RuleSetContent>({
  criteria: [
    {
      code: 'C1',
      title: 'Quán triệt, triển khai nghị quyết, chỉ thị về công tác dân vận',
      maxPoints: 20,
      weight: 1,
    },
    { code: 'C2', title: 'Thực hiện các nội dung giao ước thi đua', maxPoints: 30, weight: 1 },
    {
      code: 'C3',
      title: 'Xây dựng, nhân rộng mô hình, điển hình Dân vận khéo',
      maxPoints: 25,
      weight: 1,
    },
    {
      code: 'C4',
      title: 'Đổi mới nội dung, phương thức công tác dân vận',
      maxPoints: 15,
      weight: 1,
    },
    { code: 'C5', title: 'Chế độ thông tin, báo cáo', maxPoints: 10, weight: 1 },
  ],
  scoring: {
    selfWeight: 0.3,
    peerWeight: 0.7,
    aggregation: 'TRIMMED_MEAN',
    trimFraction: 0.1,
    divergenceThreshold: 15,
  },
  crossAssessment: { mode: 'ALL_TO_ALL', reviewersPerUnit: 3 },
  vote: { thresholdPercent: 50, acclaimCount: 1, candidateCount: 3 },
  calendar: {
    phases: [
      { phase: 'PLEDGE_SIGNING', opensAtFraction: 0, durationWorkingDays: 10 },
      { phase: 'REGISTRATION', opensAtFraction: 0, durationWorkingDays: 15 },
      { phase: 'INTERIM_REVIEW', opensAtFraction: 0.45, durationWorkingDays: 10 },
      { phase: 'FINAL_REVIEW', opensAtFraction: 0.82, durationWorkingDays: 10 },
      { phase: 'VOTE', opensAtFraction: 0.88, durationWorkingDays: 5 },
      { phase: 'NOMINATION', opensAtFraction: 0.9, durationWorkingDays: 10 },
      { phase: 'COMMENDATION', opensAtFraction: 0.95, durationWorkingDays: 5 },
      { phase: 'ELECTION', opensAtFraction: 0.97, durationWorkingDays: 3 },
    ],
  },
  reminders: { offsetsWorkingDays: [7, 3, 1] },
});

const SUM_TOLERANCE = 1e-9;

/**
 * Problems with a rule set, one sentence each, for the administrator editing it; an empty list
 * means it is usable. Content arrives as JSON, so values are checked for type too: NaN and
 * strings fail every comparison and are reported rather than slipping through.
 */
export function validateRuleSet(content: RuleSetContent): string[] {
  const problems: string[] = [];
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

  const shape = shapeProblems(content);
  if (shape.length > 0) return shape;
  const { criteria, scoring, crossAssessment, vote, calendar, reminders } = content;

  if (criteria.length === 0) problems.push('criteria: cần ít nhất một tiêu chí chấm điểm.');
  const codes = new Set<string>();
  criteria.forEach((c, i) => {
    const at = `criteria[${i}]`;
    if (!isRecord(c)) {
      problems.push(`${at}: tiêu chí phải là một đối tượng.`);
      return;
    }
    if (typeof c.code !== 'string' || c.code.trim() === '') {
      problems.push(`${at}.code: mã tiêu chí không được để trống.`);
    } else if (codes.has(c.code)) {
      problems.push(`${at}.code: mã tiêu chí "${c.code}" bị trùng.`);
    }
    codes.add(c.code);
    if (!(isNum(c.maxPoints) && c.maxPoints > 0)) {
      problems.push(`${at}.maxPoints: điểm tối đa của tiêu chí ${c.code} phải lớn hơn 0.`);
    }
    if (!(isNum(c.weight) && c.weight > 0)) {
      problems.push(`${at}.weight: hệ số của tiêu chí ${c.code} phải lớn hơn 0.`);
    }
  });

  const weightsOk = isNum(scoring.selfWeight) && isNum(scoring.peerWeight);
  if (
    !weightsOk ||
    scoring.selfWeight < 0 ||
    scoring.peerWeight < 0 ||
    Math.abs(scoring.selfWeight + scoring.peerWeight - 1) > SUM_TOLERANCE
  ) {
    problems.push(
      'scoring: trọng số tự chấm (selfWeight) và chấm chéo (peerWeight) phải không âm và có tổng bằng 1.',
    );
  }
  if (scoring.aggregation !== 'MEAN' && scoring.aggregation !== 'TRIMMED_MEAN') {
    problems.push('scoring.aggregation: phương pháp tổng hợp phải là MEAN hoặc TRIMMED_MEAN.');
  }
  if (!(isNum(scoring.trimFraction) && scoring.trimFraction >= 0 && scoring.trimFraction < 0.5)) {
    problems.push('scoring.trimFraction: tỷ lệ loại bỏ phải nằm trong khoảng [0; 0,5).');
  }
  if (!(isNum(scoring.divergenceThreshold) && scoring.divergenceThreshold >= 0)) {
    problems.push('scoring.divergenceThreshold: ngưỡng chênh lệch phải là số không âm.');
  }

  if (crossAssessment.mode !== 'ALL_TO_ALL' && crossAssessment.mode !== 'K_REVIEWERS') {
    problems.push('crossAssessment.mode: hình thức chấm chéo phải là ALL_TO_ALL hoặc K_REVIEWERS.');
  }
  if (!(isInt(crossAssessment.reviewersPerUnit) && crossAssessment.reviewersPerUnit >= 1)) {
    problems.push(
      'crossAssessment.reviewersPerUnit: số đơn vị chấm mỗi đơn vị phải là số nguyên từ 1 trở lên.',
    );
  }

  if (
    !(isNum(vote.thresholdPercent) && vote.thresholdPercent > 0 && vote.thresholdPercent <= 100)
  ) {
    problems.push('vote.thresholdPercent: tỷ lệ phiếu cần đạt phải lớn hơn 0% và không quá 100%.');
  }
  const acclaimOk = isInt(vote.acclaimCount) && vote.acclaimCount >= 1;
  if (!acclaimOk) {
    problems.push('vote.acclaimCount: số đơn vị được suy tôn phải là số nguyên từ 1 trở lên.');
  }
  if (!(isInt(vote.candidateCount) && (!acclaimOk || vote.candidateCount >= vote.acclaimCount))) {
    problems.push(
      'vote.candidateCount: số đơn vị đưa ra biểu quyết phải là số nguyên, không ít hơn số đơn vị được suy tôn.',
    );
  }

  const phases = new Set<string>();
  calendar.phases.forEach((p, i) => {
    const at = `calendar.phases[${i}]`;
    if (!isRecord(p)) {
      problems.push(`${at}: giai đoạn phải là một đối tượng.`);
      return;
    }
    if (!(PHASES as readonly string[]).includes(p.phase)) {
      problems.push(`${at}.phase: không có giai đoạn "${String(p.phase)}".`);
    } else if (phases.has(p.phase)) {
      problems.push(`${at}.phase: giai đoạn ${p.phase} được khai báo nhiều lần.`);
    }
    phases.add(p.phase);
    if (!(isNum(p.opensAtFraction) && p.opensAtFraction >= 0 && p.opensAtFraction <= 1)) {
      problems.push(`${at}.opensAtFraction: thời điểm mở giai đoạn phải nằm trong khoảng [0; 1].`);
    }
    if (!(isInt(p.durationWorkingDays) && p.durationWorkingDays >= 1)) {
      problems.push(`${at}.durationWorkingDays: thời lượng phải là số nguyên ngày làm việc ≥ 1.`);
    }
  });

  reminders.offsetsWorkingDays.forEach((offset, i) => {
    if (!(isInt(offset) && offset > 0)) {
      problems.push(
        `reminders.offsetsWorkingDays[${i}]: số ngày nhắc trước hạn phải là số nguyên dương.`,
      );
    }
  });

  return problems;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parts the detailed checks walk must have the right JSON type first (a 400, not a crash). */
function shapeProblems(content: unknown): string[] {
  if (!isRecord(content)) return ['content: bộ quy tắc phải là một đối tượng JSON.'];
  const problems: string[] = [];
  const need = (ok: boolean, field: string, what: string) => {
    if (!ok) problems.push(`${field}: phải là ${what}.`);
  };
  need(Array.isArray(content['criteria']), 'criteria', 'một danh sách tiêu chí');
  for (const key of ['scoring', 'crossAssessment', 'vote', 'calendar', 'reminders']) {
    need(isRecord(content[key]), key, 'một đối tượng');
  }
  const calendar = content['calendar'];
  if (isRecord(calendar)) {
    need(Array.isArray(calendar['phases']), 'calendar.phases', 'một danh sách giai đoạn');
  }
  const reminders = content['reminders'];
  if (isRecord(reminders)) {
    need(
      Array.isArray(reminders['offsetsWorkingDays']),
      'reminders.offsetsWorkingDays',
      'một danh sách số ngày',
    );
  }
  return problems;
}
