import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
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
import { DataTable, NameCell } from '../../components/data-table';
import { ConfirmActions } from '../../components/form-actions';

export const DEFAULT_RULE_SET_CODE = 'DVK-MAC-DINH';

function StartCycleModal({ cycle, onClose }: { cycle: Cycle; onClose: () => void }) {
  const { t } = useTranslation();
  const ruleSets = useRuleSets();
  const [code, setCode] = useState<string>(DEFAULT_RULE_SET_CODE);
  // Each code by its name and latest version; the built-in set when nothing is stored under it.
  const latest = new Map<string, { name: string; version: number }>();
  for (const r of ruleSets.data ?? []) {
    if ((latest.get(r.code)?.version ?? 0) < r.version) latest.set(r.code, r);
  }
  const codes = [...new Set([DEFAULT_RULE_SET_CODE, ...latest.keys()])].map((c) => {
    const r = latest.get(c);
    return {
      value: c,
      label: r
        ? t('ruleSetList.option', { name: r.name, version: r.version })
        : t('ruleSets.builtInName'),
    };
  });
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
      <ConfirmActions
        onCancel={onClose}
        onConfirm={() => start.mutate()}
        confirmLabel={t('cycles.startNow')}
        pending={start.isPending}
      />
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
        <DataTable
          empty={t('cycles.empty')}
          minWidth={900}
          highlightOnHover
          aria-label={t('cycles.title')}
          rows={cycles}
          columns={[
            {
              header: t('cycles.movement'),
              cell: (c) => <NameCell name={c.movementName} detail={c.movementCode} />,
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
                  {c.signingRound ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      component={Link}
                      to={`/rounds/${c.signingRound.id}/audit`}
                      aria-label={t('roundAudit.auditFor', {
                        name: `${c.movementCode} ${c.periodLabel}`,
                      })}
                    >
                      {t('roundAudit.link')}
                    </Button>
                  ) : null}
                </Group>
              ),
            },
          ]}
        />
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
