import {
  ActionIcon,
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Card,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { actionHeaders, api, call } from '../../api/client';
import { keys, useCompliance, useRegistrations } from '../../api/queries';
import type { Cycle, Initiative, RegistrationRecord } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useMe } from '../../auth/auth';
import { RegistrationBadge } from '../../components/badges';
import { Deadline } from '../../components/deadline';
import { NoCycle } from '../../components/no-cycle';
import { NotStarted, PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { formatDateTime } from '../../lib/dates';
import { FormActions } from '../../components/form-actions';

type Kind = Initiative['kind'];
type OwnerType = Initiative['ownerType'];

interface InitiativeValues {
  kind: Kind;
  field: string;
  isNew: boolean;
  ownerType: OwnerType;
  ownerName: string;
  title: string;
  description: string;
  attachments: { name: string; url: string }[];
}

interface RegistrationValues {
  titles: string[];
  initiatives: InitiativeValues[];
  reason: string;
}

const TITLE_SUGGESTIONS = [
  'Tập thể lao động xuất sắc',
  'Tập thể lao động tiên tiến',
  'Cờ thi đua',
  'Bằng khen',
  'Giấy khen',
  'Đơn vị dẫn đầu phong trào thi đua "Dân vận khéo"',
];
const FIELD_SUGGESTIONS = [
  'Kinh tế',
  'Văn hóa – xã hội',
  'Quốc phòng – an ninh',
  'Xây dựng hệ thống chính trị',
];

const emptyInitiative = (): InitiativeValues => ({
  kind: 'MODEL',
  field: '',
  isNew: true,
  ownerType: 'COLLECTIVE',
  ownerName: '',
  title: '',
  description: '',
  attachments: [],
});

function toValues(record: RegistrationRecord | undefined): RegistrationValues {
  return {
    titles: record?.titles ?? [],
    initiatives: (record?.initiatives ?? []).map((i) => ({
      kind: i.kind,
      field: i.field,
      isNew: i.isNew,
      ownerType: i.ownerType,
      ownerName: i.ownerName,
      title: i.title,
      description: i.description,
      attachments: (i.attachments ?? []).map((a) => ({ name: a.name, url: a.url })),
    })),
    reason: '',
  };
}

function RegistrationForm(props: {
  cycle: Cycle;
  unitId: string;
  record: RegistrationRecord | undefined;
  late: boolean;
}) {
  const { t } = useTranslation();
  const { cycle, unitId, record, late } = props;
  const required = (v: string) => (v.trim() ? null : t('common.required'));
  const form = useForm<RegistrationValues>({
    mode: 'controlled',
    initialValues: toValues(record),
    validate: {
      initiatives: {
        field: required,
        ownerName: required,
        title: required,
        description: required,
        attachments: { name: required, url: required },
      },
      reason: (v) => (late && v.trim().length < 10 ? t('registration.reasonTooShort') : null),
    },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    // A saved registration arrives after the first render: show it, unless the user began editing.
    if (record && !form.isDirty()) {
      setValues(toValues(record));
      resetDirty(toValues(record));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the saved record changes
  }, [record]);

  const submit = useApiMutation({
    form,
    mutationFn: (values: RegistrationValues) => {
      const body = { unitId, titles: values.titles, initiatives: values.initiatives };
      const params = { path: { cycleId: cycle.id }, header: actionHeaders() };
      return late
        ? call(
            api.POST('/cycles/{cycleId}/registrations/late', {
              params,
              body: { ...body, reason: values.reason },
            }),
          )
        : call(api.POST('/cycles/{cycleId}/registrations', { params, body }));
    },
    successMessage: late ? t('registration.lateSent') : t('registration.saved'),
    invalidate: [keys.compliance(cycle.id), keys.registrations(cycle.id)],
    onSuccess: (_data, values) => form.resetDirty(values),
  });

  return (
    <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
      <Stack gap="md">
        <TagsInput
          label={t('registration.titles')}
          description={t('registration.titlesHint')}
          data={TITLE_SUGGESTIONS}
          clearable
          // Opens above the field: below, the list stayed open over the "Thêm" button.
          comboboxProps={{ position: 'top' }}
          {...form.getInputProps('titles')}
        />
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('registration.initiatives')}
          </Title>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => form.insertListItem('initiatives', emptyInitiative())}
          >
            {t('registration.addInitiative')}
          </Button>
        </Group>
        {form.values.initiatives.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('registration.noInitiatives')}
          </Text>
        ) : null}
        {form.values.initiatives.map((initiative, index) => (
          <Fieldset
            key={form.key(`initiatives.${index}`)}
            legend={t('registration.initiativeN', { n: index + 1 })}
            data-testid={`initiative-${index}`}
          >
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t('registration.kind')}
                  data={(['MODEL', 'SOLUTION', 'WORK'] as const).map((k) => ({
                    value: k,
                    label: t(`initiativeKind.${k}`),
                  }))}
                  allowDeselect={false}
                  {...form.getInputProps(`initiatives.${index}.kind`)}
                />
                <Autocomplete
                  label={t('registration.field')}
                  data={FIELD_SUGGESTIONS}
                  required
                  {...form.getInputProps(`initiatives.${index}.field`)}
                />
                <Select
                  label={t('registration.ownerType')}
                  data={(['COLLECTIVE', 'INDIVIDUAL'] as const).map((k) => ({
                    value: k,
                    label: t(`ownerType.${k}`),
                  }))}
                  allowDeselect={false}
                  {...form.getInputProps(`initiatives.${index}.ownerType`)}
                />
                <TextInput
                  label={t('registration.ownerName')}
                  required
                  {...form.getInputProps(`initiatives.${index}.ownerName`)}
                />
              </SimpleGrid>
              <TextInput
                label={t('registration.initiativeTitle')}
                required
                {...form.getInputProps(`initiatives.${index}.title`)}
              />
              <Textarea
                label={t('registration.initiativeDescription')}
                autosize
                minRows={2}
                required
                {...form.getInputProps(`initiatives.${index}.description`)}
              />
              <Switch
                label={initiative.isNew ? t('registration.isNew') : t('registration.continued')}
                {...form.getInputProps(`initiatives.${index}.isNew`, { type: 'checkbox' })}
              />
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  {t('registration.attachments')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('registration.attachmentsHint')}
                </Text>
                {initiative.attachments.map((_a, aIndex) => (
                  <Group
                    key={form.key(`initiatives.${index}.attachments.${aIndex}`)}
                    align="flex-start"
                    gap="xs"
                    wrap="wrap"
                  >
                    <TextInput
                      label={t('registration.attachmentName')}
                      style={{ flex: '1 1 180px' }}
                      required
                      {...form.getInputProps(`initiatives.${index}.attachments.${aIndex}.name`)}
                    />
                    <TextInput
                      label={t('registration.attachmentUrl')}
                      placeholder="https://"
                      style={{ flex: '2 1 240px' }}
                      required
                      {...form.getInputProps(`initiatives.${index}.attachments.${aIndex}.url`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={26}
                      aria-label={t('registration.removeAttachment')}
                      onClick={() =>
                        form.removeListItem(`initiatives.${index}.attachments`, aIndex)
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPlus size={14} />}
                    onClick={() =>
                      form.insertListItem(`initiatives.${index}.attachments`, { name: '', url: '' })
                    }
                  >
                    {t('registration.addAttachment')}
                  </Button>
                </Group>
              </Stack>
              <Group justify="flex-end">
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => form.removeListItem('initiatives', index)}
                >
                  {t('registration.removeInitiative')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        ))}
        {late ? (
          <Textarea
            label={t('registration.lateReason')}
            description={t('registration.lateReasonHint')}
            autosize
            minRows={2}
            required
            {...form.getInputProps('reason')}
          />
        ) : null}
        <FormActions
          pending={submit.isPending}
          submitLabel={late ? t('registration.sendLate') : t('registration.submit')}
          submitTestId="registration-submit"
        />
      </Stack>
    </form>
  );
}

/** What the unit registered, once it can no longer be edited. */
function RegistrationSummary({ record }: { record: RegistrationRecord }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={600}>
            {t('registration.titles')}
          </Text>
          <Text size="sm">{record.titles.length > 0 ? record.titles.join('; ') : '—'}</Text>
        </div>
        <Text size="sm" fw={600}>
          {t('registration.initiatives')}
        </Text>
        {record.initiatives.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('registration.noInitiatives')}
          </Text>
        ) : null}
        {record.initiatives.map((i, index) => (
          <Card key={index} withBorder padding="sm">
            <Text size="sm" fw={600}>
              {t(`initiativeKind.${i.kind}`)}: {i.title}
            </Text>
            <Text size="xs" c="dimmed">
              {i.field} · {t(`ownerType.${i.ownerType}`)}: {i.ownerName} ·{' '}
              {i.isNew ? t('registration.isNew') : t('registration.continued')}
            </Text>
            <Text size="sm" mt={4}>
              {i.description}
            </Text>
            {(i.attachments ?? []).map((a) => (
              <Anchor key={a.url} href={a.url} target="_blank" rel="noopener noreferrer" size="sm">
                {a.name}
              </Anchor>
            ))}
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

/** The registered models, each linked to its recognition history. */
function RegisteredModels(props: { cycleId: string; unitId: string }) {
  const { t } = useTranslation();
  const models = useQuery({
    queryKey: ['models', props.unitId, 'cycle', props.cycleId],
    enabled: !!props.unitId,
    queryFn: () =>
      call(
        api.GET('/models', { params: { query: { unitId: props.unitId, cycleId: props.cycleId } } }),
      ),
  });
  if (!models.data?.length) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('registration.initiatives')}
        </Title>
        {models.data.map((m) => (
          <Anchor key={m.id} component={Link} to={`/models/${m.id}`} size="sm">
            {m.title} ({t(`initiativeKind.${m.kind}`)})
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}

export function RegistrationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { cycle } = useCurrentCycle();
  const compliance = useCompliance(cycle);
  const registrations = useRegistrations(cycle);
  const unitId = me.data?.unitId ?? '';
  if (!cycle) return <NoCycle />;
  const c = compliance.data;
  const mine = c?.units.find((u) => u.unitId === unitId);
  const record = registrations.data?.find((r) => r.unitId === unitId);
  const canEdit = c && !c.closed;
  const canAskLate =
    c?.closed && mine && (mine.status === 'NOT_REGISTERED' || mine.status === 'LATE_REJECTED');

  return (
    <>
      <PageHeader title={t('registration.title')} description={t('registration.description')} />
      <QueryState
        isLoading={compliance.isLoading || registrations.isLoading}
        error={compliance.error ?? registrations.error}
      >
        {!c ? (
          <NotStarted>{t('registration.notOpen')}</NotStarted>
        ) : (
          <Stack gap="md">
            <Card withBorder padding="md">
              <Stack gap={6}>
                <Group gap="xs">
                  {mine ? <RegistrationBadge status={mine.status} late={mine.late} /> : null}
                  <Text size="sm" c="dimmed">
                    {t('registration.clusterProgress', {
                      registered: c.registeredCount,
                      total: c.memberCount,
                      percent: c.registeredPercent,
                    })}
                  </Text>
                </Group>
                {c.closed ? (
                  <Text size="sm">{t('registration.closed')}</Text>
                ) : (
                  <Text size="sm">
                    {t('registration.deadline')}{' '}
                    <Deadline at={c.deadlineAt} accelerated={cycle.calendarScale > 1} />
                  </Text>
                )}
                {mine && mine.revision > 0 ? (
                  <Text size="sm">
                    {t('registration.lastSaved', {
                      revision: mine.revision,
                      at: formatDateTime(mine.at),
                    })}
                  </Text>
                ) : null}
                {record?.decisionNote ? (
                  <Text size="sm">
                    {t('registration.headNote')}: {record.decisionNote}
                  </Text>
                ) : null}
              </Stack>
            </Card>
            {!mine ? (
              <Alert color="orange" variant="light">
                {t('registration.notMember')}
              </Alert>
            ) : canEdit || canAskLate ? (
              <RegistrationForm cycle={cycle} unitId={unitId} record={record} late={!canEdit} />
            ) : (
              <>
                <Alert color="gray" variant="light">
                  {mine.status === 'LATE_PENDING'
                    ? t('registration.latePending')
                    : t('registration.readOnly')}
                </Alert>
                {record ? <RegistrationSummary record={record} /> : null}
              </>
            )}
            {record ? <RegisteredModels cycleId={cycle.id} unitId={unitId} /> : null}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
