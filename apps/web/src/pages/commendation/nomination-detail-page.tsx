import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Stepper,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { actionHeaders, api, call } from '../../api/client';
import {
  commendationKeys,
  downloadFile,
  readAsBase64,
  text,
  useApprovals,
  useAwardForms,
  useNomination,
  type NominationDetail,
} from '../../api/commendation';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import { formatDateTime } from '../../lib/dates';
import { NominationStatusBadge } from './nomination-badges';
import { DataTable } from '../../components/data-table';

function useInvalidate(id: string) {
  return [
    commendationKeys.nomination(id),
    commendationKeys.nominations,
    commendationKeys.approvals,
  ];
}

/** Đồng ý / trả lại / không đồng ý on the current step; a reason is needed to return or reject. */
function StepActions({ n }: { n: NominationDetail }) {
  const { t } = useTranslation();
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });
  const act = useApiMutation({
    form,
    mutationFn: (decision: 'APPROVE' | 'RETURN' | 'REJECT') =>
      call(
        api.POST('/nominations/{id}/steps/{stepKey}', {
          params: { path: { id: n.id, stepKey: n.currentStep!.key }, header: actionHeaders() },
          body: { decision, ...(form.values.reason.trim() ? { reason: form.values.reason } : {}) },
        }),
      ),
    successMessage: t('nominationDetail.actionDone'),
    invalidate: useInvalidate(n.id),
    onSuccess: () => form.reset(),
  });
  const needReason = (decision: 'RETURN' | 'REJECT') => {
    if (form.values.reason.trim().length < 5) {
      form.setFieldError('reason', t('nominationDetail.reasonRequired'));
      return;
    }
    act.mutate(decision);
  };
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('nominationDetail.yourStep')}
        </Title>
        <Textarea
          label={t('nominationDetail.reason')}
          description={t('nominationDetail.reasonHint')}
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
        <Group>
          <Button color="green" loading={act.isPending} onClick={() => act.mutate('APPROVE')}>
            {t('nominationDetail.approve')}
          </Button>
          <Button color="orange" variant="light" onClick={() => needReason('RETURN')}>
            {t('nominationDetail.return')}
          </Button>
          <Button color="red" variant="light" onClick={() => needReason('REJECT')}>
            {t('nominationDetail.reject')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A council member's secret ballot, and the written vote of an absent member. */
function CouncilBallot({ n }: { n: NominationDetail }) {
  const { t } = useTranslation();
  const [onBehalf, setOnBehalf] = useState('');
  const vote = useApiMutation({
    mutationFn: (vars: { approve: boolean; onBehalfOfUserId?: string }) =>
      call(
        api.POST('/nominations/{id}/council-ballots', {
          params: { path: { id: n.id }, header: actionHeaders() },
          body: vars,
        }),
      ),
    successMessage: t('nominationDetail.voted'),
    invalidate: useInvalidate(n.id),
  });
  const council = n.live?.council;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('nominationDetail.council')}
        </Title>
        {council ? (
          <Text size="sm" c="dimmed">
            {t('nominationDetail.councilProgress', {
              voted: council.voted.length,
              total: council.eligibleCount,
            })}
          </Text>
        ) : null}
        <Group>
          <Button
            color="green"
            loading={vote.isPending}
            onClick={() => vote.mutate({ approve: true })}
          >
            {t('nominationDetail.voteYes')}
          </Button>
          <Button color="red" variant="light" onClick={() => vote.mutate({ approve: false })}>
            {t('nominationDetail.voteNo')}
          </Button>
        </Group>
        <Textarea
          label={t('nominationDetail.onBehalf')}
          description={t('nominationDetail.onBehalfHint')}
          autosize
          minRows={1}
          value={onBehalf}
          onChange={(e) => setOnBehalf(e.currentTarget.value)}
        />
        <Group>
          <Button
            variant="default"
            disabled={!onBehalf.trim()}
            onClick={() => vote.mutate({ approve: true, onBehalfOfUserId: onBehalf.trim() })}
          >
            {t('nominationDetail.recordYes')}
          </Button>
          <Button
            variant="default"
            disabled={!onBehalf.trim()}
            onClick={() => vote.mutate({ approve: false, onBehalfOfUserId: onBehalf.trim() })}
          >
            {t('nominationDetail.recordNo')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** While returned: revised files, then resubmit; or withdraw. */
function ReturnedActions({ n }: { n: NominationDetail }) {
  const { t, i18n } = useTranslation();
  const forms = useAwardForms();
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [note, setNote] = useState('');
  const dossier = forms.data?.find((f) => f.code === n.formCode)?.content.dossier ?? [];
  const invalidate = useInvalidate(n.id);
  const upload = useApiMutation({
    mutationFn: async () => {
      const documents = await Promise.all(
        Object.entries(files)
          .filter((e): e is [string, File] => !!e[1])
          .map(async ([kind, file]) => ({
            kind,
            fileName: file.name,
            mediaType: file.type || 'application/octet-stream',
            contentBase64: await readAsBase64(file),
          })),
      );
      return call(
        api.POST('/nominations/{id}/documents', {
          params: { path: { id: n.id } },
          body: { documents },
        }),
      );
    },
    successMessage: t('nominationDetail.uploaded'),
    invalidate,
    onSuccess: () => setFiles({}),
  });
  const resubmit = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/nominations/{id}/resubmit', {
          params: { path: { id: n.id }, header: actionHeaders() },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    successMessage: t('nominationDetail.resubmitted'),
    invalidate,
  });
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('nominationDetail.returnedTitle')}
        </Title>
        {dossier.map((item) => (
          <FileInput
            key={item.kind}
            label={text(item.label, i18n.language)}
            placeholder={t('nominationForm.chooseFile')}
            clearable
            value={files[item.kind] ?? null}
            onChange={(file) => setFiles((f) => ({ ...f, [item.kind]: file }))}
          />
        ))}
        <Group>
          <Button
            variant="light"
            loading={upload.isPending}
            disabled={!Object.values(files).some(Boolean)}
            onClick={() => upload.mutate()}
          >
            {t('nominationDetail.upload')}
          </Button>
        </Group>
        <Textarea
          label={t('nominationDetail.resubmitNote')}
          autosize
          minRows={1}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          <Button loading={resubmit.isPending} onClick={() => resubmit.mutate()}>
            {t('nominationDetail.resubmit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Withdraw({ n }: { n: NominationDetail }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const withdraw = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/nominations/{id}/withdraw', {
          params: { path: { id: n.id }, header: actionHeaders() },
          body: { reason },
        }),
      ),
    successMessage: t('nominationDetail.withdrawn'),
    invalidate: useInvalidate(n.id),
  });
  return (
    <Card withBorder padding="md">
      <Group align="flex-end">
        <Textarea
          label={t('nominationDetail.withdrawReason')}
          style={{ flex: 1 }}
          autosize
          minRows={1}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button
          color="red"
          variant="light"
          disabled={reason.trim().length < 5}
          loading={withdraw.isPending}
          onClick={() => withdraw.mutate()}
        >
          {t('nominationDetail.withdraw')}
        </Button>
      </Group>
    </Card>
  );
}

