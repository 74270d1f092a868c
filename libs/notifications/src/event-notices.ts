import type { Localized } from './task-names';
import { dueText, type MessageText } from './templates';

/** What a unit's user did, for "your task was done by someone else". */
export type DoneTask =
  | 'PLEDGE_SIGNED'
  | 'PLEDGE_DECLINED'
  | 'REGISTERED'
  | 'SELF_ASSESSED'
  | 'VOTED'
  | 'ELECTED'
  | 'STEP_APPROVED'
  | 'STEP_RETURNED'
  | 'STEP_REJECTED'
  | 'RESUBMITTED';

/**
 * A notice of an event, locale-free (the recipient's language is chosen when it is sent). Names
 * that come from data (dossiers, units, cycles) are as stored; step titles carry both languages.
 */
export type EventNotice =
  | { kind: 'nomination.returned'; dossier: string; step: Localized; reason: string | null }
  | { kind: 'nomination.approved'; dossier: string; step: Localized; next: Localized | null }
  | { kind: 'nomination.rejected'; dossier: string; step: Localized | null; reason: string | null }
  | { kind: 'nomination.awarded'; dossier: string; decisionNumber: string }
  | {
      kind: 'decision.issued';
      decisionNumber: string;
      signedOn: string;
      authority: string;
      awarded: string[];
    }
  | { kind: 'pledge.declined'; subject: string; unitName: string; reason: string | null }
  | {
      kind: 'task.done-by-other';
      task: DoneTask;
      subject: string;
      step: Localized | null;
      actorName: string;
    };

export type EventNoticeKind = EventNotice['kind'];

/** Every kind of in-app notification. */
export type NotificationKind = 'reminder' | 'escalation' | EventNoticeKind;

export const EVENT_NOTICE_KINDS: readonly EventNoticeKind[] = [
  'nomination.returned',
  'nomination.approved',
  'nomination.rejected',
  'nomination.awarded',
  'decision.issued',
  'pledge.declined',
  'task.done-by-other',
];

const DONE_TASKS: Record<DoneTask, Localized> = {
  PLEDGE_SIGNED: { vi: 'đã ký giao ước thi đua', en: 'signed the emulation pledge' },
  PLEDGE_DECLINED: { vi: 'đã từ chối ký giao ước thi đua', en: 'declined the emulation pledge' },
  REGISTERED: { vi: 'đã đăng ký thi đua', en: 'submitted the emulation registration' },
  SELF_ASSESSED: { vi: 'đã nộp bản tự chấm điểm', en: 'submitted the self-assessment' },
  VOTED: { vi: 'đã bỏ phiếu bình xét', en: 'cast the review ballot' },
  ELECTED: { vi: 'đã bỏ phiếu bầu cụm trưởng, cụm phó', en: 'cast the election ballot' },
  STEP_APPROVED: { vi: 'đã duyệt hồ sơ', en: 'approved the dossier' },
  STEP_RETURNED: { vi: 'đã trả lại hồ sơ', en: 'returned the dossier' },
  STEP_REJECTED: { vi: 'đã không chấp thuận hồ sơ', en: 'rejected the dossier' },
  RESUBMITTED: { vi: 'đã nộp lại hồ sơ', en: 'resubmitted the dossier' },
};

const reasonVi = (r: string | null) => (r ? ` Lý do: ${r}` : '');
const reasonEn = (r: string | null) => (r ? ` Reason: ${r}` : '');
const stop = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

/** The text of an event notice: Vietnamese first; English for users who chose it. */
export function eventText(locale: string, n: EventNotice): MessageText {
  const en = locale === 'en';
  switch (n.kind) {
    case 'nomination.returned':
      return en
        ? {
            title: `Dossier returned for revision: ${n.dossier}`,
            body: stop(
              `At "${n.step.en}" the dossier was returned for revision.${reasonEn(n.reason)}`,
            ),
          }
        : {
            title: `Hồ sơ bị trả lại: ${n.dossier}`,
            body: stop(
              `Bước "${n.step.vi}" trả lại hồ sơ để bổ sung, hoàn thiện.${reasonVi(n.reason)}`,
            ),
          };
    case 'nomination.approved':
      return en
        ? {
            title: `Dossier approved (${n.step.en}): ${n.dossier}`,
            body: `The dossier was approved at "${n.step.en}"${n.next ? `; next: "${n.next.en}".` : '.'}`,
          }
        : {
            title: `Hồ sơ đã được duyệt (${n.step.vi}): ${n.dossier}`,
            body: `Hồ sơ đã được duyệt ở bước "${n.step.vi}"${n.next ? `; bước tiếp theo: "${n.next.vi}".` : '.'}`,
          };
    case 'nomination.rejected':
      return en
        ? {
            title: `Dossier not accepted: ${n.dossier}`,
            body: stop(
              `${n.step ? `At "${n.step.en}" the` : 'The'} dossier was not accepted.${reasonEn(n.reason)}`,
            ),
          }
        : {
            title: `Hồ sơ không được chấp thuận: ${n.dossier}`,
            body: stop(
              `Hồ sơ không được chấp thuận${n.step ? ` ở bước "${n.step.vi}"` : ''}.${reasonVi(n.reason)}`,
            ),
          };
    case 'nomination.awarded':
      return en
        ? {
            title: `Awarded: ${n.dossier}`,
            body: `${n.dossier}: awarded by decision No. ${n.decisionNumber}.`,
          }
        : {
            title: `Hồ sơ được khen thưởng: ${n.dossier}`,
            body: `${n.dossier}: được khen thưởng theo Quyết định số ${n.decisionNumber}.`,
          };
    case 'decision.issued': {
      const list = n.awarded.join('; ');
      return en
        ? {
            title: `Commendation decision No. ${n.decisionNumber} issued`,
            body: `${n.authority} issued decision No. ${n.decisionNumber} of ${dueText(n.signedOn)}, awarding: ${list}.`,
          }
        : {
            title: `Đã ban hành Quyết định khen thưởng số ${n.decisionNumber}`,
            body: `${n.authority} ban hành Quyết định số ${n.decisionNumber} ngày ${dueText(n.signedOn)}, khen thưởng: ${list}.`,
          };
    }
    case 'pledge.declined':
      return en
        ? {
            title: `Pledge declined: ${n.unitName} – ${n.subject}`,
            body: stop(
              `${n.unitName} declined to sign the pledge of ${n.subject}.${reasonEn(n.reason)}`,
            ),
          }
        : {
            title: `Đơn vị từ chối ký giao ước: ${n.unitName} – ${n.subject}`,
            body: stop(
              `${n.unitName} từ chối ký giao ước thi đua ${n.subject}.${reasonVi(n.reason)}`,
            ),
          };
    case 'task.done-by-other': {
      const did = DONE_TASKS[n.task];
      const step = n.step ? (en ? ` ("${n.step.en}")` : ` (bước "${n.step.vi}")`) : '';
      return en
        ? {
            title: `Done by ${n.actorName}: ${n.subject}`,
            body: `${n.actorName} ${did.en}${step} for your unit: ${n.subject}. It no longer waits for you.`,
          }
        : {
            title: `Đã được thực hiện bởi ${n.actorName}: ${n.subject}`,
            body: `${n.actorName} ${did.vi}${step} của đơn vị: ${n.subject}. Việc này không còn chờ anh/chị thực hiện.`,
          };
    }
  }
}
