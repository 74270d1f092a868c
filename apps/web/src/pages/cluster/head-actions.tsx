import { Alert, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionHeaders, api, call } from '../../api/client';
import { keys } from '../../api/queries';
import type {
  Compliance,
  Cycle,
  CyclePage,
  RegistrationRecord,
  SigningStatus,
} from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { DateField } from '../../components/date-field';
import { PledgeDiff } from '../../components/pledge-diff';
import { formatDateTime } from '../../lib/dates';
import { itemsChanged } from '../../lib/pledge-diff';
import { useNextTask } from '../../lib/next-task';
import { SectionCard } from '../../components/section-card';
import { ConfirmActions, FormActions } from '../../components/form-actions';

/** The round an action returned, shown at once: its status view and the cycle's reference to it
 * (the board and the cycle summary read both), then refreshed from the API. */
function useShowRound() {
  const queryClient = useQueryClient();
  return (status: SigningStatus) => {
    queryClient.setQueryData(keys.round(status.roundId), status);
    queryClient.setQueryData<CyclePage>(keys.cycles, (page) =>
      page
        ? {
            ...page,
            items: page.items.map((c) =>
              c.id === status.cycleId
                ? {
                    ...c,
                    signingRound: {
                      id: status.roundId,
                      status: status.status,
                      deadlineAt: status.deadlineAt,
                    },
                  }
                : c,
            ),
          }
        : page,
    );
  };
}

/** The round is recorded by the workflow a moment after it starts: the cycle list is refreshed
 * once the cycle names its round (bounded), so a refetch never shows "not open" again meanwhile. */
async function refreshOnceRecorded(queryClient: QueryClient, cycleId: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const cycle = await call(api.GET('/cycles/{cycleId}', { params: { path: { cycleId } } })).catch(
      () => null,
    );
    if (cycle?.signingRound) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await queryClient.invalidateQueries({ queryKey: keys.cycles });
}

export function OpenRoundCard({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const showRound = useShowRound();
  const queryClient = useQueryClient();
  const { offerNext } = useNextTask();
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
    onSuccess: (data) => {
      showRound(data);
      void refreshOnceRecorded(queryClient, cycle.id);
      void offerNext();
    },
  });
  return (
    <SectionCard
      title={t('board.openRound')}
      hint={t('board.openRoundHint', { count: cycle.pledge?.currentItems.length ?? 0 })}
    >
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
    </SectionCard>
  );
}

export function SigningActionsCard({ cycle, status }: { cycle: Cycle; status: SigningStatus }) {
  const { t } = useTranslation();
  const showRound = useShowRound();
  const { offerNext } = useNextTask();
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
    onSuccess: (data) => {
      showRound(data);
      form.reset();
    },
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
    onSuccess: (data) => {
      showRound(data);
      void offerNext();
    },
  });
  const open = status.status === 'OPEN' || status.status === 'OVERDUE';
  return (
    <SectionCard title={t('board.signingActions')}>
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
              <FormActions
                pending={extend.isPending}
                submitLabel={t('board.moveDeadlineNow')}
                variant="light"
              />
            </Stack>
          </form>
        ) : null}
      </Stack>
    </SectionCard>
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
    <SectionCard title={t('board.lateTitle')}>
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
                  <Button size="xs" disabled={decide.isPending} onClick={() => ask(unitId, true)}>
                    {t('board.approve')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    disabled={decide.isPending}
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
    </SectionCard>
  );
}

const splitItems = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/**
 * The head amends the pledge's text while it is being signed: one item per line, a reason, then
 * the changes shown against the current version before confirming (every signature given so far
 * lapses and the members sign the new version).
 */
export function AmendPledgeCard({ status }: { status: SigningStatus }) {
  const { t } = useTranslation();
  const showRound = useShowRound();
  const [reviewing, review] = useDisclosure(false);
  const current = status.pledge.items;
  const form = useForm({
    mode: 'controlled',
    initialValues: { items: current.join('\n'), reason: '' },
    validate: {
      items: (v) => {
        const items = splitItems(v);
        if (items.length === 0) return t('common.required');
        if (items.length > 100) return t('journeys.amend.tooMany');
        if (items.some((i) => i.length < 5 || i.length > 2000))
          return t('journeys.amend.itemLength');
        return itemsChanged(current, items) ? null : t('journeys.amend.unchanged');
      },
      reason: (v) => (v.trim().length >= 10 ? null : t('board.reasonTooShort')),
    },
  });
  const amend = useApiMutation({
    form,
    mutationFn: (values: { items: string; reason: string }) =>
      call(
        api.POST('/signing-rounds/{roundId}/amend', {
          params: { path: { roundId: status.roundId }, header: actionHeaders() },
          body: {
            baseVersion: status.pledge.version,
            items: splitItems(values.items),
            reason: values.reason.trim(),
          },
        }),
      ),
    successMessage: (data) => t('journeys.amend.done', { version: data.pledge.version }),
    invalidate: [keys.round(status.roundId), keys.cycles],
    onSuccess: (data) => {
      showRound(data);
      review.close();
      form.setValues({ items: data.pledge.items.join('\n'), reason: '' });
      form.resetDirty();
    },
  });
  const proposed = splitItems(form.values.items);
  return (
    <SectionCard
      title={t('journeys.amend.title')}
      hint={t('journeys.amend.hint', { version: status.pledge.version })}
    >
      <form
        onSubmit={form.onSubmit(() => review.open())}
        noValidate
        aria-label={t('journeys.amend.title')}
      >
        <Stack gap="sm">
          <Textarea
            label={t('journeys.amend.items')}
            description={t('journeys.amend.itemsHint')}
            autosize
            minRows={4}
            maxRows={16}
            {...form.getInputProps('items')}
          />
          <Textarea
            label={t('journeys.amend.reason')}
            autosize
            minRows={1}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button type="submit" variant="light" disabled={amend.isPending}>
              {t('journeys.amend.review')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={reviewing}
        onClose={() => (amend.isPending ? undefined : review.close())}
        title={t('journeys.amend.confirmTitle', {
          from: status.pledge.version,
          to: status.pledge.version + 1,
        })}
        size="lg"
        centered
      >
        <Stack>
          <PledgeDiff before={current} after={proposed} testId="amend-diff" />
          <Text size="sm">
            {t('journeys.amend.reasonShown', { reason: form.values.reason.trim() })}
          </Text>
          <Alert color="orange" variant="light">
            {status.signedCount > 0
              ? t('journeys.amend.lapse', { signed: status.signedCount })
              : t('journeys.amend.lapseNone')}
          </Alert>
          <ConfirmActions
            onCancel={review.close}
            onConfirm={() => amend.mutate(form.values)}
            confirmLabel={t('journeys.amend.confirm')}
            pending={amend.isPending}
            lockCancel
          />
        </Stack>
      </Modal>
    </SectionCard>
  );
}
