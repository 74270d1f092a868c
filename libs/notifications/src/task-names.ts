import type { DeadlineKind } from '@epw/contracts';

export interface Localized {
  vi: string;
  en: string;
}

/**
 * "Phong trào thi đua "Dân vận khéo"" → "Dân vận khéo": the name people use for the movement. The
 * quotes around its name go in pairs: "Phong trào "Dân vận khéo" (đợt 2)" → "Dân vận khéo (đợt 2)".
 */
export function movementLabel(movementName: string): string {
  const short = movementName
    .trim()
    .replace(/^phong trào(\s+thi đua)?\s*/i, '')
    .replace(/^["“'‘]([^"“”'‘’]+)["”'’]/, '$1')
    .trim();
  return short || movementName.trim();
}

/** A cycle as people name it: "Dân vận khéo 2026 – Cụm thi đua số 1". */
export function cycleSubject(c: {
  movementName: string;
  periodLabel: string;
  clusterName: string;
}): string {
  return `${movementLabel(c.movementName)} ${c.periodLabel} – ${c.clusterName}`;
}

/** What each kind of deadline asks a unit to do. */
export const DEADLINE_TASKS: Record<Exclude<DeadlineKind, 'NOMINATION_STEP'>, Localized> = {
  PLEDGE_SIGNING: { vi: 'ký giao ước thi đua', en: 'sign the emulation pledge' },
  REGISTRATION: { vi: 'đăng ký thi đua', en: 'submit the emulation registration' },
  FINAL_REVIEW: { vi: 'tự chấm điểm tổng kết', en: 'submit the year-end self-assessment' },
  VOTE: { vi: 'bỏ phiếu bình xét', en: 'cast the review ballot' },
  ELECTION: {
    vi: 'bầu cụm trưởng, cụm phó nhiệm kỳ tới',
    en: "elect next term's cluster head and deputy",
  },
};

/**
 * The name of a reminder's task, the movement and the cycle first, so that two rounds read
 * differently: "Dân vận khéo 2026 – Cụm thi đua số 1: ký giao ước thi đua". A nomination step's
 * deadline title already names the dossier and the step; the movement and year go before it.
 * Without a known cycle, the deadline's own title.
 */
export function reminderName(
  deadline: { kind: string; title: string },
  context:
    | { kind: 'cycle'; movementName: string; periodLabel: string; clusterName: string }
    | { kind: 'nomination'; movementName: string | null; year: number }
    | null,
): Localized {
  if (context?.kind === 'cycle') {
    const task = DEADLINE_TASKS[deadline.kind as keyof typeof DEADLINE_TASKS];
    if (task) {
      const subject = cycleSubject(context);
      return { vi: `${subject}: ${task.vi}`, en: `${subject}: ${task.en}` };
    }
  }
  if (context?.kind === 'nomination' && context.movementName) {
    const name = `${movementLabel(context.movementName)} ${context.year} – ${deadline.title}`;
    return { vi: name, en: name };
  }
  return { vi: deadline.title, en: deadline.title };
}
