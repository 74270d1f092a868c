import type { TaskKind, WaitingTask } from '@epw/data-access';
import type { Locale } from '@epw/domain';
import type { TaskCountsDto, TaskDto, TaskSection } from './dto/task.dto';

/** Where each kind of task is acted on, and the menu item it counts under. */
const PLACE: Record<TaskKind, { menu: string; section: TaskSection }> = {
  'open-signing-round': { menu: '/cluster', section: 'cluster' },
  'sign-pledge': { menu: '/pledge', section: 'unit' },
  'countersign-pledge': { menu: '/cluster', section: 'cluster' },
  register: { menu: '/registration', section: 'unit' },
  'decide-late-registration': { menu: '/cluster', section: 'cluster' },
  'interim-progress': { menu: '/review', section: 'unit' },
  'interim-self-assessment': { menu: '/review', section: 'unit' },
  'final-self-assessment': { menu: '/review', section: 'unit' },
  'peer-assessment': { menu: '/peer-review', section: 'unit' },
  'cast-vote': { menu: '/ballots', section: 'unit' },
  'cast-election-ballot': { menu: '/ballots', section: 'unit' },
  'approve-step': { menu: '/approvals', section: 'commendation' },
  'resolve-objection': { menu: '/approvals', section: 'commendation' },
  'council-ballot': { menu: '/approvals', section: 'commendation' },
  'revise-returned': { menu: '/nominations', section: 'commendation' },
  'draft-decision': { menu: '/decisions', section: 'commendation' },
  'issue-decision': { menu: '/decisions', section: 'commendation' },
};

type Words = Record<TaskKind, string>;

const VI: Words = {
  'open-signing-round': 'Mở đợt ký giao ước thi đua',
  'sign-pledge': 'Ký giao ước thi đua',
  'countersign-pledge': 'Ký xác nhận giao ước (cụm trưởng)',
  register: 'Đăng ký thi đua',
  'decide-late-registration': 'Xét đăng ký muộn của {unit}',
  'interim-progress': 'Báo cáo tiến độ sơ kết',
  'interim-self-assessment': 'Tự chấm điểm sơ kết',
  'final-self-assessment': 'Tự chấm điểm tổng kết',
  'peer-assessment': 'Chấm chéo ({count} đơn vị)',
  'cast-vote': 'Bỏ phiếu bình xét',
  'cast-election-ballot': 'Bỏ phiếu bầu cụm trưởng, cụm phó',
  'approve-step': 'Xét duyệt hồ sơ',
  'resolve-objection': 'Giải quyết ý kiến phản ánh',
  'council-ballot': 'Bỏ phiếu Hội đồng',
  'revise-returned': 'Bổ sung hồ sơ bị trả lại',
  'draft-decision': 'Dự thảo quyết định khen thưởng ({count} hồ sơ)',
  'issue-decision': 'Ban hành quyết định số {number}',
};

