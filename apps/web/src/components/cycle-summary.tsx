import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../api/types';
import { formatDate } from '../lib/dates';
import { CycleStatusBadge, RoundStatusBadge } from './badges';

/** Seconds of real time per calendar day on an accelerated calendar. */
export function secondsPerDay(calendarScale: number): number {
  return 86_400 / calendarScale;
}

export function CycleSummary({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const accelerated = cycle.calendarScale > 1;
  return (
    <Card withBorder padding="md" data-testid="cycle-summary">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" style={{ flex: '1 1 240px' }}>
            {cycle.movementName} – {cycle.periodLabel}
          </Title>
          <Group gap={6}>
            <CycleStatusBadge status={cycle.status} />
            {cycle.signingRound ? <RoundStatusBadge status={cycle.signingRound.status} /> : null}
            {accelerated ? (
              <Badge color="grape" variant="light">
                {t('cycle.accelerated', {
                  seconds: secondsPerDay(cycle.calendarScale).toLocaleString('vi-VN', {
                    maximumFractionDigits: 2,
                  }),
                })}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="sm">{cycle.cluster.name}</Text>
        <Text size="sm" c="dimmed">
          {t(`periodKind.${cycle.periodKind}` as 'periodKind.YEAR')}: {formatDate(cycle.startsOn)} –{' '}
          {formatDate(cycle.endsOn)} · {t('cycle.movementCode')}: {cycle.movementCode}
        </Text>
      </Stack>
    </Card>
  );
}