function ResolveObjection({ n, objectionId }: { n: NominationDetail; objectionId: string }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState('');
  const resolve = useApiMutation({
    mutationFn: (upheld: boolean) =>
      call(
        api.POST('/nominations/{id}/objections/{objectionId}/resolution', {
          params: { path: { id: n.id, objectionId }, header: actionHeaders() },
          body: { upheld, resolution },
        }),
      ),
    successMessage: t('nominationDetail.resolved'),
    invalidate: useInvalidate(n.id),
  });
  return (
    <Group align="flex-end" mt="xs">
      <Textarea
        label={t('nominationDetail.resolution')}
        style={{ flex: 1 }}
        autosize
        minRows={1}
        value={resolution}
        onChange={(e) => setResolution(e.currentTarget.value)}
      />
      <Button
        size="xs"
        variant="light"
        disabled={!resolution.trim()}
        loading={resolve.isPending}
        onClick={() => resolve.mutate(false)}
      >
        {t('nominationDetail.dismiss')}
      </Button>
      <Button
        size="xs"
        color="red"
        variant="light"
        disabled={!resolution.trim()}
        onClick={() => resolve.mutate(true)}
      >
        {t('nominationDetail.uphold')}
      </Button>
    </Group>
  );
}

export function NominationDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const query = useNomination(id);
  const approvals = useApprovals();
  const n = query.data;
  const roles = new Set(me.data?.roles ?? []);
  const mine = !!n && me.data?.unitId === n.proposerUnitId && roles.has('UNIT_OFFICER');
  const myStep =
    !!n &&
    n.status !== 'RETURNED' &&
    !!approvals.data?.some((a) => a.id === n.id) &&
    !!n.currentStep;
  const isApprover = myStep || roles.has('REVIEWER') || roles.has('AUTHORITY');
  const active = n && !['AWARDED', 'REJECTED', 'WITHDRAWN'].includes(n.status);

  return (
    <>
      <PageHeader
        title={n ? n.nomineeName : t('nominationDetail.title')}
        description={n ? text(n.formName, i18n.language) : undefined}
        actions={
          <Anchor component={Link} to={mine ? '/nominations' : '/approvals'}>
            {t('nominationDetail.back')}
          </Anchor>
        }
      />
      <QueryState isLoading={query.isLoading} error={query.error}>
        {n ? (
          <Stack gap="md">
            <Group gap="xs">
              <NominationStatusBadge status={n.status} />
              <Badge variant="outline">{t('nominationDetail.round', { n: n.round })}</Badge>
              {n.stepDueAt && n.currentStep ? (
                <Text size="sm" c="dimmed">
                  {t('nominationDetail.dueAt', { when: formatDateTime(n.stepDueAt) })}
                </Text>
              ) : null}
            </Group>
            {n.closedReason ? (
              <Alert color="gray" variant="light">
                {n.closedReason}
              </Alert>
            ) : null}
            {n.award ? (
              <Alert color="green" variant="light" title={t('nominationDetail.awarded')}>
                {t('nominationDetail.awardCode')}:{' '}
                <Anchor component={Link} to={`/verify/${n.award.verificationCode}`}>
                  {n.award.verificationCode}
                </Anchor>
              </Alert>
            ) : null}
            <Text size="sm">{n.achievement}</Text>
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="sm">
                {t('nominationDetail.steps')}
              </Title>
              <Stepper
                active={
                  n.currentStep
                    ? n.currentStep.index
                    : n.status === 'AWARDED' || n.status === 'AWAITING_DECISION'
                      ? n.steps.length
                      : -1
                }
                orientation="vertical"
                size="sm"
              >
                {n.steps.map((s) => (
                  <Stepper.Step
                    key={s.key}
                    label={text(s.title, i18n.language)}
                    description={
                      n.currentStep?.key === s.key
                        ? `${n.currentStep.actorUnitName} · ${t('nominationDetail.slaDays', { n: s.slaWorkingDays })}`
                        : t('nominationDetail.slaDays', { n: s.slaWorkingDays })
                    }
                  />
                ))}
              </Stepper>
            </Card>
            {myStep ? <StepActions n={n} /> : null}
            {n.status === 'VOTING' && roles.has('COUNCIL_MEMBER') ? <CouncilBallot n={n} /> : null}
            {n.status === 'RETURNED' && mine ? <ReturnedActions n={n} /> : null}
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="sm">
                {t('nominationDetail.documents')}
              </Title>
              <Stack gap={4}>
                {n.documents.map((d) => (
                  <Group key={d.id} gap="xs">
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() =>
                        void downloadFile(`/nominations/${n.id}/documents/${d.id}`, d.fileName)
                      }
                    >
                      {d.fileName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {d.kind} · {t('nominationDetail.revision', { n: d.revision })} ·{' '}
                      {Math.ceil(d.size / 1024)} KB
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Card>
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="sm">
                {t('nominationDetail.history')}
              </Title>
              <DataTable
                striped={false}
                minWidth={560}
                aria-label={t('nominationDetail.history')}
                rows={n.actions}
                columns={[
                  { header: t('nominationDetail.when'), cell: (a) => formatDateTime(a.at) },
                  {
                    header: t('nominationDetail.step'),
                    cell: (a) =>
                      text(n.steps.find((s) => s.key === a.stepKey)?.title, i18n.language) ||
                      a.stepKey,
                  },
                  {
                    header: t('nominationDetail.action'),
                    cell: (a) => t(`nominationAction.${a.action}`, { defaultValue: a.action }),
                  },
                  { header: t('nominationDetail.reason'), cell: (a) => a.reason ?? '—' },
                ]}
              />
            </Card>
            {n.objections.length > 0 ? (
              <Card withBorder padding="md">
                <Title order={2} size="h4" mb="sm">
                  {t('nominationDetail.objections')}
                </Title>
                <Stack gap="sm">
                  {n.objections.map((o) => (
                    <div key={o.id}>
                      <Text size="sm">{o.text}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(o.filedAt)}
                        {o.upheld === null
                          ? ` · ${t('nominationDetail.pending')}`
                          : ` · ${o.upheld ? t('nominationDetail.upheld') : t('nominationDetail.dismissed')}: ${o.resolution ?? ''}`}
                      </Text>
                      {o.upheld === null && isApprover ? (
                        <ResolveObjection n={n} objectionId={o.id} />
                      ) : null}
                    </div>
                  ))}
                </Stack>
              </Card>
            ) : null}
            {active && mine ? <Withdraw n={n} /> : null}
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}
