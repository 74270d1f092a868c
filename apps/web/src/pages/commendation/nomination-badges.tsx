import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NominationStatus } from '../../api/commendation';

const COLORS: Record<NominationStatus, string> = {
  IN_REVIEW: 'blue',
  RETURNED: 'orange',
  POSTED: 'cyan',
  VOTING: 'grape',
  AWAITING_DECISION: 'indigo',
  AWARDED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
};

export function NominationStatusBadge({ status }: { status: NominationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`nominationStatus.${status}`)}
    </Badge>
  );
}
