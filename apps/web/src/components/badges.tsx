import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const PHASE_STATUS_COLORS: Record<string, MantineColor> = {
  PENDING: 'gray',
  OPEN: 'green',
  CLOSED: 'dark',
};
const ROUND_COLORS: Record<string, MantineColor> = {
  OPEN: 'blue',
  OVERDUE: 'orange',
  AWAITING_COUNTERSIGN: 'violet',
  EFFECTIVE: 'green',
};
const DECISION_COLORS: Record<string, MantineColor> = {
  SIGNED: 'green',
  DECLINED: 'red',
  PENDING: 'gray',
};
const REGISTRATION_COLORS: Record<string, MantineColor> = {
  NOT_REGISTERED: 'gray',
  SUBMITTED: 'green',
  LATE_PENDING: 'orange',
  LATE_APPROVED: 'teal',
  LATE_REJECTED: 'red',
};
const CYCLE_COLORS: Record<string, MantineColor> = {
  PLANNED: 'gray',
  ACTIVE: 'green',
  CLOSED: 'dark',
};

export function PhaseStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={PHASE_STATUS_COLORS[status] ?? 'gray'} variant="light">
      {t(`phaseStatus.${status}` as 'phaseStatus.OPEN', { defaultValue: status })}
    </Badge>
  );
}

export function RoundStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROUND_COLORS[status] ?? 'gray'} variant="light">
      {t(`roundStatus.${status}` as 'roundStatus.OPEN', { defaultValue: status })}
    </Badge>
  );
}

export function DecisionBadge({ decision, late }: { decision: string; late?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={DECISION_COLORS[decision] ?? 'gray'} variant="light">
      {t(`decision.${decision}` as 'decision.SIGNED', { defaultValue: decision })}
      {late ? ` · ${t('common.late')}` : ''}
    </Badge>
  );
}

export function RegistrationBadge({ status, late }: { status: string; late?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={REGISTRATION_COLORS[status] ?? 'gray'} variant="light">
      {t(`registrationStatus.${status}` as 'registrationStatus.SUBMITTED', {
        defaultValue: status,
      })}
      {late && status === 'SUBMITTED' ? ` · ${t('common.late')}` : ''}
    </Badge>
  );
}

export function CycleStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={CYCLE_COLORS[status] ?? 'gray'} variant="light">
      {t(`cycleStatus.${status}` as 'cycleStatus.ACTIVE', { defaultValue: status })}
    </Badge>
  );
}

export function YesNoBadge({
  yes,
  yesLabel,
  noLabel,
}: {
  yes: boolean;
  yesLabel: string;
  noLabel: string;
}) {
  return (
    <Badge color={yes ? 'green' : 'gray'} variant="light">
      {yes ? yesLabel : noLabel}
    </Badge>
  );
}
