import {
  Alert,
  Anchor,
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
import { useQueryClient } from '@tanstack/react-query';
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
import { ConfirmActions, FormActions } from '../../components/form-actions';
import { useNextTask } from '../../lib/next-task';
import { PledgeDiff, usePledgeVersions } from '../../components/pledge-diff';
import { SectionCard } from '../../components/section-card';

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
  const queryClient = useQueryClient();
  const { offerNext } = useNextTask();
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
    onSuccess: (data) => {
      queryClient.setQueryData(keys.round(status.roundId), data);
      signModal.close();
      void offerNext();
    },
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
    onSuccess: (data) => {
      queryClient.setQueryData(keys.round(status.roundId), data);
      declineModal.close();
      void offerNext();
      declineForm.reset();
    },
  });

  const busy = sign.isPending || decline.isPending;
  return (
    <>
      <Group gap="sm">
        <Button onClick={signModal.open} disabled={busy} data-testid="sign-open">
          {t('pledge.sign')}
        </Button>
        <Button variant="default" color="red" disabled={busy} onClick={declineModal.open}>
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
          <ConfirmActions
            onCancel={signModal.close}
            onConfirm={() => sign.mutate()}
            confirmLabel={t('pledge.signNow')}
            pending={sign.isPending}
            disabled={!read}
            confirmTestId="sign-confirm"
          />
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

/** Every member's decision, for every member to see: who signed and when, who declined and why,
 * who has not answered yet. */
function MemberStatuses({ status, unitId }: { status: SigningStatus; unitId: string }) {
  const { t } = useTranslation();
  const count = (d: string) => status.units.filter((u) => u.decision === d).length;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb={4}>
        {t('pledge.signatures')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs" data-testid="signature-counts">
        {t('journeys.pledge.counts', {
          signed: count('SIGNED'),
          declined: count('DECLINED'),
          pending: count('PENDING'),
        })}
      </Text>
      <List listStyleType="none" spacing={8} size="sm" data-testid="round-signatures">
        {status.units.map((u) => (
          <List.Item key={u.unitId} data-testid={`signature-${u.unitCode}`}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={u.unitId === unitId ? 600 : 400}>
                {u.unitName}
              </Text>
              <DecisionBadge decision={u.decision} late={u.late} />
              {u.at ? (
                <Text size="xs" c="dimmed">
                  {formatDateTime(u.at)}
                  {u.version !== null ? ` · ${t('pledge.version', { version: u.version })}` : ''}
                </Text>
              ) : null}
            </Group>
            {u.decision === 'DECLINED' && u.reason ? (
              <Text size="xs" ml="md">
                {t('journeys.pledge.declineReason', { reason: u.reason })}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

/** What changed in the version to sign, against the one before it (from the round's record). */
function VersionChanges({ status }: { status: SigningStatus }) {
  const { t } = useTranslation();
  const versions = usePledgeVersions(status.roundId, status.pledge.version > 1);
  const current = versions.data?.find((v) => v.version === status.pledge.version);
  const previous = versions.data?.find((v) => v.version === status.pledge.version - 1);
  if (status.pledge.version <= 1 || !previous) return null;
  return (
    <Card withBorder padding="md" data-testid="version-changes">
      <Title order={2} size="h4" mb={4}>
        {t('journeys.pledge.changesTitle', {
          from: previous.version,
          to: status.pledge.version,
        })}
      </Title>
      {current?.reason ? (
        <Text size="sm" mb="xs">
          {t('journeys.pledge.changesReason', {
            reason: current.reason,
            at: formatDateTime(current.at),
          })}
        </Text>
      ) : null}
      <PledgeDiff before={previous.items} after={status.pledge.items} />
    </Card>
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
            <Card withBorder padding="md" data-testid="round-summary">
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
                {s.status === 'EFFECTIVE' ? (
                  <Alert color="green" variant="light">
                    {t('pledge.effective', { at: formatDateTime(s.countersignedAt) })}
                  </Alert>
                ) : null}
                {s.status === 'AWAITING_COUNTERSIGN' ? (
                  <Text size="sm">{t('pledge.awaitingCountersign')}</Text>
                ) : null}
                {open && mine && mine.decision !== 'SIGNED' ? (
                  <Anchor href="#pledge-decision" size="sm">
                    {t('journeys.pledge.readThenSign')}
                  </Anchor>
                ) : null}
              </Stack>
            </Card>
          )}
          {s ? <VersionChanges status={s} /> : null}
        </QueryState>

        <Card withBorder padding="md" data-testid="pledge-text">
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
          {s ? (
            // The decision sits where the text ends, as in the signing products people know.
            <Stack
              gap="xs"
              mt="lg"
              pt="md"
              id="pledge-decision"
              style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
            >
              {mine?.decision === 'SIGNED' ? (
                <Text size="sm" fw={600} data-testid="my-signature">
                  {t('pledge.youSigned', {
                    at: formatDateTime(mine.at),
                    version: mine.version ?? '',
                  })}
                </Text>
              ) : null}
              {mine?.decision === 'DECLINED' ? (
                <Text size="sm">{t('pledge.youDeclined', { reason: mine.reason ?? '' })}</Text>
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
            </Stack>
          ) : null}
        </Card>

        {s ? (
          <SectionCard title={t('journeys.pledge.documentsTitle')}>
            <RoundDocuments status={s} />
          </SectionCard>
        ) : null}
        {s && s.units.length > 0 ? <MemberStatuses status={s} unitId={unitId} /> : null}
      </Stack>
    </>
  );
}
