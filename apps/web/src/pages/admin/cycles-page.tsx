import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { keys, useRuleSets } from '../../api/queries';
import type { Cycle } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { CycleStatusBadge, RoundStatusBadge } from '../../components/badges';
import { secondsPerDay } from '../../components/cycle-summary';
import { PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { formatDate } from '../../lib/dates';
import { DataTable } from '../../components/data-table';

export const DEFAULT_RULE_SET_CODE = 'DVK-MAC-DINH';

function StartCycleModal({ cycle, onClose }: { cycle: Cycle; onClose: () => void }) {
  const { t } = useTranslation();
  const ruleSets = useRuleSets();
  const [code, setCode] = useState<string>(DEFAULT_RULE_SET_CODE);
  const codes = [...new Set([DEFAULT_RULE_SET_CODE, ...(ruleSets.data ?? []).map((r) => r.code)])];
  const start = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/cycles/{cycleId}/start', {
          params: { path: { cycleId: cycle.id } },
          body: { ruleSetCode: code },
        }),
      ),
    successMessage: (run) => t('cycles.started', { phases: run.phases.length }),
    invalidate: [keys.cycles],
    onSuccess: onClose,
  });
  return (
    <Stack>
      <Text size="sm">
        {t('cycles.startText', { name: `${cycle.movementName} – ${cycle.periodLabel}` })}
      </Text>
      <Select
        label={t('cycles.ruleSet')}
        description={t('cycles.ruleSetHint')}
        data={codes}
        value={code}
        onChange={(v) => v && setCode(v)}
        allowDeselect={false}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button loading={start.isPending} onClick={() => start.mutate()}>
          {t('cycles.startNow')}
        </Button>
      </Group>
    </Stack>
  );
}

export function CyclesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cycles, isLoading, error, select } = useCurrentCycle();
  const [starting, setStarting] = useState<Cycle | null>(null);
  return (
    <>
      <PageHeader
        title={t('cycles.title')}
        description={t('cycles.description')}
        actions={
          <Button component={Link} to="/admin/cycles/new" leftSection={<IconPlus size={16} />}>
            {t('cycles.create')}
          </Button>
        }
      />
      <QueryState isLoading={isLoading} error={error}>
        {cycles.length === 0 ? (
          <Alert color="gray" variant="light">
            {t('cycles.empty')}
          </Alert>
        ) : (
          <DataTable
            minWidth={900}
            highlightOnHover
            aria-label={t('cycles.title')}
            rows={cycles}
            columns={[
              {
                header: t('cycles.movement'),
                cell: (c) => (
                  <>
                    <Text size="sm" fw={500}>
                      {c.movementName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.movementCode}
                    </Text>
                  </>
                ),
              },
              { header: t('cycles.cluster'), cell: (c) => <Text size="sm">{c.cluster.code}</Text> },
              {
                header: t('cycles.period'),
                cell: (c) => (
                  <>
                    <Text size="sm">{c.periodLabel}</Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
                    </Text>
                  </>
                ),
              },
              {
                header: t('cycles.calendar'),
                cell: (c) =>
                  c.calendarScale > 1 ? (
                    <Text size="sm">
                      {t('cycle.accelerated', {
                        seconds: secondsPerDay(c.calendarScale).toLocaleString('vi-VN', {
                          maximumFractionDigits: 2,
                        }),
                      })}
                    </Text>
                  ) : (
                    <Text size="sm">{t('cycles.realCalendar')}</Text>
                  ),
              },
              {
                header: t('cycles.status'),
                td: { style: { whiteSpace: 'nowrap' } },
                cell: (c) => (
                  <Group gap={4} wrap="nowrap">
                    <CycleStatusBadge status={c.status} />
                    {c.signingRound ? <RoundStatusBadge status={c.signingRound.status} /> : null}
                  </Group>
                ),
              },
              {
                cell: (c) => (
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {c.status === 'PLANNED' ? (
                      <Button size="xs" onClick={() => setStarting(c)}>
                        {t('cycles.start')}
                      </Button>
                    ) : null}
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        select(c.id);
                        void navigate('/');
                      }}
                    >
                      {t('cycles.open')}
                    </Button>
                  </Group>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <Modal
        opened={starting !== null}
        onClose={() => setStarting(null)}
        title={t('cycles.startTitle')}
        centered
      >
        {starting ? <StartCycleModal cycle={starting} onClose={() => setStarting(null)} /> : null}
      </Modal>
    </>
  );
}
