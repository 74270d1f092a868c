import {
  IconAward,
  IconBell,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconCalendarOff,
  IconCertificate,
  IconChartBar,
  IconChecklist,
  IconClipboardCheck,
  IconClock,
  IconFileImport,
  IconFileText,
  IconGauge,
  IconGavel,
  IconHierarchy2,
  IconHome,
  IconInbox,
  IconListCheck,
  IconListNumbers,
  IconMedal,
  IconReportAnalytics,
  IconScale,
  IconServerCog,
  IconSettings,
  IconSignature,
  IconSitemap,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Capabilities } from '../auth/auth';
import * as access from '../lib/access';

export interface NavItem {
  to: string;
  /** i18n key */
  label: string;
  icon: Icon;
  visible: (caps: Capabilities) => boolean;
}

export interface NavSection {
  /** i18n key; null for the top group */
  label: string | null;
  items: NavItem[];
}

/** One menu entry: where it goes, its label's i18n key, its icon and who sees it. */
const item = (
  to: string,
  label: string,
  icon: Icon,
  visible: access.Access = access.everyone,
): NavItem => ({
  to,
  label,
  icon,
  visible,
});

/** The menu, by role. */
export const NAVIGATION: NavSection[] = [
  {
    label: null,
    items: [
      item('/tasks', 'todo.menu', IconListCheck),
      item('/dashboard', 'nav.dashboard', IconHome),
    ],
  },
  {
    label: 'nav.unitSection',
    items: [
      item('/pledge', 'nav.pledge', IconSignature, access.unitUsers),
      item('/registration', 'nav.registration', IconChecklist, access.unitUsers),
      item('/review', 'nav.review', IconClipboardCheck, access.unitUsers),
      item('/peer-review', 'nav.peerReview', IconScale, access.unitUsers),
      item('/ballots', 'nav.ballots', IconAward, access.unitUsers),
    ],
  },
  {
    label: 'nav.clusterSection',
    items: [
      item('/cluster', 'nav.board', IconGauge, access.signers),
      item('/results', 'nav.results', IconListNumbers, access.resultReaders),
    ],
  },
  {
    label: 'nav.commendationSection',
    items: [
      item('/nominations', 'nav.nominations', IconAward, access.officers),
      item('/approvals', 'nav.approvals', IconInbox, access.approvers),
      item('/decisions', 'nav.decisions', IconGavel, access.decisionReaders),
      item('/awards', 'nav.awards', IconCertificate, access.resultReaders),
      item('/proposals', 'nav.proposals', IconFileText, access.proposalReaders),
      item('/reports', 'nav.reports', IconChartBar, access.reportReaders),
    ],
  },
  {
    label: 'nav.adminSection',
    items: [
      item('/admin/cycles', 'nav.cycles', IconCalendarEvent, access.admins),
      item('/admin/rule-sets', 'nav.ruleSets', IconReportAnalytics, access.admins),
      item('/admin/award-forms', 'nav.awardForms', IconMedal, access.admins),
      item('/admin/holidays', 'nav.holidays', IconCalendarOff, access.admins),
      item('/admin/import', 'nav.imports', IconFileImport, access.importers),
      item('/admin/organisations', 'nav.organisations', IconSitemap, access.importers),
      item('/admin/units', 'nav.units', IconBuildingCommunity, access.admins),
      item('/admin/clusters', 'nav.clusters', IconHierarchy2, access.admins),
      item('/admin/users', 'nav.users', IconUsers, access.admins),
      item('/admin/schedules', 'nav.schedules', IconClock, access.admins),
      item('/admin/system', 'nav.system', IconServerCog, access.admins),
    ],
  },
  {
    label: 'nav.personalSection',
    items: [item('/inbox', 'nav.inbox', IconBell), item('/settings', 'nav.settings', IconSettings)],
  },
];
