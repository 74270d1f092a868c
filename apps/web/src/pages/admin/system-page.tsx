import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { keys, useDeadLetters, verifyAudit } from '../../api/queries';
import { useApiMutation } from '../../lib/use-api-mutation';
import { ErrorAlert, PageHeader, QueryState } from '../../components/page';
import { formatDateTime } from '../../lib/dates';
import { DataTable } from '../../components/data-table';
import { SectionCard } from '../../components/section-card';

export function SystemPage() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAudit });
  const deadLetters = useDeadLetters();
  const retry = useApiMutation({
    mutationFn: (id: string) =>
      call(api.POST('/admin/dead-letters/{id}/retry', { params: { path: { id } } })),
    successMessage: t('system.retried'),
    invalidate: [keys.deadLetters],
  });
  return (
    <>
      <PageHeader title={t('system.title')} description={t('system.description')} />
      <Stack gap="lg">
        <SectionCard title={t('system.auditTitle')} hint={t('system.auditHint')}>
          <Group>
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>
              {t('system.verify')}
            </Button>
          </Group>
          {verify.data ? (
            <Alert mt="sm" color={verify.data.ok ? 'green' : 'red'} variant="light" role="status">
              {verify.data.ok
                ? t('system.auditOk', { checked: verify.data.checked })
                : t('system.auditBroken', {
                    checked: verify.data.checked,
                    id: verify.data.brokenAtId ?? '',
                    reason: verify.data.reason ?? '',
                  })}
            </Alert>
          ) : null}
          {verify.error ? <ErrorAlert error={verify.error} /> : null}
        </SectionCard>
        <SectionCard title={t('system.deadLetters')} hint={t('system.deadLettersHint')}>
          <QueryState isLoading={deadLetters.isLoading} error={deadLetters.error}>
            <DataTable
              empty={t('system.noDeadLetters')}
              minWidth={640}
              rows={deadLetters.data ?? []}
              columns={[
                { header: t('system.queue'), cell: (d) => d.queue ?? '—' },
                { header: t('system.failedAt'), cell: (d) => formatDateTime(d.failedAt) },
                {
                  header: t('system.error'),
                  cell: (d) => (
                    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {d.error ?? ''}
                    </Text>
                  ),
                },
                {
                  align: 'right',
                  cell: (d) => (
                    <Button
                      size="xs"
                      variant="light"
                      loading={retry.isPending && retry.variables === d.id}
                      onClick={() => retry.mutate(d.id)}
                    >
                      {t('system.retry')}
                    </Button>
                  ),
                },
              ]}
            />
          </QueryState>
        </SectionCard>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('system.tools')}
          </Title>
          <Stack gap={4}>
            <Anchor href="/admin/queues" target="_blank" rel="noopener">
              {t('system.queues')}
            </Anchor>
            <Anchor href="/docs" target="_blank" rel="noopener">
              {t('system.apiDocs')}
            </Anchor>
            <Anchor href="/health" target="_blank" rel="noopener">
              {t('system.health')}
            </Anchor>
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
