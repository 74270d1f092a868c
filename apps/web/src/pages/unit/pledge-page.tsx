import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionHeaders, api, call } from '../../api/client';
import { keys, useSigningStatus } from '../../api/queries';
import type { Cycle, SigningStatus } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { capabilitiesOf, useMe } from '../../auth/auth';
import { DecisionBadge, RoundStatusBadge } from '../../components/badges';
import { Deadline } from '../../components/deadline';
import { RoundDocuments } from '../../components/round-documents';
import { NoCycle } from '../../components/no-cycle';
import { NotStarted, PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { formatDateTime } from '../../lib/dates';
import { FormActions } from '../../components/form-actions';

function SignActions({
  cycle,
  status,
  unitId,
}: {
  cycle: Cycle;
  status: SigningStatus;
  unitId: string;
}) {
  const { t } = useTranslation();
  const [signOpen, signModal] = useDisclosure(false);
  const [declineOpen, declineModal] = useDisclosure(false);
  const [read, setRead] = useState(false);
  const version = status.pledge.version;
  const invalidate = [keys.round(status.roundId), keys.cycles, keys.signatures(status.roundId)];

  const sign = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/signing-rounds/{roundId}/sign', {
          params: {
            path: { roundId: status.roundId },
            header: actionHeaders(),
          },
          body: { unitId, version },
        }),
      ),
    successMessage: t('pledge.signedMessage'),
    invalidate,
    onSuccess: () => signModal.close(),
  });

  const declineForm = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim().length >= 10 ? null : t('pledge.reasonTooShort')) },
  });
  const decline = useApiMutation({
    form: declineForm,
    mutationFn: (values: { reason: string }) =>
      call(
        api.POST('/signing-rounds/{roundId}/decline', {
          params: {
            path: { roundId: status.roundId },
            header: actionHeaders(),
          },
          body: { unitId, version, reason: values.reason },
        }),
      ),
    successMessage: t('pledge.declinedMessage'),
    invalidate,
    onSuccess: () => {
      declineModal.close();
      declineForm.reset();
    },
  });

  return (
    <>
      <Group gap="sm">
        <Button onClick={signModal.open} data-testid="sign-open">
          {t('pledge.sign')}
        </Button>
        <Button variant="default" color="red" onClick={declineModal.open}>
          {t('pledge.decline')}
        </Button>
      </Group>
      <Modal opened={signOpen} onClose={signModal.close} title={t('pledge.signTitle')} centered>
        <Stack>
          <Text size="sm">
            {t('pledge.signConfirm', { version, title: cycle.pledge?.title ?? '' })}
          </Text>
          <Checkbox
            label={t('pledge.readConfirm')}
            checked={read}
            onChange={(e) => setRead(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={signModal.close}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!read}
              loading={sign.isPending}
              onClick={() => sign.mutate()}
              data-testid="sign-confirm"
            >
              {t('pledge.signNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={declineOpen}
        onClose={declineModal.close}
        title={t('pledge.declineTitle')}
        centered
      >
        <form onSubmit={declineForm.onSubmit((values) => decline.mutate(values))} noValidate>
          <Stack>
            <Textarea
              label={t('pledge.reason')}
              description={t('pledge.reasonHint')}
              autosize
              minRows={3}
              required
              {...declineForm.getInputProps('reason')}
            />
            <FormActions
              onCancel={declineModal.close}
              pending={decline.isPending}
              submitLabel={t('pledge.declineNow')}
              color="red"
            />
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function PledgePage() {
  const { t } = useTranslation();
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  const { cycle } = useCurrentCycle();
  const status = useSigningStatus(cycle);
  const unitId = me.data?.unitId ?? '';

  if (!cycle) return <NoCycle />;
  const s = status.data;
  const mine = s?.units.find((u) => u.unitId === unitId);
  const items = s?.pledge.items ?? cycle.pledge?.currentItems ?? [];
  const open = s && (s.status === 'OPEN' || s.status === 'OVERDUE');
  const accelerated = cycle.calendarScale > 1;

  return (
    <>
      <PageHeader title={t('pledge.title')} description={t('pledge.description')} />
      <Stack gap="lg">
        <QueryState isLoading={status.isLoading} error={status.error}>
          {!cycle.signingRound || !s ? (
            <NotStarted>{t('pledge.notOpen')}</NotStarted>
          ) : (
            <Card withBorder padding="md">
              <Stack gap="xs">
                <Group gap="xs">
                  <RoundStatusBadge status={s.status} />
                  {mine ? <DecisionBadge decision={mine.decision} late={mine.late} /> : null}
                  <Text size="sm" c="dimmed">
                    {t('pledge.version', { version: s.pledge.version })} ·{' '}
                    {t('pledge.signedCount', { signed: s.signedCount, total: s.memberCount })}
                  </Text>
                </Group>
                {open ? (
                  <Text size="sm">
                    {t('pledge.deadline')} <Deadline at={s.deadlineAt} accelerated={accelerated} />
                  </Text>
                ) : null}
                {mine?.decision === 'SIGNED' ? (
                  <Text size="sm" data-testid="my-signature">
                    {t('pledge.youSigned', {
                      at: formatDateTime(mine.at),
                      version: mine.version ?? '',
                    })}
                  </Text>
                ) : null}
                {mine?.decision === 'DECLINED' ? (
                  <Text size="sm">{t('pledge.youDeclined', { reason: mine.reason ?? '' })}</Text>
                ) : null}
                {s.status === 'EFFECTIVE' ? (
                  <Alert color="green" variant="light">
                    {t('pledge.effective', { at: formatDateTime(s.countersignedAt) })}
                  </Alert>
                ) : null}
                {s.status === 'AWAITING_COUNTERSIGN' ? (
                  <Text size="sm">{t('pledge.awaitingCountersign')}</Text>
                ) : null}
                {open && mine && mine.decision !== 'SIGNED' ? (
                  caps.isSigner ? (
                    <SignActions cycle={cycle} status={s} unitId={unitId} />
                  ) : (
                    <Alert color="blue" variant="light">
                      {t('pledge.signerOnly')}
                    </Alert>
                  )
                ) : null}
                {open && !mine ? (
                  <Alert color="orange" variant="light">
                    {t('pledge.notMember')}
                  </Alert>
                ) : null}
                <RoundDocuments status={s} />
              </Stack>
            </Card>
          )}
          {s && s.units.length > 0 ? (
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="xs">
                {t('pledge.signatures')}
              </Title>
              <List listStyleType="none" spacing={6} size="sm" data-testid="round-signatures">
                {s.units.map((u) => (
                  <List.Item key={u.unitId} data-testid={`signature-${u.unitCode}`}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" fw={u.unitId === unitId ? 600 : 400}>
                        {u.unitName}
                      </Text>
                      <DecisionBadge decision={u.decision} late={u.late} />
                      {u.at ? (
                        <Text size="xs" c="dimmed">
                          {formatDateTime(u.at)}
                          {u.version !== null
                            ? ` · ${t('pledge.version', { version: u.version })}`
                            : ''}
                        </Text>
                      ) : null}
                    </Group>
                  </List.Item>
                ))}
              </List>
            </Card>
          ) : null}
        </QueryState>

        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {cycle.pledge?.title ?? t('pledge.contents')}
          </Title>
          {cycle.pledge && cycle.pledge.documents.length > 0 ? (
            <Stack gap={4} mb="sm">
              <Text size="sm" fw={600}>
                {t('pledge.documents')}
              </Text>
              <List size="sm">
                {cycle.pledge.documents.map((d) => (
                  <List.Item key={d}>{d}</List.Item>
                ))}
              </List>
            </Stack>
          ) : null}
          <Text size="sm" fw={600} mb={4}>
            {t('pledge.items')}
          </Text>
          <List type="ordered" spacing="xs" size="sm" data-testid="pledge-items">
            {items.map((item, index) => (
              <List.Item key={index}>{item}</List.Item>
            ))}
          </List>
        </Card>
      </Stack>
    </>
  );
}
