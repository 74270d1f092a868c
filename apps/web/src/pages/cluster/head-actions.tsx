import { Alert, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionHeaders, api, call } from '../../api/client';
import { keys } from '../../api/queries';
import type { Compliance, Cycle, RegistrationRecord, SigningStatus } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { DateField } from '../../components/date-field';
import { formatDateTime } from '../../lib/dates';

export function OpenRoundCard({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { deadline: '' as string | null },
    validate: { deadline: (v) => (v ? null : t('common.required')) },
  });
  const open = useApiMutation({
    form,
    mutationFn: (values: { deadline: string | null }) =>
      call(
        api.POST('/cycles/{cycleId}/signing-round', {
          params: { path: { cycleId: cycle.id } },
          body: { deadline: values.deadline ?? '' },
        }),
      ),
    successMessage: t('board.roundOpened'),
    invalidate: [keys.cycles],
  });
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb={4}>
        {t('board.openRound')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('board.openRoundHint', { count: cycle.pledge?.currentItems.length ?? 0 })}
      </Text>
      <form onSubmit={form.onSubmit((values) => open.mutate(values))} noValidate>
        <Group align="flex-end" gap="sm">
          <DateField
            label={t('board.signingDeadline')}
            minDate={cycle.startsOn}
            maxDate={cycle.endsOn}
            w={200}
            {...form.getInputProps('deadline')}
          />
          <Button type="submit" loading={open.isPending}>
            {t('board.openRoundNow')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

export function SigningActionsCard({ cycle, status }: { cycle: Cycle; status: SigningStatus }) {
  const { t } = useTranslation();
  const invalidate = [keys.round(status.roundId), keys.cycles];
  const form = useForm({
    mode: 'controlled',
    initialValues: { deadline: '' as string | null, reason: '' },
    validate: {
      deadline: (v) => (v ? null : t('common.required')),
      reason: (v) => (v.trim().length >= 10 ? null : t('board.reasonTooShort')),
    },
  });
  const extend = useApiMutation({
    form,
    mutationFn: (values: { deadline: string | null; reason: string }) =>
      call(
        api.POST('/signing-rounds/{roundId}/deadline', {
          params: { path: { roundId: status.roundId }, header: actionHeaders() },
          body: { deadline: values.deadline ?? '', reason: values.reason },
        }),
      ),
    successMessage: t('board.deadlineMoved'),
    invalidate,
    onSuccess: () => form.reset(),
  });
  const countersign = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/signing-rounds/{roundId}/countersign', {
          params: { path: { roundId: status.roundId }, header: actionHeaders() },
          body: { version: status.pledge.version },
        }),
      ),
    successMessage: t('board.countersigned'),
    invalidate,
  });
  const open = status.status === 'OPEN' || status.status === 'OVERDUE';
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('board.signingActions')}
      </Title>
      <Stack gap="md">
        {status.status === 'AWAITING_COUNTERSIGN' ? (
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('board.allSigned', { version: status.pledge.version })}</Text>
            <Button loading={countersign.isPending} onClick={() => countersign.mutate()}>
              {t('board.countersign')}
            </Button>
          </Group>
        ) : null}
        {status.status === 'EFFECTIVE' ? (
          <Alert color="green" variant="light">
            {t('pledge.effective', { at: formatDateTime(status.countersignedAt) })}
          </Alert>
        ) : null}
        {open ? (
          <form onSubmit={form.onSubmit((values) => extend.mutate(values))} noValidate>
            <Stack gap="sm">
              <Text size="sm" fw={600}>
                {t('board.moveDeadline')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('board.currentDeadline', { at: formatDateTime(status.deadlineAt) })}
              </Text>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <DateField
                  label={t('board.newDeadline')}
                  minDate={cycle.startsOn}
                  maxDate={cycle.endsOn}
                  w={200}
                  {...form.getInputProps('deadline')}
                />
                <Textarea
                  label={t('board.reason')}
                  autosize
                  minRows={1}
                  style={{ flex: '1 1 260px' }}
                  {...form.getInputProps('reason')}
                />
              </Group>
              <Group justify="flex-end">
                <Button type="submit" variant="light" loading={extend.isPending}>
                  {t('board.moveDeadlineNow')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

export function LateRegistrationsCard(props: {
  cycle: Cycle;
  compliance: Compliance;
  registrations: RegistrationRecord[];
  nameOf: (unitId: string) => string;
}) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<{ unitId: string; approve: boolean } | null>(null);
  const [opened, modal] = useDisclosure(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { note: '' },
    validate: { note: (v) => (v.trim().length >= 3 ? null : t('board.noteTooShort')) },
  });
  const decide = useApiMutation({
    form,
    mutationFn: (values: { note: string }) =>
      call(
        api.POST('/cycles/{cycleId}/registrations/{unitId}/late-decision', {
          params: {
            path: { cycleId: props.cycle.id, unitId: deciding?.unitId ?? '' },
            header: actionHeaders(),
          },
          body: { approve: deciding?.approve ?? false, note: values.note },
        }),
      ),
    successMessage: t('board.lateDecided'),
    invalidate: [keys.compliance(props.cycle.id), keys.registrations(props.cycle.id)],
    onSuccess: () => {
      modal.close();
      form.reset();
    },
  });
  const pending = props.compliance.pendingLate;
  const ask = (unitId: string, approve: boolean) => {
    setDeciding({ unitId, approve });
    modal.open();
  };
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('board.lateTitle')}
      </Title>
      {pending.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('board.noLate')}
        </Text>
      ) : (
        <Stack gap="sm">
          {pending.map((unitId) => {
            const record = props.registrations.find((r) => r.unitId === unitId);
            return (
              <Card key={unitId} withBorder padding="sm">
                <Text size="sm" fw={600}>
                  {props.nameOf(unitId)}
                </Text>
                {record?.lateReason ? (
                  <Text size="sm">
                    {t('board.lateReason')}: {record.lateReason}
                  </Text>
                ) : null}
                {record ? (
                  <Text size="xs" c="dimmed">
                    {t('board.lateContent', {
                      titles: record.titles.length,
                      initiatives: record.initiatives.length,
                    })}
                  </Text>
                ) : null}
                <Group gap="xs" mt="xs">
                  <Button size="xs" onClick={() => ask(unitId, true)}>
                    {t('board.approve')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    onClick={() => ask(unitId, false)}
                  >
                    {t('board.reject')}
                  </Button>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      <Modal
        opened={opened}
        onClose={modal.close}
        centered
        title={
          deciding
            ? t(deciding.approve ? 'board.approveTitle' : 'board.rejectTitle', {
                unit: props.nameOf(deciding.unitId),
              })
            : ''
        }
      >
        <form onSubmit={form.onSubmit((values) => decide.mutate(values))} noValidate>
          <Stack>
            <Textarea
              label={t('board.note')}
              autosize
              minRows={2}
              {...form.getInputProps('note')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={modal.close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color={deciding?.approve ? undefined : 'red'}
                loading={decide.isPending}
              >
                {deciding?.approve ? t('board.approve') : t('board.reject')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