const EN: Words = {
  'open-signing-round': 'Open the pledge signing round',
  'sign-pledge': 'Sign the emulation pledge',
  'countersign-pledge': 'Countersign the pledge (cluster head)',
  register: 'Register for the emulation',
  'decide-late-registration': 'Decide the late registration of {unit}',
  'interim-progress': 'Report interim progress',
  'interim-self-assessment': 'Interim self-assessment',
  'final-self-assessment': 'Final self-assessment',
  'peer-assessment': 'Cross-assessment ({count} units)',
  'cast-vote': 'Cast the vote ballot',
  'cast-election-ballot': 'Cast the election ballot (head and deputy)',
  'approve-step': 'Review the dossier',
  'resolve-objection': 'Resolve an objection',
  'council-ballot': 'Council ballot',
  'revise-returned': 'Revise the returned dossier',
  'draft-decision': 'Draft a commendation decision ({count} dossiers)',
  'issue-decision': 'Issue decision no. {number}',
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');

/** The web app page that acts on the task. */
function linkOf(t: WaitingTask): string {
  const n = t.nomination?.nominationId;
  switch (t.kind) {
    case 'interim-progress':
    case 'interim-self-assessment':
      return '/review?stage=interim';
    case 'final-self-assessment':
      return '/review?stage=final';
    case 'approve-step':
    case 'resolve-objection':
    case 'council-ballot':
    case 'revise-returned':
      return `/nominations/${n ?? ''}`;
    case 'draft-decision':
      return '/decisions/new';
    case 'issue-decision':
      return `/decisions/${t.decisionId ?? ''}`;
    default:
      return PLACE[t.kind].menu;
  }
}

/** The task's stable id: its kind and the entities it is about. */
export function taskIdOf(t: WaitingTask): string {
  const parts = [
    t.cycle?.cycleId,
    t.roundId,
    t.nomination?.nominationId,
    t.objectionId,
    t.decisionId,
    t.kind === 'decide-late-registration' ? t.unitId : undefined,
  ].filter((p): p is string => !!p);
  return [t.kind, ...parts].join(':');
}

function titleOf(t: WaitingTask, locale: Locale): string {
  const words = locale === 'en' ? EN : VI;
  const action = fill(words[t.kind], {
    unit: t.unitName ?? '',
    count: String(t.count),
    number: t.decisionNumber ?? '',
  });
  if (t.cycle) {
    const c = t.cycle;
    return `${action} – ${c.movementName} ${c.periodLabel} (${c.clusterName})`;
  }
  if (t.nomination) {
    const n = t.nomination;
    const step = t.kind === 'approve-step' && n.stepTitle ? ` – ${n.stepTitle[locale]}` : '';
    const movement = n.movementName ? `, ${n.movementName}` : '';
    return `${action}${step}: ${n.formName} – ${n.nomineeName} (${n.year}${movement})`;
  }
  return action;
}

function detailOf(t: WaitingTask, locale: Locale): string | null {
  if (t.kind === 'revise-returned' && t.note)
    return (locale === 'en' ? 'Reason: ' : 'Lý do: ') + t.note;
  if (t.kind === 'resolve-objection' && t.note)
    return (locale === 'en' ? 'Objection: ' : 'Ý kiến: ') + t.note;
  if (t.kind === 'decide-late-registration' && t.note)
    return (locale === 'en' ? 'Reason given: ' : 'Lý do nộp muộn: ') + t.note;
  if (t.kind === 'issue-decision' && t.note) return t.note;
  return null;
}

export function toTaskDto(t: WaitingTask, locale: Locale, now: number): TaskDto {
  const place = PLACE[t.kind];
  return {
    id: taskIdOf(t),
    kind: t.kind,
    title: titleOf(t, locale),
    detail: detailOf(t, locale),
    deadline: t.deadline?.toISOString() ?? null,
    overdue: t.deadline !== null && t.deadline.getTime() < now,
    link: linkOf(t),
    menu: place.menu,
    section: place.section,
    entities: {
      cycleId: t.cycle?.cycleId ?? null,
      clusterId: t.cycle?.clusterId ?? null,
      roundId: t.roundId,
      nominationId: t.nomination?.nominationId ?? null,
      objectionId: t.objectionId,
      decisionId: t.decisionId,
      unitId: t.unitId,
      nominationIds: t.nominationIds,
    },
    createdAt: t.since.toISOString(),
    count: t.count,
  };
}

/** Oldest deadline first, tasks without one last; ties by how long they have waited. */
export function byDeadline(a: TaskDto, b: TaskDto): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

export function countsOf(tasks: TaskDto[]): TaskCountsDto {
  const tally = (key: (t: TaskDto) => string) => {
    const m = new Map<string, number>();
    for (const t of tasks) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
    return [...m.entries()].map(([k, count]) => ({ key: k, count }));
  };
  return {
    total: tasks.length,
    overdue: tasks.filter((t) => t.overdue).length,
    byKind: tally((t) => t.kind),
    byMenu: tally((t) => t.menu),
    bySection: tally((t) => t.section),
  };
}
