import type { DeadlineKind } from '@epw/contracts';

/** The web app's page where a reminder's recipient acts (or an escalation's recipient follows up):
 * sent as the message's link, so e-mails and inbox entries open the right page. */
export function notificationLink(
  publicUrl: string,
  deadline: { kind: string; subjectId: string },
  kind: 'reminder' | 'escalation',
): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/app`;
  switch (deadline.kind as DeadlineKind) {
    case 'PLEDGE_SIGNING':
      return `${base}/${kind === 'escalation' ? 'cluster' : 'pledge'}`;
    case 'REGISTRATION':
      return `${base}/${kind === 'escalation' ? 'cluster' : 'registration'}`;
    case 'FINAL_REVIEW':
      return `${base}/${kind === 'escalation' ? 'cluster' : 'peer-review'}`;
    case 'VOTE':
    case 'ELECTION':
      return `${base}/${kind === 'escalation' ? 'cluster' : 'ballots'}`;
    case 'NOMINATION_STEP': {
      // subjectId = `nomination-<uuid>-<step>-r<round>[-revision]` (the nomination workflow's id).
      const id = /^nomination-([0-9a-f-]{36})-/.exec(deadline.subjectId)?.[1];
      return id ? `${base}/nominations/${id}` : `${base}/approvals`;
    }
    default:
      return `${base}/inbox`;
  }
}
