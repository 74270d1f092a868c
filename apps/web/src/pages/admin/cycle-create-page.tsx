import {
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { keys } from '../../api/queries';
import type { CreateCycle, Cycle } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useClusterChoices } from '../../lib/cluster-choices';
import { DateField } from '../../components/date-field';
import { PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { daysBetween, todayInVietnam } from '../../lib/dates';
import { FormActions } from '../../components/form-actions';
import { SectionCard } from '../../components/section-card';
import { MovementFields } from '../../components/movement-fields';
import { ClusterField } from '../../components/cluster-field';

type PeriodKind = CreateCycle['periodKind'];

interface CycleValues {
  clusterId: string;
  movementCode: string;
  movementName: string;
  periodKind: PeriodKind;
  periodLabel: string;
  startsOn: string | null;
  endsOn: string | null;
  calendar: 'real' | 'accelerated';
  minutes: number | string;
  pledge: { title: string; documentsText: string; itemsText: string };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function CycleCreatePage() {
  const { t } = useTranslation();
  const { cycles, isLoading, error } = useCurrentCycle();
  return (
    <>
      <PageHeader title={t('createCycle.title')} description={t('createCycle.description')} />
      <QueryState isLoading={isLoading} error={error}>
        <CycleForm cycles={cycles} />
      </QueryState>
    </>
  );
}

/** Prefilled from the latest cycle: its cluster, movement name and pledge text. */
function CycleForm({ cycles }: { cycles: Cycle[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const clusters = useClusterChoices(cycles);
  const latest = cycles[0];
  // A period the cluster has not run yet (this year or the next free one): prefilling a taken
  // one made the first save fail.
  const taken = new Set(
    cycles
      .filter(
        (c) =>
          c.cluster.id === clusters[0]?.id && c.movementCode === 'DVK' && c.periodKind === 'YEAR',
      )
      .map((c) => c.periodLabel),
  );
  let year = Number(todayInVietnam().slice(0, 4));
  while (taken.has(String(year))) year += 1;

  const form = useForm<CycleValues>({
    mode: 'controlled',
    initialValues: {
      clusterId: clusters[0]?.id ?? '',
      movementCode: 'DVK',
      movementName: latest?.movementName ?? 'Phong trào thi đua "Dân vận khéo"',
      periodKind: 'YEAR',
      periodLabel: String(year),
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      calendar: 'real',
      minutes: 10,
      pledge: {
        title: `Nội dung ký kết giao ước thi đua năm ${year}`,
        documentsText: (latest?.pledge?.documents ?? []).join('\n'),
        itemsText: (latest?.pledge?.currentItems ?? []).join('\n'),
      },
    },
    validate: {
      clusterId: (v) => (v ? null : t('common.required')),
      startsOn: (v) => (v ? null : t('common.required')),
      endsOn: (v) => (v ? null : t('common.required')),
      minutes: (v, values) =>
        values.calendar === 'accelerated' && !(Number(v) > 0)
          ? t('createCycle.minutesPositive')
          : null,
      pledge: { itemsText: (v) => (lines(v).length > 0 ? null : t('createCycle.itemsRequired')) },
    },
  });

  const create = useApiMutation({
    form,
    // The API names the taken key (periodLabel): the message goes next to that field.
    codeFields: { CONFLICT: 'periodLabel' },
    rename: {
      calendarScale: 'minutes',
      'pledge.items': 'pledge.itemsText',
      'pledge.documents': 'pledge.documentsText',
    },
    mutationFn: (values: CycleValues) => {
      const days =
        values.startsOn && values.endsOn ? daysBetween(values.startsOn, values.endsOn) + 1 : 365;
      const calendarScale =
        values.calendar === 'accelerated' ? (days * 1440) / Number(values.minutes) : 1;
      return call(
        api.POST('/cycles', {
          body: {
            clusterId: values.clusterId,
            movementCode: values.movementCode.trim().toUpperCase(),
            movementName: values.movementName.trim(),
            periodKind: values.periodKind,
            periodLabel: values.periodLabel.trim(),
            startsOn: values.startsOn ?? '',
            endsOn: values.endsOn ?? '',
            calendarScale,
            pledge: {
              title: values.pledge.title.trim(),
              documents: lines(values.pledge.documentsText),
              items: lines(values.pledge.itemsText),
            },
          },
        }),
      );
    },
    successMessage: (cycle) =>
      t('createCycle.created', { name: `${cycle.movementName} – ${cycle.periodLabel}` }),
    invalidate: [keys.cycles],
    onSuccess: () => void navigate('/admin/cycles'),
  });

  const labelHint = {
    YEAR: '2026',
    QUARTER: '2026-Q3',
    PHASE: '2021-2023',
  }[form.values.periodKind];

  return (
    <>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md" maw={900}>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <ClusterField
                clusters={clusters}
                label={t('createCycle.cluster')}
                hint={t('createCycle.clusterHint')}
                {...form.getInputProps('clusterId')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MovementFields
                  codeHint={t('createCycle.movementCodeHint')}
                  inputProps={(f) => form.getInputProps(f)}
                  setField={(f, v) => form.setFieldValue(f, v)}
                />
              </SimpleGrid>
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('createCycle.periodKind')}
                </Text>
                <SegmentedControl
                  aria-label={t('createCycle.periodKind')}
                  data={(['YEAR', 'QUARTER', 'PHASE'] as const).map((k) => ({
                    value: k,
                    label: t(`periodKind.${k}`),
                  }))}
                  {...form.getInputProps('periodKind')}
                />
              </div>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('createCycle.periodLabel')}
                  description={t('createCycle.periodLabelHint', { example: labelHint })}
                  {...form.getInputProps('periodLabel')}
                />
                <DateField label={t('createCycle.startsOn')} {...form.getInputProps('startsOn')} />
                <DateField label={t('createCycle.endsOn')} {...form.getInputProps('endsOn')} />
              </SimpleGrid>
            </Stack>
          </Card>
          <SectionCard title={t('createCycle.calendarTitle')} hint={t('createCycle.calendarHint')}>
            <Group align="flex-end" gap="md">
              <SegmentedControl
                aria-label={t('createCycle.calendarTitle')}
                data={[
                  { value: 'real', label: t('createCycle.real') },
                  { value: 'accelerated', label: t('createCycle.accelerated') },
                ]}
                {...form.getInputProps('calendar')}
              />
              {form.values.calendar === 'accelerated' ? (
                <NumberInput
                  label={t('createCycle.minutes')}
                  min={1}
                  w={220}
                  {...form.getInputProps('minutes')}
                />
              ) : null}
            </Group>
          </SectionCard>
          <SectionCard title={t('createCycle.pledgeTitle')}>
            <Stack gap="sm">
              <TextInput
                label={t('createCycle.pledgeName')}
                {...form.getInputProps('pledge.title')}
              />
              <Textarea
                label={t('createCycle.documents')}
                description={t('createCycle.onePerLine')}
                autosize
                minRows={2}
                {...form.getInputProps('pledge.documentsText')}
              />
              <Textarea
                label={t('createCycle.items')}
                description={t('createCycle.onePerLine')}
                autosize
                minRows={5}
                {...form.getInputProps('pledge.itemsText')}
              />
            </Stack>
          </SectionCard>
          <FormActions
            onCancel={() => void navigate('/admin/cycles')}
            pending={create.isPending}
            submitLabel={t('createCycle.submit')}
          />
        </Stack>
      </form>
    </>
  );
}
