import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../api/types';
import { useCurrentCycle } from '../lib/cycle-context';
import { formatDate } from '../lib/dates';
import { useLivePhases } from '../lib/use-live-phases';
import { PhaseStatusBadge } from './badges';
import { Deadline } from './deadline';

/** The cycle's calendar: each phase with its dates (Vietnamese calendar days), status and, while
 * open, its deadline. Two columns, so it reads on a phone too. A step running on its own (signing,
 * registration, reviews, vote, election) shows its live state and deadline, as its page does. */
export function PhaseTable({
  phases: planned,
  accelerated,
}: {
  phases: Phase[];
  accelerated: boolean;
}) {
  const { t } = useTranslation();
  const { cycle } = useCurrentCycle();
  const phases = useLivePhases(cycle, planned);
  return (
    <Table striped verticalSpacing="xs" aria-label={t('phases.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('phases.phase')}</Table.Th>
          <Table.Th>{t('phases.dates')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {phases.map((p) => (
          <Table.Tr key={p.phase} data-testid={`phase-${p.phase}`}>
            <Table.Td>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={500}>
                  {t(`phase.${p.phase}` as 'phase.VOTE', { defaultValue: p.phase })}
                </Text>
                <PhaseStatusBadge status={p.status} />
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <span style={{ whiteSpace: 'nowrap' }}>{formatDate(p.opensOn)}</span> –{' '}
                <span style={{ whiteSpace: 'nowrap' }}>{formatDate(p.closesOn)}</span>
              </Text>
              {p.status === 'OPEN' ? (
                <Text size="sm">
                  {t('phases.deadline')}: <Deadline at={p.closesAt} accelerated={accelerated} />
                </Text>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
