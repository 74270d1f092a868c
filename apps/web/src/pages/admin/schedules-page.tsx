import { Button, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { keys, useRuleSets, useSchedules } from '../../api/queries';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useClusterChoices } from '../../lib/cluster-choices';
import { PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { DEFAULT_RULE_SET_CODE } from './cycles-page';
import { CodeText, DataTable } from '../../components/data-table';
import { SectionCard } from '../../components/section-card';
import { MovementFields } from '../../components/movement-fields';
import { ClusterField } from '../../components/cluster-field';
import { FormActions } from '../../components/form-actions';

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
  const clusters = useClusterChoices(cycles);
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
          <DataTable
            empty={t('schedules.empty')}
            minWidth={720}
            aria-label={t('schedules.title')}
            rows={schedules.data ?? []}
            rowKey={(s) => s.scheduleId}
            columns={[
              { header: t('schedules.id'), cell: (s) => <CodeText>{s.scheduleId}</CodeText> },
              { header: t('schedules.cluster'), cell: (s) => clusterName(s.clusterId) },
              {
                header: t('schedules.movement'),
                cell: (s) => (
                  <>
                    {s.movementName} ({s.movementCode})
                  </>
                ),
              },
              { header: t('schedules.ruleSet'), cell: (s) => s.ruleSetCode },
              { header: t('schedules.scale'), cell: (s) => s.calendarScale },
              {
                align: 'right',
                cell: (s) => (
                  <Button
                    size="xs"
                    variant="light"
                    loading={trigger.isPending && trigger.variables === s.scheduleId}
                    onClick={() => trigger.mutate(s.scheduleId)}
                  >
                    {t('schedules.trigger')}
                  </Button>
                ),
              },
            ]}
          />
        </QueryState>
        <SectionCard title={t('schedules.createTitle')} hint={t('schedules.createHint')}>
          <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
            <Stack gap="sm">
              <ClusterField
                clusters={clusters}
                label={t('schedules.cluster')}
                {...form.getInputProps('clusterId')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MovementFields
                  codeHint={t('createCycle.movementCodeHint')}
                  inputProps={(f) => form.getInputProps(f)}
                  setField={(f, v) => form.setFieldValue(f, v)}
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
              <FormActions pending={create.isPending} submitLabel={t('schedules.create')} />
            </Stack>
          </form>
        </SectionCard>
      </Stack>
    </>
  );
}
