import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { keys, useRuleSets, useSchedules } from '../../api/queries';
import { useApiMutation } from '../../lib/use-api-mutation';
import { PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { DEFAULT_RULE_SET_CODE } from './cycles-page';

interface ScheduleValues {
  clusterId: string;
  movementCode: string;
  movementName: string;
  ruleSetCode: string;
  cron: string;
  calendarScale: number | string;
}

export function SchedulesPage() {
  const { t } = useTranslation();
  const schedules = useSchedules();
  const ruleSets = useRuleSets();
  const { cycles } = useCurrentCycle();
  const clusters = [...new Map(cycles.map((c) => [c.cluster.id, c.cluster])).values()];
  const clusterName = (id: string) => clusters.find((c) => c.id === id)?.name ?? id;
  const codes = [...new Set([DEFAULT_RULE_SET_CODE, ...(ruleSets.data ?? []).map((r) => r.code)])];

  const form = useForm<ScheduleValues>({
    mode: 'controlled',
    initialValues: {
      clusterId: clusters[0]?.id ?? '',
      movementCode: 'DVK',
      movementName: 'Phong trào thi đua "Dân vận khéo"',
      ruleSetCode: DEFAULT_RULE_SET_CODE,
      cron: '0 0 1 1 *',
      calendarScale: 1,
    },
    validate: { clusterId: (v) => (v ? null : t('common.required')) },
  });
  const create = useApiMutation({
    form,
    mutationFn: (values: ScheduleValues) =>
      call(
        api.POST('/schedules', {
          body: {
            clusterId: values.clusterId,
            movementCode: values.movementCode.trim().toUpperCase(),
            movementName: values.movementName.trim(),
            ruleSetCode: values.ruleSetCode,
            cron: values.cron.trim(),
            calendarScale: Number(values.calendarScale) || 1,
          },
        }),
      ),
    successMessage: (s) => t('schedules.created', { id: s.scheduleId }),
    invalidate: [keys.schedules],
  });
  const trigger = useApiMutation({
    mutationFn: (scheduleId: string) =>
      call(api.POST('/schedules/{scheduleId}/trigger', { params: { path: { scheduleId } } })),
    successMessage: t('schedules.triggered'),
    invalidate: [keys.schedules, keys.cycles],
  });

  return (
    <>
      <PageHeader title={t('schedules.title')} description={t('schedules.description')} />
      <Stack gap="lg">
        <QueryState isLoading={schedules.isLoading} error={schedules.error}>
          {schedules.data && schedules.data.length === 0 ? (
            <Alert color="gray" variant="light">
              {t('schedules.empty')}
            </Alert>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label={t('schedules.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('schedules.id')}</Table.Th>
                    <Table.Th>{t('schedules.cluster')}</Table.Th>
                    <Table.Th>{t('schedules.movement')}</Table.Th>
                    <Table.Th>{t('schedules.ruleSet')}</Table.Th>
                    <Table.Th>{t('schedules.scale')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(schedules.data ?? []).map((s) => (
                    <Table.Tr key={s.scheduleId}>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {s.scheduleId}
                        </Text>
                      </Table.Td>
                      <Table.Td>{clusterName(s.clusterId)}</Table.Td>
                      <Table.Td>
                        {s.movementName} ({s.movementCode})
                      </Table.Td>
                      <Table.Td>{s.ruleSetCode}</Table.Td>
                      <Table.Td>{s.calendarScale}</Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="light"
                          loading={trigger.isPending && trigger.variables === s.scheduleId}
                          onClick={() => trigger.mutate(s.scheduleId)}
                        >
                          {t('schedules.trigger')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb={4}>
            {t('schedules.createTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('schedules.createHint')}
          </Text>
          <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
            <Stack gap="sm">
              {clusters.length > 0 ? (
                <Select
                  label={t('schedules.cluster')}
                  data={clusters.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
                  allowDeselect={false}
                  {...form.getInputProps('clusterId')}
                />
              ) : (
                <TextInput
                  label={t('createCycle.clusterId')}
                  {...form.getInputProps('clusterId')}
                />
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('createCycle.movementCode')}
                  {...form.getInputProps('movementCode')}
                />
                <TextInput
                  label={t('createCycle.movementName')}
                  {...form.getInputProps('movementName')}
                />
                <Select
                  label={t('schedules.ruleSet')}
                  data={codes}
                  allowDeselect={false}
                  {...form.getInputProps('ruleSetCode')}
                />
                <TextInput
                  label={t('schedules.cron')}
                  description={t('schedules.cronHint')}
                  {...form.getInputProps('cron')}
                />
                <NumberInput
                  label={t('schedules.scale')}
                  description={t('schedules.scaleHint')}
                  min={1}
                  {...form.getInputProps('calendarScale')}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button type="submit" loading={create.isPending}>
                  {t('schedules.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </Stack>
    </>
  );
}
