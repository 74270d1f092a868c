import {
  Badge,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { text, useAwardForms } from '../../api/commendation';
import { useUnits } from '../../api/directory';
import { DataTable } from '../../components/data-table';
import { PageHeader, QueryState } from '../../components/page';
import { useApiMutation } from '../../lib/use-api-mutation';
import { PersonSelect } from '../../components/nominee-selects';
import { FormActions } from '../../components/form-actions';

type RecipientKind = 'UNIT' | 'PERSON';

interface PastAwardValues {
  recipientKind: RecipientKind;
  unitId: string | null;
  personId: string | null;
  formCode: string | null;
  year: number | string;
  decisionNumber: string;
  achievement: string;
}

const historyKey = (kind: RecipientKind, id: string) => ['awards', 'history', kind, id] as const;

/**
 * Nhập khen thưởng trước đây: an award given before the system (a unit's or a person's), one by
 * one, so eligibility rules that look back (e.g. an earlier Bằng khen) find it. The recipient's
 * history is shown below and updates once the award is recorded.
 */
export function PastAwardPage() {
  const { t, i18n } = useTranslation();
  const units = useUnits();
  const forms = useAwardForms();
  const form = useForm<PastAwardValues>({
    mode: 'controlled',
    initialValues: {
      recipientKind: 'UNIT',
      unitId: null,
      personId: null,
      formCode: null,
      year: new Date().getFullYear() - 1,
      decisionNumber: '',
      achievement: '',
    },
    validate: {
      unitId: (v) => (v ? null : t('common.required')),
      personId: (v, values) =>
        values.recipientKind === 'PERSON' && !v ? t('common.required') : null,
      formCode: (v) => (v ? null : t('common.required')),
      year: (v) => (v === '' ? t('common.required') : null),
    },
  });
  const values = form.getValues();
  const recipientId = values.recipientKind === 'UNIT' ? values.unitId : values.personId;
  const history = useQuery({
    queryKey: historyKey(values.recipientKind, recipientId ?? ''),
    enabled: !!recipientId,
    queryFn: () =>
      call(
        api.GET('/awards', {
          params: {
            query:
              values.recipientKind === 'UNIT'
                ? { unitId: recipientId!, recipientKind: 'UNIT' }
                : { personId: recipientId! },
          },
        }),
      ),
  });
  const record = useApiMutation({
    form,
    rename: { recipientId: values.recipientKind === 'UNIT' ? 'unitId' : 'personId' },
    mutationFn: (v: PastAwardValues) =>
      call(
        api.POST('/awards/history', {
          body: {
            formCode: v.formCode!,
            year: Number(v.year),
            recipientKind: v.recipientKind,
            recipientId: (v.recipientKind === 'UNIT' ? v.unitId : v.personId)!,
            ...(v.decisionNumber.trim() ? { decisionNumber: v.decisionNumber.trim() } : {}),
            ...(v.achievement.trim() ? { achievement: v.achievement.trim() } : {}),
          },
        }),
      ),
    successMessage: t('pastAward.recorded'),
    invalidate: recipientId ? [historyKey(values.recipientKind, recipientId)] : [],
    onSuccess: () => form.setValues({ decisionNumber: '', achievement: '' }),
  });
  // Deciding authorities are not recipients of unit awards here.
  const unitOptions = (units.data ?? [])
    .filter((u) => u.kind !== 'AUTHORITY')
    .map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }));
  const formOptions = (forms.data ?? []).map((f) => ({
    value: f.code,
    label: `${f.name} — ${f.authority?.name ?? ''}`,
  }));
  return (
    <>
      <PageHeader title={t('pastAward.title')} description={t('pastAward.description')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder padding="lg">
          <QueryState
            isLoading={units.isLoading || forms.isLoading}
            error={units.error ?? forms.error}
          >
            <form onSubmit={form.onSubmit((v) => record.mutate(v))} noValidate>
              <Stack gap="sm">
                <div>
                  <Text size="sm" fw={500} id="past-award-kind" mb={4}>
                    {t('pastAward.recipientKind')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="past-award-kind"
                    data={[
                      { value: 'UNIT', label: t('pastAward.unit') },
                      { value: 'PERSON', label: t('pastAward.person') },
                    ]}
                    {...form.getInputProps('recipientKind')}
                    onChange={(v) => {
                      form.setFieldValue('recipientKind', v as RecipientKind);
                      form.setFieldValue('personId', null);
                    }}
                  />
                </div>
                <Select
                  label={t('pastAward.unitLabel')}
                  searchable
                  required
                  data={unitOptions}
                  nothingFoundMessage={t('common.nothingFound')}
                  {...form.getInputProps('unitId')}
                  onChange={(v: string | null) => {
                    form.setFieldValue('unitId', v);
                    form.setFieldValue('personId', null);
                  }}
                />
                {values.recipientKind === 'PERSON' ? (
                  <PersonSelect
                    label={t('pastAward.personLabel')}
                    required
                    disabled={!values.unitId}
                    unitId={values.unitId}
                    nothingFoundMessage={t('pastAward.noPeople')}
                    {...form.getInputProps('personId')}
                  />
                ) : null}
                <Select
                  label={t('pastAward.form')}
                  searchable
                  required
                  data={formOptions}
                  nothingFoundMessage={t('common.nothingFound')}
                  {...form.getInputProps('formCode')}
                />
                <Group grow align="flex-start">
                  <NumberInput
                    label={t('pastAward.year')}
                    required
                    min={1975}
                    max={2100}
                    allowDecimal={false}
                    thousandSeparator=""
                    {...form.getInputProps('year')}
                  />
                  <TextInput
                    label={t('pastAward.decisionNumber')}
                    placeholder="45/QĐ-BDVTU"
                    maxLength={60}
                    {...form.getInputProps('decisionNumber')}
                  />
                </Group>
                <Textarea
                  label={t('pastAward.achievement')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  {...form.getInputProps('achievement')}
                />
                <FormActions pending={record.isPending} submitLabel={t('pastAward.submit')} />
              </Stack>
            </form>
          </QueryState>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="past-award-history">
          <Title order={2} size="h4" mb="sm" id="past-award-history">
            {t('pastAward.history')}
          </Title>
          {!recipientId ? (
            <Text size="sm" c="dimmed">
              {t('pastAward.chooseRecipient')}
            </Text>
          ) : (
            <QueryState isLoading={history.isLoading} error={history.error}>
              <DataTable
                empty={t('pastAward.noHistory')}
                minWidth={480}
                aria-label={t('pastAward.history')}
                data-testid="past-award-history"
                rows={history.data ?? []}
                columns={[
                  {
                    header: t('pastAward.period'),
                    cell: (a) => text(a.period.label, i18n.language),
                  },
                  { header: t('pastAward.form'), cell: (a) => a.formName },
                  { header: t('pastAward.decisionNumber'), cell: (a) => a.decisionNumber ?? '—' },
                  {
                    header: t('pastAward.source'),
                    cell: (a) => (
                      <Badge
                        variant="light"
                        color={a.source === 'HISTORY' ? 'gray' : 'blue'}
                        tt="none"
                      >
                        {t(
                          a.source === 'HISTORY'
                            ? 'pastAward.fromHistory'
                            : 'pastAward.fromDecision',
                        )}
                      </Badge>
                    ),
                  },
                ]}
              />
            </QueryState>
          )}
        </Card>
      </SimpleGrid>
    </>
  );
}
