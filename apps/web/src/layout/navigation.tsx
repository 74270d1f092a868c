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

const always = () => true;

/** The menu, by role. */
export const NAVIGATION: NavSection[] = [
  {
    label: null,
    items: [{ to: '/', label: 'nav.dashboard', icon: IconHome, visible: always }],
  },
  {
    label: 'nav.unitSection',
    items: [
      { to: '/pledge', label: 'nav.pledge', icon: IconSignature, visible: (c) => c.isUnitUser },
      {
        to: '/registration',
        label: 'nav.registration',
        icon: IconChecklist,
        visible: (c) => c.isUnitUser,
      },
      {
        to: '/review',
        label: 'nav.review',
        icon: IconClipboardCheck,
        visible: (c) => c.isUnitUser,
      },
      {
        to: '/peer-review',
        label: 'nav.peerReview',
        icon: IconScale,
        visible: (c) => c.isUnitUser,
      },
      { to: '/ballots', label: 'nav.ballots', icon: IconAward, visible: (c) => c.isUnitUser },
    ],
  },
  {
    label: 'nav.clusterSection',
    items: [
      { to: '/cluster', label: 'nav.board', icon: IconGauge, visible: (c) => c.isSigner },
      {
        to: '/results',
        label: 'nav.results',
        icon: IconListNumbers,
        visible: (c) => c.isUnitUser || c.isOversight || c.isAdmin,
      },
    ],
  },
  {
    label: 'nav.commendationSection',
    items: [
      {
        to: '/nominations',
        label: 'nav.nominations',
        icon: IconAward,
        visible: (c) => c.isOfficer,
      },
      {
        to: '/approvals',
        label: 'nav.approvals',
        icon: IconInbox,
        visible: (c) => c.isSigner || c.isOversight,
      },
      {
        to: '/decisions',
        label: 'nav.decisions',
        icon: IconGavel,
        visible: (c) => c.isOversight || c.isAdmin,
      },
      {
        to: '/awards',
        label: 'nav.awards',
        icon: IconCertificate,
        visible: (c) => c.isUnitUser || c.isOversight || c.isAdmin,
      },
      {
        to: '/proposals',
        label: 'nav.proposals',
        icon: IconFileText,
        visible: (c) => c.isUnitUser || c.isOrgAdmin || c.isAdmin,
      },
      {
        to: '/reports',
        label: 'nav.reports',
        icon: IconChartBar,
        // Every organisation reports on its own subtree.
        visible: (c) => c.isOversight || c.isAdmin || c.isOrgAdmin || c.isUnitUser,
      },
    ],
  },
  {
    label: 'nav.adminSection',
    items: [
      {
        to: '/admin/cycles',
        label: 'nav.cycles',
        icon: IconCalendarEvent,
        visible: (c) => c.isAdmin,
      },
      {
        to: '/admin/rule-sets',
        label: 'nav.ruleSets',
        icon: IconReportAnalytics,
        visible: (c) => c.isAdmin,
      },
      {
        to: '/admin/award-forms',
        label: 'nav.awardForms',
        icon: IconMedal,
        visible: (c) => c.isAdmin,
      },
      {
        to: '/admin/holidays',
        label: 'nav.holidays',
        icon: IconCalendarOff,
        visible: (c) => c.isAdmin,
      },
      {
        to: '/admin/import',
        label: 'nav.imports',
        icon: IconFileImport,
        visible: (c) => c.isAdmin || c.isOrgAdmin,
      },
      {
        to: '/admin/organisations',
        label: 'nav.organisations',
        icon: IconSitemap,
        visible: (c) => c.isAdmin || c.isOrgAdmin,
      },
      {
        to: '/admin/units',
        label: 'nav.units',
        icon: IconBuildingCommunity,
        visible: (c) => c.isAdmin,
      },
      {
        to: '/admin/clusters',
        label: 'nav.clusters',
        icon: IconHierarchy2,
        visible: (c) => c.isAdmin,
      },
      {
        to: '/admin/users',
        label: 'nav.users',
        icon: IconUsers,
        visible: (c) => c.isAdmin,
      },
      {
        to: '/admin/schedules',
        label: 'nav.schedules',
        icon: IconClock,
        visible: (c) => c.isAdmin,
      },
      {
        to: '/admin/system',
        label: 'nav.system',
        icon: IconServerCog,
        visible: (c) => c.isAdmin,
      },
    ],
  },
  {
    label: 'nav.personalSection',
    items: [
      { to: '/inbox', label: 'nav.inbox', icon: IconBell, visible: always },
      { to: '/settings', label: 'nav.settings', icon: IconSettings, visible: always },
    ],
  },
];
